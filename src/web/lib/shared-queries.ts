/**
 * Query options that more than one feature reads (features never import each other, so what
 * they share lives here): every group of a region, one group with its rules, one restore job.
 */
import { queryOptions } from '@tanstack/react-query';
import type {
  GroupDetailResponse,
  GroupListResponse,
  RestoreDetail,
  SecurityGroupView,
} from '../../server/contract';
import { api } from './api-client';

const MAX_PAGES = 50;

/** Reads every page of a region's groups (NextToken paging, 100 a page). */
async function fetchAllGroups(region: string, signal: AbortSignal): Promise<SecurityGroupView[]> {
  const groups: SecurityGroupView[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await api.get<GroupListResponse>(
      `/api/regions/${encodeURIComponent(region)}/security-groups`,
      { pageSize: 100, nextToken },
      signal,
    );
    groups.push(...response.groups);
    if (!response.nextToken) break;
    nextToken = response.nextToken;
  }
  return groups;
}

function isActive(detail: RestoreDetail | undefined): boolean {
  return detail?.status === 'pending' || detail?.status === 'running';
}

export const sharedQueries = {
  allGroups: (region: string) =>
    queryOptions({
      queryKey: ['security-groups', region, 'all'] as const,
      queryFn: ({ signal }) => fetchAllGroups(region, signal),
    }),
  groupDetail: (region: string, groupId: string) =>
    queryOptions({
      queryKey: ['security-groups', region, 'detail', groupId] as const,
      queryFn: ({ signal }) =>
        api.get<GroupDetailResponse>(
          `/api/regions/${encodeURIComponent(region)}/security-groups/${encodeURIComponent(groupId)}`,
          undefined,
          signal,
        ),
    }),
  /** A restore job; polled while it is pending or running (the server owns the job). */
  restoreDetail: (restoreId: string) =>
    queryOptions({
      queryKey: ['restores', 'detail', restoreId] as const,
      queryFn: ({ signal }) =>
        api.get<RestoreDetail>(`/api/restores/${encodeURIComponent(restoreId)}`, undefined, signal),
      refetchInterval: (query) => (isActive(query.state.data) ? 500 : false),
      staleTime: 0,
    }),
};

/** True while a restore job still runs on the server. */
export function isRestoreActive(detail: RestoreDetail | undefined): boolean {
  return isActive(detail);
}
