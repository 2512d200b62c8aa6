import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiClient, read, withSignal } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const PAGE = 20;

export const historyQueries = {
  /** The journal's restores, newest first, a page at a time (cursor paging). */
  list: () =>
    infiniteQueryOptions({
      queryKey: queryKeys.restoreList({ limit: PAGE }),
      queryFn: ({ pageParam, signal }) =>
        read(
          apiClient().restores.$get(
            { query: { limit: String(PAGE), cursor: pageParam || undefined } },
            withSignal(signal),
          ),
        ),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor || undefined,
    }),
};
