/**
 * Restore jobs, which the restore dialog and the history both follow: one job, and the latest
 * job of a source. Both are polled while the job runs (the server owns it).
 */
import { queryOptions } from '@tanstack/react-query';
import type { RestoreSummary } from '../../server/contract';
import { apiClient, read, withSignal } from './api-client';
import { queryKeys } from './query-keys';

/** True while a restore job still runs on the server. */
export function isRestoreActive(restore: Pick<RestoreSummary, 'status'> | null | undefined) {
  return restore?.status === 'pending' || restore?.status === 'running';
}

export const restoreQueries = {
  /** A restore job with its steps. */
  detail: (restoreId: string) =>
    queryOptions({
      queryKey: queryKeys.restore(restoreId),
      queryFn: ({ signal }) =>
        read(apiClient().restores[':id'].$get({ param: { id: restoreId } }, withSignal(signal))),
      refetchInterval: (query) => (isRestoreActive(query.state.data) ? 500 : false),
      staleTime: 0,
    }),
  /** The latest restore of a source (null when it has none), to find one that still runs. */
  latestOfSource: (sourceId: string) =>
    queryOptions({
      queryKey: queryKeys.restoreList({ sourceId, limit: 1 }),
      queryFn: ({ signal }) =>
        read(
          apiClient().restores.$get({ query: { sourceId, limit: '1' } }, withSignal(signal)),
        ).then((page) => page.restores[0] ?? null),
      refetchInterval: (query) => (isRestoreActive(query.state.data) ? 1000 : false),
    }),
};
