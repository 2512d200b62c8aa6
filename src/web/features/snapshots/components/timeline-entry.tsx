import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { SnapshotKind, TimelineEntry } from '../../../../server/contract';
import { isWatcherNote, watchReadingOf } from '../../../../domain/watch-notes';
import { kindLabel, statusColor, statusLabel } from '../../../components/restore-labels';
import type { Translate } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { paths } from '../../../lib/paths';

const snapshotKindKeys = {
  manual: 'snapshotsUi.kindManual',
  'before-restore': 'snapshotsUi.kindBeforeRestore',
  'before-undo': 'snapshotsUi.kindBeforeUndo',
  'before-rollback': 'snapshotsUi.kindBeforeRollback',
  watch: 'snapshotsUi.kindWatch',
  import: 'snapshotsUi.kindImport',
} as const satisfies Record<SnapshotKind, string>;

/** What an entry is, in a few words (the timeline's What column, and the compare pick's name). */
export function entryTitle(entry: TimelineEntry, t: Translate): string {
  if (entry.type === 'watch')
    return t(entry.action === 'on' ? 'historyLinks.watchOn' : 'historyLinks.watchOff');
  if (entry.type !== 'snapshot') return kindLabel(entry.kind, t);
  // The watcher's first reading of a group is where its history starts, not a change.
  if (entry.kind === 'watch' && watchReadingOf(entry.note) === 'first')
    return t('phone2.firstReading');
  return t(snapshotKindKeys[entry.kind]);
}

/**
 * The facts of a timeline entry: a snapshot's note, author and rules; a restore's status, counts
 * and author (where the group gave its rules to another, that group); who turned a watch on or off.
 */
export function EntryDetails({ entry }: { entry: TimelineEntry }) {
  const t = useT();
  if (entry.type === 'watch')
    return (
      <Typography.Text type="secondary">
        {t('historyLinks.watchBy', { by: entry.by })}
      </Typography.Text>
    );
  if (entry.type === 'snapshot')
    return (
      <Space orientation="vertical" size={0}>
        {entry.kind === 'watch' && isWatcherNote(entry.note)
          ? watchReadingOf(entry.note) === 'first' && (
              <Typography.Text>{t('phone2.firstReadingNote')}</Typography.Text>
            )
          : entry.note && <Typography.Text>{entry.note}</Typography.Text>}
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
        <Tag color={statusColor[entry.status]}>{statusLabel(entry.status, t)}</Tag>
        <Typography.Text>
          {entry.role === 'destination'
            ? t('historyLinks.copiedFrom', { name: entry.source.name || entry.source.id })
            : t('snapshotsUi.restoreFrom', {
                name: entry.destination.name || entry.destination.id,
              })}
        </Typography.Text>
      </Space>
      <Typography.Text type="secondary">
        {`+${s.added} −${s.removed} ~${s.changed}`} · {t('snapshotsUi.by', { actor: entry.by })}
      </Typography.Text>
    </Space>
  );
}

/**
 * A restore's action on the timeline: its detail page. It sits in the Actions column, where a
 * snapshot has its exports, so no row's Actions is left empty on a phone's stacked rows.
 */
export function RestoreDetailLink({ restoreId }: { restoreId: string }) {
  const t = useT();
  return (
    <Link
      to={paths.restore(restoreId)}
      // Styled like the exports beside it, so the Actions column lines up.
      className="rr-link-button"
      aria-label={t('snapshotsUi.restoreDetailOf', { id: restoreId })}
    >
      {t('snapshotsUi.restoreDetail')}
    </Link>
  );
}
