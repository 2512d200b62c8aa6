import { Space } from 'antd';
import type { SecurityGroupView } from '../../../../server/contract';
import { ExportButtons } from './export-buttons';
import { GroupSnapshotActions } from './group-snapshot-actions';
import { WatchState } from './watch-toggle';

/** The rules page's snapshot actions: watch state, Create snapshot, Clone, Watch, Timeline, Export. */
export function RulesPageSnapshotActions({
  region,
  group,
}: {
  region: string;
  group: SecurityGroupView;
}) {
  return (
    <Space wrap>
      <WatchState region={region} groupId={group.id} />
      <GroupSnapshotActions
        region={region}
        groupId={group.id}
        groupName={group.name}
        variant="page"
      />
      <ExportButtons subject={{ region, groupId: group.id }} name={group.name || group.id} />
    </Space>
  );
}
