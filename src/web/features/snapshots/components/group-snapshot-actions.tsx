import { lazy, Suspense, useState } from 'react';
import { Button, Space } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../i18n/use-t';
import { paths } from '../../../lib/paths';
import { WatchToggle } from './watch-toggle';

// The dialogs load on first use: the groups list is the first screen.
const CreateSnapshotModal = lazy(() =>
  import('./create-snapshot-modal').then((m) => ({ default: m.CreateSnapshotModal })),
);
const CloneModal = lazy(() => import('./clone-modal').then((m) => ({ default: m.CloneModal })));

interface GroupSnapshotActionsProps {
  region: string;
  groupId: string;
  groupName: string;
  /**
   * `row`: link-styled, for a list row; `page`: buttons, for the rules page's header;
   * `timeline`: the page's buttons on the timeline itself, which needs no link to itself.
   */
  variant: 'row' | 'page' | 'timeline';
}

/** Create snapshot, Clone, Timeline and Watch for one group, with their dialogs. */
export function GroupSnapshotActions({
  region,
  groupId,
  groupName,
  variant,
}: GroupSnapshotActionsProps) {
  const t = useT();
  const [open, setOpen] = useState<'snapshot' | 'clone' | null>(null);
  const name = groupName || groupId;
  const action = (kind: 'snapshot' | 'clone') => {
    const label = t(kind === 'snapshot' ? 'snapshotsUi.createSnapshot' : 'snapshotsUi.clone');
    const ariaLabel = t(
      kind === 'snapshot' ? 'snapshotsUi.createSnapshotOf' : 'snapshotsUi.cloneOf',
      {
        name,
      },
    );
    return variant === 'row' ? (
      <button
        type="button"
        className="rr-link-button"
        onClick={() => setOpen(kind)}
        aria-label={ariaLabel}
      >
        {label}
      </button>
    ) : (
      <Button onClick={() => setOpen(kind)} aria-label={ariaLabel}>
        {label}
      </Button>
    );
  };
  const timeline = (
    <Link
      to={paths.timeline(region, groupId)}
      aria-label={t('snapshotsUi.timelineOf', { name })}
      className={variant === 'row' ? 'rr-link-button' : undefined}
    >
      {t('snapshotsUi.timeline')}
    </Link>
  );
  const dialogs = (
    <Suspense fallback={null}>
      {open === 'snapshot' && (
        <CreateSnapshotModal
          region={region}
          groupId={groupId}
          groupName={name}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'clone' && (
        <CloneModal
          region={region}
          groupId={groupId}
          groupName={groupName}
          onClose={() => setOpen(null)}
        />
      )}
    </Suspense>
  );
  const watch = <WatchToggle region={region} groupId={groupId} groupName={name} />;
  return variant === 'row' ? (
    <>
      {action('snapshot')}
      {action('clone')}
      {timeline}
      {watch}
      {dialogs}
    </>
  ) : (
    <Space wrap>
      {action('snapshot')}
      {action('clone')}
      {watch}
      {variant === 'page' && timeline}
      {dialogs}
    </Space>
  );
}
