import { queryOptions } from '@tanstack/react-query';
import type { PreviewResponse, RestoreListResponse } from '../../../../server/contract';
import { api } from '../../../lib/api-client';
import { sharedQueries } from '../../../lib/shared-queries';

export type RestoreMode = 'completely' | 'partially';
export interface RestoreOptionsValue {
  recreateSystemRules: boolean;
  retargetSelfReferences: boolean;
}
export interface PreviewParams {
  destinationId: string;
  mode: RestoreMode;
  options: RestoreOptionsValue;
}

/** True for a job status that means the job still runs on the server. */
export function isRunningStatus(status: string | undefined): boolean {
  return status === 'pending' || status === 'running';
}

/** Path of a source group's restore endpoints. */
export function sourcePath(region: string, sourceId: string): string {
  return `/api/regions/${encodeURIComponent(region)}/security-groups/${encodeURIComponent(sourceId)}`;
}

export const restoreQueries = {
  source: (region: string, sourceId: string) => sharedQueries.groupDetail(region, sourceId),
  candidates: (region: string) => sharedQueries.allGroups(region),
  /**
   * The preview of restoring `sourceId` from a destination with a type and options. Keyed under
   * the region's groups, so any change to them (a finished restore) makes it stale.
   */
  preview: (region: string, sourceId: string, params: PreviewParams) =>
    queryOptions({
      queryKey: ['security-groups', region, 'restore-preview', sourceId, params] as const,
      queryFn: () =>
        api.post<PreviewResponse>(`${sourcePath(region, sourceId)}/restore-preview`, params),
      staleTime: 0,
      refetchOnWindowFocus: false,
    }),
  job: (restoreId: string) => sharedQueries.restoreDetail(restoreId),
  /** The latest restore of a source, to find one that is still running; polled while it runs. */
  latestOfSource: (sourceId: string) =>
    queryOptions({
      queryKey: ['restores', 'list', { sourceId, limit: 1 }] as const,
      queryFn: ({ signal }) =>
        api
          .get<RestoreListResponse>('/api/restores', { sourceId, limit: 1 }, signal)
          .then((r) => r.restores[0] ?? null),
      refetchInterval: (query) => (isRunningStatus(query.state.data?.status) ? 1000 : false),
    }),
};
