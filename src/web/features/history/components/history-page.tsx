import { Button, Flex, Tag } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { RestoreSummary } from '../../../../server/contract';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { ErrorSentence } from '../../../components/error-sentence';
import { PageTitle } from '../../../components/headings';
import { WholeIds } from '../../../components/whole-ids';
import { useFormatTime } from '../../../i18n/use-format-time';
import { useT } from '../../../i18n/use-t';
import { paths } from '../../../lib/paths';
import { historyExportUrl, historyQueries } from '../api/history-queries';
import { historyQueryOf, useHistoryFilters } from '../hooks/use-history-filters';
import { destinationLabel } from './destination-label';
import { HistoryFiltersBar } from './history-filters';
import { kindLabel, modeLabel, statusColor, statusLabel } from '../../../components/restore-labels';

/**
 * Restore History: the journal's restores, rollbacks and undos, filtered on the server by what
 * the URL holds (so a filtered list can be bookmarked and shared), with exports of that list.
 */
export function HistoryPage() {
  const t = useT();
  const formatTime = useFormatTime();
  const [filters, setFilter, clearFilters] = useHistoryFilters();
  const query = historyQueryOf(filters);
  const list = useInfiniteQuery(historyQueries.list(query));
  const rows = list.data?.pages.flatMap((page) => page.restores) ?? [];

  const columns: DataColumn<RestoreSummary>[] = [
    { key: 'time', title: t('history.colTime'), render: (r) => formatTime(r.createdAt) },
    { key: 'region', title: t('history.colRegion'), render: (r) => r.regionId },
    {
      key: 'source',
      title: t('history.colSource'),
      render: (r) => <WholeIds text={`${r.source.name} (${r.source.id})`} />,
    },
    {
      key: 'destination',
      title: t('history.colDestination'),
      render: (r) => <WholeIds text={destinationLabel(r, t, formatTime)} />,
    },
    { key: 'actor', title: t('auditHistory.actor'), render: (r) => r.actor },
    {
      key: 'type',
      title: t('history.colType'),
      render: (r) => `${kindLabel(r.kind, t)} · ${modeLabel(r.mode, t)}`,
    },
    {
      key: 'outcome',
      title: t('history.colOutcome'),
      render: (r) => (
        <>
          <Tag color={statusColor[r.status]}>
            {statusLabel(r.status, t)} ({r.stepsApplied}/{r.stepsTotal})
          </Tag>
          {r.automaticRevert && (
            <Tag color={r.automaticRevert === 'reverted' ? 'warning' : 'purple'}>
              {t(
                r.automaticRevert === 'reverted'
                  ? 'historyLinks.markReverted'
                  : 'historyLinks.markRevert',
              )}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'actions',
      title: t('history.colActions'),
      render: (r) => (
        <Link to={paths.restore(r.id)} aria-label={t('history.detailsOf', { id: r.id })}>
          {t('history.details')}
        </Link>
      ),
    },
  ];

  return (
    <section aria-labelledby="history-title">
      {/* On a phone the Export buttons wrap under the title: a gap keeps them off the filters. */}
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 16 }}>
        <PageTitle id="history-title">{t('history.title')}</PageTitle>
        <Flex gap="small" wrap>
          <Button href={historyExportUrl('csv', query)} download>
            {t('auditHistory.exportCsv')}
          </Button>
          <Button href={historyExportUrl('json', query)} download>
            {t('auditHistory.exportJson')}
          </Button>
        </Flex>
      </Flex>
      <HistoryFiltersBar filters={filters} onChange={setFilter} onClear={clearFilters} />
      {list.isError && !list.data ? (
        <ErrorSentence
          title={t('history.loadError')}
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : (
        <>
          <DataTable
            caption={t('history.title')}
            rowKey={(r) => r.id}
            columns={columns}
            rows={rows}
            loading={list.isPending}
            empty={list.isPending ? t('app.loading') : t('history.empty')}
          />
          {list.hasNextPage && (
            <Button
              style={{ marginTop: 16 }}
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              {t('history.loadMore')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
