import { useCallback, useMemo } from 'react';
import type { RestoreSummary } from '../../../../server/contract';
import { useEditSearchParams } from '../../../lib/use-edit-search-params';

/** The history list's filters as the URL keeps them (`?sourceId=&status=&kind=&actor=&from=&to=`). */
export interface HistoryFilters {
  sourceId?: string;
  status?: RestoreSummary['status'];
  kind?: RestoreSummary['kind'];
  actor?: string;
  /** First day shown (YYYY-MM-DD, the browser's time zone). */
  from?: string;
  /** Last day shown, inclusive. */
  to?: string;
}

export const FILTER_KEYS = ['sourceId', 'status', 'kind', 'actor', 'from', 'to'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES = new Set(['pending', 'running', 'succeeded', 'failed', 'interrupted', 'refused']);
const KINDS = new Set(['restore', 'rollback', 'undo']);

/** The filters a URL holds; values the server would refuse are dropped, not sent. */
export function filtersOf(params: URLSearchParams): HistoryFilters {
  const filters: HistoryFilters = {};
  const text = (key: FilterKey) => params.get(key)?.trim() || undefined;
  const sourceId = text('sourceId');
  const status = text('status');
  const kind = text('kind');
  const actor = text('actor');
  const from = text('from');
  const to = text('to');
  if (sourceId) filters.sourceId = sourceId;
  if (status && STATUSES.has(status)) filters.status = status as HistoryFilters['status'];
  if (kind && KINDS.has(kind)) filters.kind = kind as HistoryFilters['kind'];
  if (actor) filters.actor = actor;
  if (from && DAY.test(from)) filters.from = from;
  if (to && DAY.test(to)) filters.to = to;
  return filters;
}

/** Local midnight of `day` (+ `plusDays`) as an ISO instant: what the server's from/to take. */
function startOf(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** The list's query string fields: days become instants, `to` includes its whole day. */
export function historyQueryOf(filters: HistoryFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.sourceId) query.sourceId = filters.sourceId;
  if (filters.status) query.status = filters.status;
  if (filters.kind) query.kind = filters.kind;
  if (filters.actor) query.actor = filters.actor;
  if (filters.from) query.from = startOf(filters.from);
  if (filters.to) query.to = startOf(filters.to, 1);
  return query;
}

/** The filters in the URL, and a setter that changes one of them (empty removes it). */
export function useHistoryFilters(): [
  HistoryFilters,
  (key: FilterKey, value: string | undefined) => void,
  () => void,
] {
  const [params, edit] = useEditSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const set = useCallback(
    (key: FilterKey, value: string | undefined) =>
      edit((next) => {
        if (value === undefined || value.trim() === '') next.delete(key);
        else next.set(key, value.trim());
      }),
    [edit],
  );
  const clear = useCallback(
    () =>
      edit((next) => {
        for (const key of FILTER_KEYS) next.delete(key);
      }),
    [edit],
  );
  return [filters, set, clear];
}
