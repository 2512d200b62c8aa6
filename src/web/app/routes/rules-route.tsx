import { useParams } from 'react-router';
import { useRegion } from '../../features/regions/hooks/use-region';
import { RulesPage } from '../../features/rules/components/rules-page';
import { RulesPageSnapshotActions } from '../../features/snapshots/components/rules-page-actions';

/** Manage Rules of the group in the path (its own lazy chunk). */
export function RulesRoute() {
  const [region] = useRegion();
  const { groupId = '' } = useParams();
  return (
    <RulesPage
      key={`${region}/${groupId}`}
      region={region}
      groupId={groupId}
      actions={(group) => <RulesPageSnapshotActions region={region} group={group} />}
    />
  );
}
