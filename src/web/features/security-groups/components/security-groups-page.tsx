import { useDeferredValue, useMemo, type ReactNode } from 'react';
import { Button, Empty, Flex, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { SecurityGroupView } from '../../../../server/contract';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { DeferredSearch } from '../../../components/deferred-search';
import { DeferredSelect } from '../../../components/deferred-select';
import { ErrorSentence } from '../../../components/error-sentence';
import { PageTitle } from '../../../components/headings';
import { Text } from '../../../components/plain-typography';
import { useT } from '../../../i18n/use-t';
import { useFormatTime } from '../../../i18n/use-format-time';
import { paths } from '../../../lib/paths';
import { groupQueries } from '../../../lib/group-queries';
import { useNarrowScreen } from '../../../lib/use-narrow-screen';
import { useGroupListParams } from '../hooks/use-group-list-params';

/**
 * Rows a phone draws in the first commit of a page: about what 390 × 844 shows, each row
 * stacking its cells. A wide table draws the whole page at once: its columns take their widths
 * from every row, so rows added later would move the columns of those already shown.
 */
const FIRST_ROWS_NARROW = 4;

interface SecurityGroupsPageProps {
  region: string;
  /** More actions of a row (composed by the app layer from other features). */
  rowActions?: (group: SecurityGroupView) => ReactNode;
  /** A state shown under a row's name (e.g. its watch). */
  rowBadge?: (group: SecurityGroupView) => ReactNode;
}

/** Network & Security > Security Groups: the groups of one region. */
export function SecurityGroupsPage({ region, rowActions, rowBadge }: SecurityGroupsPageProps) {
  const t = useT();
  const formatTime = useFormatTime();
  const params = useGroupListParams();
  const narrow = useNarrowScreen();
  const { search, vpcId, nextToken, page } = params;

  const list = useQuery(groupQueries.page(region, { search, vpcId, nextToken }));
  const all = useQuery(groupQueries.all(region));
  const vpcOptions = useMemo(() => {
    const ids = new Set((all.data ?? []).map((g) => g.vpcId).filter(Boolean));
    if (vpcId) ids.add(vpcId);
    return [
      { value: '', label: t('groups.allVpcs') },
      ...[...ids].sort().map((id) => ({ value: id, label: id })),
    ];
  }, [all.data, vpcId, t]);

  const shown = list.data;
  const groups = shown?.groups ?? [];
  // On a phone the rows the screen holds come first, the rest of the page in a background
  // render: drawn in one commit with the page around them, twenty rows were the longest task of
  // a slow phone's start (creating and laying out every cell before the first screen painted).
  // (No initial value on a wide screen: no second render.)
  const drawn = useDeferredValue(groups.length, narrow ? FIRST_ROWS_NARROW : undefined);
  const rows =
    narrow && groups.length > FIRST_ROWS_NARROW
      ? groups.slice(0, Math.max(drawn, FIRST_ROWS_NARROW))
      : groups;
  const filtered = Boolean(search || vpcId);

  const columns: DataColumn<SecurityGroupView>[] = [
    {
      key: 'idName',
      title: t('groups.colIdName'),
      render: (g) => (
        <div className="rr-stack">
          <Link to={paths.rules(region, g.id)}>{g.id}</Link>
          <span>{g.name}</span>
          {rowBadge?.(g)}
        </div>
      ),
    },
    { key: 'vpc', title: t('groups.colVpc'), render: (g) => g.vpcId || t('groups.classic') },
    {
      key: 'type',
      title: t('groups.colType'),
      render: (g) => (
        <span className="rr-inline">
          {g.type === 'enterprise' ? t('groups.typeEnterprise') : t('groups.typeNormal')}
          {g.serviceManaged && <Tag>{t('groups.serviceManaged')}</Tag>}
        </span>
      ),
    },
    { key: 'rules', title: t('groups.colRules'), render: (g) => g.ruleCount, align: 'right' },
    { key: 'description', title: t('groups.colDescription'), render: (g) => g.description },
    { key: 'created', title: t('groups.colCreated'), render: (g) => formatTime(g.creationTime) },
    {
      key: 'actions',
      title: t('groups.colActions'),
      render: (g) => (
        <div className="rr-actions">
          <Link
            to={paths.rules(region, g.id)}
            aria-label={t('groups.manageRulesOf', { name: g.name || g.id })}
          >
            {t('groups.manageRules')}
          </Link>
          {/* A plain button styled as antd's link button (app.css): twenty antd Buttons were a
              measurable part of committing the first screen on a slow phone. */}
          <button
            type="button"
            className="rr-link-button"
            onClick={() => params.openRestore(g.id)}
            aria-label={t('groups.restoreRulesOf', { name: g.name || g.id })}
          >
            {t('groups.restoreRules')}
          </button>
          {rowActions?.(g)}
        </div>
      ),
    },
  ];

  const emptyState = filtered ? (
    <Empty
      description={
        <Space orientation="vertical">
          <Text strong>{t('groups.noMatchTitle', { search: search || vpcId })}</Text>
          <Text type="secondary">{t('groups.noMatchHint')}</Text>
          <Button onClick={params.clearFilters}>{t('groups.clearSearch')}</Button>
        </Space>
      }
    />
  ) : (
    <Empty
      description={
        <Space orientation="vertical">
          <Text strong>{t('groups.emptyTitle')}</Text>
          <Text type="secondary">{t('groups.emptyHint')}</Text>
        </Space>
      }
    />
  );

  return (
    <section aria-labelledby="groups-title">
      <PageTitle id="groups-title">{t('groups.title')}</PageTitle>
      <Flex gap="small" wrap align="center" style={{ marginBottom: 16 }}>
        <DeferredSearch
          aria-label={t('groups.search')}
          placeholder={t('groups.searchPlaceholder')}
          // Keyed by the URL's search, so Back/Forward and Clear search reset the box.
          key={search}
          defaultValue={search}
          onSearch={(value) => params.setSearch(value)}
          allowClear
          style={{ width: 360 }}
        />
        <DeferredSelect
          aria-label={t('groups.vpcFilter')}
          value={vpcId}
          options={vpcOptions}
          onChange={params.setVpcId}
          style={{ minWidth: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Button onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending}>
          {t('groups.refresh')}
        </Button>
      </Flex>
      {list.isError && !list.data ? (
        <ErrorSentence
          title={t('groups.loadError')}
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : (
        <>
          <DataTable
            caption={t('groups.title')}
            rowKey={(g) => g.id}
            columns={columns}
            rows={rows}
            loading={!shown || (list.isPlaceholderData && list.isFetching)}
            empty={shown ? emptyState : t('app.loading')}
          />
          {shown && (
            <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
              <Text aria-live="polite">{t('groups.counter', { page, count: groups.length })}</Text>
              <nav aria-label={t('groups.pagination')}>
                <Space>
                  <Button onClick={params.previousPage} disabled={page === 1}>
                    {t('groups.prevPage')}
                  </Button>
                  <Button
                    onClick={() => shown.nextToken && params.nextPage(shown.nextToken)}
                    disabled={!shown.nextToken || list.isPlaceholderData}
                  >
                    {t('groups.nextPage')}
                  </Button>
                </Space>
              </nav>
            </Flex>
          )}
        </>
      )}
    </section>
  );
}
