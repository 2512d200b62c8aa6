import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { PreviewResponse, RestoreListResponse } from '../../../../server/contract';
import { api } from '../../../lib/api-client';
import { sharedQueries } from '../../../lib/shared-queries';

const PAGE = 20;

export const historyQueries = {
  /** The journal's restores, newest first, a page at a time (cursor paging). */
  list: () =>
    infiniteQueryOptions({
      queryKey: ['restores', 'list', { limit: PAGE }] as const,
      queryFn: ({ pageParam, signal }) =>
        api.get<RestoreListResponse>(
          '/api/restores',
          { limit: PAGE, cursor: pageParam || undefined },
          signal,
        ),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor || undefined,
    }),
  detail: (restoreId: string) => sharedQueries.restoreDetail(restoreId),
  /** What Undo would change: the source back to its rules from just before the restore. */
  undoPreview: (restoreId: string) =>
    queryOptions({
      queryKey: ['restores', 'undo-preview', restoreId] as const,
      queryFn: ({ signal }) =>
        api.get<PreviewResponse>(
          `/api/restores/${encodeURIComponent(restoreId)}/undo-preview`,
          undefined,
          signal,
        ),
      staleTime: 0,
      refetchOnWindowFocus: false,
    }),
};
