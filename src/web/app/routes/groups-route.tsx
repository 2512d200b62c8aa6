import { lazy, Suspense } from 'react';
import { useRegion } from '../../features/regions/hooks/use-region';
import { useEditSearchParams } from '../../lib/use-edit-search-params';
import { SecurityGroupsPage } from '../../features/security-groups/components/security-groups-page';
import { GroupSnapshotActions } from '../../features/snapshots/components/group-snapshot-actions';
import { WatchState } from '../../features/snapshots/components/watch-toggle';

const RestoreModal = lazy(() =>
  import('../../features/restore/components/restore-modal').then((m) => ({
    default: m.RestoreModal,
  })),
);

/** The groups list, with the Restore Rules dialog when the URL says `?restore=<source id>`. */
export function GroupsRoute() {
  const [region] = useRegion();
  const [params, edit] = useEditSearchParams();
  const sourceId = params.get('restore');
  const restoreId = params.get('job');

  return (
    <>
      <SecurityGroupsPage
        region={region}
        rowActions={(g) => (
          <GroupSnapshotActions region={region} groupId={g.id} groupName={g.name} variant="row" />
        )}
        rowBadge={(g) => <WatchState region={region} groupId={g.id} />}
      />
      {sourceId && (
        <Suspense fallback={null}>
          <RestoreModal
            key={sourceId}
            region={region}
            sourceId={sourceId}
            restoreId={restoreId}
            onRestoreIdChange={(id) =>
              edit((next) => (id ? next.set('job', id) : next.delete('job')))
            }
            onClose={() =>
              edit((next) => {
                next.delete('restore');
                next.delete('job');
              })
            }
          />
        </Suspense>
      )}
    </>
  );
}
