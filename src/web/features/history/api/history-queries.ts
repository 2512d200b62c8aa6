import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiClient, read, withSignal } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const PAGE = 20;

export const historyQueries = {
  /**
   * The journal's restores matching `query` (the filters as the server takes them), newest
   * first, a page at a time (cursor paging). Keyed under the restore lists, so every change to a
   * restore refreshes each filtered list.
   */
  list: (query: Record<string, string> = {}) =>
    infiniteQueryOptions({
      queryKey: [...queryKeys.restoreLists(), { limit: PAGE, ...query }],
      queryFn: ({ pageParam, signal }) =>
        read(
          apiClient().restores.$get(
            { query: { ...query, limit: String(PAGE), cursor: pageParam || undefined } },
            withSignal(signal),
          ),
        ),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor || undefined,
    }),
};

/** The address of the filtered list's export (a download the browser saves). */
export function historyExportUrl(format: 'csv' | 'json', query: Record<string, string>): string {
  return `/api/restores/export?${new URLSearchParams({ format, ...query }).toString()}`;
}
