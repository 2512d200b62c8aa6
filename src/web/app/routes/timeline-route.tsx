import { useParams } from 'react-router';
import { useRegion } from '../../features/regions/hooks/use-region';
import { TimelinePage } from '../../features/snapshots/components/timeline-page';

/** The timeline of the group in the path (its own lazy chunk). */
export function TimelineRoute() {
  const [region] = useRegion();
  const { groupId = '' } = useParams();
  return <TimelinePage key={`${region}/${groupId}`} region={region} groupId={groupId} />;
}
