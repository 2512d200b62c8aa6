/**
 * The security groups of a region: one page of the list as the Security Groups page shows it,
 * and every group (the VPC filter's choices, group names in rules, restore destinations).
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SecurityGroupView } from '../../server/contract';
import { apiClient, read, withSignal } from './api-client';
import { queryKeys, type GroupListFilters } from './query-keys';

/** Groups per page of the Security Groups list. */
const PAGE_SIZE = 20;
const MAX_PAGES = 50;

function listGroups(
  region: string,
  query: { search?: string; vpcId?: string; nextToken?: string; pageSize: number },
  signal: AbortSignal,
) {
  return read(
    apiClient().regions[':region']['security-groups'].$get(
      {
        param: { region },
        query: {
          search: query.search || undefined,
          vpcId: query.vpcId || undefined,
          nextToken: query.nextToken || undefined,
          pageSize: String(query.pageSize),
        },
      },
      withSignal(signal),
    ),
  );
}

/** Reads every page of a region's groups (NextToken paging, 100 a page). */
async function listAllGroups(region: string, signal: AbortSignal): Promise<SecurityGroupView[]> {
  const groups: SecurityGroupView[] = [];
  let nextToken = '';
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await listGroups(region, { nextToken, pageSize: 100 }, signal);
    groups.push(...response.groups);
    if (!response.nextToken) break;
    nextToken = response.nextToken;
  }
  return groups;
}

export const groupQueries = {
  /** One page of a region's groups, as the NextToken paging of the API gives it. */
  page: (region: string, filters: GroupListFilters) =>
    queryOptions({
      queryKey: queryKeys.groupPage(region, filters),
      queryFn: ({ signal }) => listGroups(region, { ...filters, pageSize: PAGE_SIZE }, signal),
      placeholderData: keepPreviousData,
    }),
  /** Every group of the region. */
  all: (region: string) =>
    queryOptions({
      queryKey: queryKeys.allGroups(region),
      queryFn: ({ signal }) => listAllGroups(region, signal),
    }),
};
