import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { SnapshotKind, TimelineEntry } from '../../../../server/contract';
import type { Translate } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { paths } from '../../../lib/paths';

type RestoreEntry = Extract<TimelineEntry, { type: 'restore' }>;

const snapshotKindKeys = {
  manual: 'snapshotsUi.kindManual',
  'before-restore': 'snapshotsUi.kindBeforeRestore',
  'before-undo': 'snapshotsUi.kindBeforeUndo',
  'before-rollback': 'snapshotsUi.kindBeforeRollback',
  watch: 'snapshotsUi.kindWatch',
} as const satisfies Record<SnapshotKind, string>;

const restoreKindKeys = {
  restore: 'history.kindRestore',
  rollback: 'history.kindRollback',
  undo: 'history.kindUndo',
} as const satisfies Record<RestoreEntry['kind'], string>;

const statusKeys = {
  pending: 'history.statusPending',
  running: 'history.statusRunning',
  succeeded: 'history.statusSucceeded',
  failed: 'history.statusFailed',
  interrupted: 'history.statusInterrupted',
  refused: 'history.statusRefused',
} as const satisfies Record<RestoreEntry['status'], string>;

const statusColor: Record<RestoreEntry['status'], string> = {
  pending: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  interrupted: 'warning',
  refused: 'error',
};

/** What an entry is, in a few words (the timeline's What column, and the compare pick's name). */
export function entryTitle(entry: TimelineEntry, t: Translate): string {
  return entry.type === 'snapshot'
    ? t(snapshotKindKeys[entry.kind])
    : t(restoreKindKeys[entry.kind]);
}

/** The facts of a timeline entry: a snapshot's note, author and rules; a restore's status and counts. */
export function EntryDetails({ entry }: { entry: TimelineEntry }) {
  const t = useT();
  if (entry.type === 'snapshot')
    return (
      <Space orientation="vertical" size={0}>
        {entry.note && <Typography.Text>{entry.note}</Typography.Text>}
        <Typography.Text type="secondary">
          {t('snapshotsUi.snapshotFacts', { count: entry.ruleCount, actor: entry.by })}
        </Typography.Text>
        {entry.restoreId && (
          <Link to={paths.restore(entry.restoreId)}>{t('snapshotsUi.takenBefore')}</Link>
        )}
      </Space>
    );
  const s = entry.summary;
  return (
    <Space orientation="vertical" size={0}>
      <Space size={4} wrap>
        <Tag color={statusColor[entry.status]}>{t(statusKeys[entry.status])}</Tag>
        <Typography.Text>
          {t('snapshotsUi.restoreFrom', { name: entry.destination.name || entry.destination.id })}
        </Typography.Text>
      </Space>
      <Typography.Text type="secondary">
        {`+${s.added} −${s.removed} ~${s.changed}`} · {t('snapshotsUi.by', { actor: entry.by })}
      </Typography.Text>
      <Link
        to={paths.restore(entry.id)}
        aria-label={t('snapshotsUi.restoreDetailOf', { id: entry.id })}
      >
        {t('snapshotsUi.restoreDetail')}
      </Link>
    </Space>
  );
}
