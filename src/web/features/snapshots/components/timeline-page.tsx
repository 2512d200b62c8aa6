import { useMemo, useState } from 'react';
import { Button, Checkbox, Flex, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TimelineEntry } from '../../../../server/contract';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { ErrorSentence } from '../../../components/error-sentence';
import { PageTitle } from '../../../components/headings';
import { useFormatTime } from '../../../i18n/use-format-time';
import { useT } from '../../../i18n/use-t';
import { groupQueries } from '../../../lib/group-queries';
import { paths } from '../../../lib/paths';
import { ruleQueries } from '../../../lib/rule-queries';
import { snapshotQueries, type ComparePoint } from '../../../lib/snapshot-queries';
import { CompareView } from './compare-view';
import { ExportButtons } from './export-buttons';
import { GroupSnapshotActions } from './group-snapshot-actions';
import { EntryDetails, RestoreDetailLink, entryTitle } from './timeline-entry';
import { orderedPair, pointOf, togglePick } from './timeline-points';
import { WatchState } from './watch-toggle';

/** The Live rules row above the entries. */
type Row = { type: 'live' } | TimelineEntry;

/** A group's timeline: snapshots and restores newest first, any two points compared. */
export function TimelinePage({ region, groupId }: { region: string; groupId: string }) {
  const t = useT();
  const formatTime = useFormatTime();
  const timeline = useQuery(snapshotQueries.timeline(region, groupId));
  // The group itself: its name, and whether it still exists (a deleted group keeps its timeline).
  const group = useQuery(ruleQueries.ofGroup(region, groupId));
  const groups = useQuery(groupQueries.all(region));
  const names = useMemo(
    () => new Map((groups.data ?? []).map((g) => [g.id, g.name])),
    [groups.data],
  );
  const [picks, setPicks] = useState<readonly ComparePoint[]>([]);
  const [compared, setCompared] = useState<{ from: ComparePoint; to: ComparePoint }>();

  const entries = useMemo(() => timeline.data?.entries ?? [], [timeline.data]);
  const points = useMemo(
    () => entries.map(pointOf).filter((p): p is ComparePoint => p !== undefined),
    [entries],
  );
  const name = group.data?.group.name || groupId;
  const live = group.isSuccess;
  const rows: Row[] = [...(live ? [{ type: 'live' as const }] : []), ...entries];
  const pair = orderedPair(picks, points);

  const pointOfRow = (row: Row): ComparePoint | undefined =>
    row.type === 'live' ? 'live' : pointOf(row);
  const titleOf = (row: Row) => (row.type === 'live' ? t('snapshotsUi.live') : entryTitle(row, t));

  const columns: DataColumn<Row>[] = [
    {
      key: 'pick',
      title: t('snapshotsUi.colPick'),
      render: (row) => {
        const point = pointOfRow(row);
        if (!point) return null;
        return (
          <Checkbox
            checked={picks.includes(point)}
            onChange={() => setPicks((current) => togglePick(current, point))}
            aria-label={
              row.type === 'live'
                ? t('snapshotsUi.pickLive')
                : t('snapshotsUi.pick', { what: titleOf(row), time: formatTime(row.at) })
            }
          />
        );
      },
    },
    {
      key: 'when',
      title: t('snapshotsUi.colWhen'),
      render: (row) => (row.type === 'live' ? t('snapshotsUi.now') : formatTime(row.at)),
    },
    {
      key: 'what',
      title: t('snapshotsUi.colWhat'),
      render: (row) => <strong>{titleOf(row)}</strong>,
    },
    {
      key: 'details',
      title: t('snapshotsUi.colDetails'),
      render: (row) =>
        row.type === 'live' ? (
          <Typography.Text type="secondary">
            {t('snapshotsUi.liveHint', {
              count: (group.data?.rules ?? []).length,
            })}
          </Typography.Text>
        ) : (
          <EntryDetails entry={row} />
        ),
    },
    {
      key: 'actions',
      title: t('snapshotsUi.colActions'),
      render: (row) =>
        row.type === 'live' ? (
          <ExportButtons subject={{ region, groupId }} name={name} />
        ) : row.type === 'snapshot' ? (
          <ExportButtons subject={{ snapshotId: row.id }} name={`${name} ${formatTime(row.at)}`} />
        ) : (
          <RestoreDetailLink restoreId={row.id} />
        ),
    },
  ];

  return (
    <section aria-labelledby="timeline-title">
      {/* One line, each link kept whole: on a phone they fit side by side with room between. */}
      <Flex gap="middle" className="rr-back-links">
        <Link to={paths.rules(region, groupId)}>{t('snapshotsUi.backToRules')}</Link>
        <Link to={paths.groups(region)}>{t('snapshotsUi.backToGroups')}</Link>
      </Flex>
      <Flex justify="space-between" align="center" wrap gap="small">
        <PageTitle id="timeline-title">{t('snapshotsUi.timelineTitle', { name })}</PageTitle>
        {live && (
          <GroupSnapshotActions
            region={region}
            groupId={groupId}
            groupName={group.data.group.name}
            variant="timeline"
          />
        )}
      </Flex>
      <WatchState region={region} groupId={groupId} />
      {group.isError && (
        <Typography.Paragraph type="warning">
          {t('snapshotsUi.groupUnreadable')}
        </Typography.Paragraph>
      )}
      {timeline.isPending ? (
        <Skeleton active aria-label={t('app.loading')} />
      ) : timeline.isError ? (
        <ErrorSentence
          title={t('snapshotsUi.loadError')}
          error={timeline.error}
          onRetry={() => void timeline.refetch()}
        />
      ) : (
        <>
          <Flex gap="small" wrap align="center" style={{ margin: '12px 0' }}>
            <Typography.Text aria-live="polite">
              {pair ? t('snapshotsUi.pickedTwo') : t('snapshotsUi.pickHint')}
            </Typography.Text>
            <Button type="primary" disabled={!pair} onClick={() => setCompared(pair)}>
              {t('snapshotsUi.compare')}
            </Button>
            <Button
              disabled={picks.length === 0}
              onClick={() => {
                setPicks([]);
                setCompared(undefined);
              }}
            >
              {t('snapshotsUi.clearPicks')}
            </Button>
          </Flex>
          <DataTable
            caption={t('snapshotsUi.timelineTitle', { name })}
            rowKey={(row) => (row.type === 'live' ? 'live' : `${row.type}-${row.id}`)}
            columns={columns}
            rows={rows}
            empty={t('snapshotsUi.empty')}
          />
          {entries.length === 0 && live && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('snapshotsUi.empty')}
            </Typography.Paragraph>
          )}
        </>
      )}
      {compared && (
        <CompareView
          key={`${compared.from}-${compared.to}`}
          region={region}
          groupId={groupId}
          from={compared.from}
          to={compared.to}
          names={names}
        />
      )}
    </section>
  );
}
