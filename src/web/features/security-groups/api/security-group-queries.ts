import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { GroupListResponse } from '../../../../server/contract';
import { api } from '../../../lib/api-client';
import { sharedQueries } from '../../../lib/shared-queries';

export interface GroupListFilters {
  search: string;
  vpcId: string;
  nextToken: string;
}

export const PAGE_SIZE = 20;

export const securityGroupQueries = {
  /** One page of a region's groups, as the NextToken paging of the API gives it. */
  list: (region: string, filters: GroupListFilters) =>
    queryOptions({
      queryKey: ['security-groups', region, 'list', filters] as const,
      queryFn: ({ signal }) =>
        api.get<GroupListResponse>(
          `/api/regions/${encodeURIComponent(region)}/security-groups`,
          {
            search: filters.search || undefined,
            vpcId: filters.vpcId || undefined,
            nextToken: filters.nextToken || undefined,
            pageSize: PAGE_SIZE,
          },
          signal,
        ),
      placeholderData: keepPreviousData,
    }),
  /** Every group of the region (for the VPC filter's choices). */
  all: (region: string) => sharedQueries.allGroups(region),
};
