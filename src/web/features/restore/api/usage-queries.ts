import { queryOptions } from '@tanstack/react-query';
import { apiClient, read, withSignal } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const usageQueries = {
  /**
   * What uses a group (its blast radius): instances, secondary ENIs and referencing groups. Keyed
   * under the group, so a refresh of the region's groups (a restore that ended) reads it again.
   */
  ofGroup: (region: string, groupId: string) =>
    queryOptions({
      queryKey: queryKeys.usage(region, groupId),
      queryFn: ({ signal }) =>
        read(
          apiClient().regions[':region']['security-groups'][':id'].usage.$get(
            { param: { region, id: groupId } },
            withSignal(signal),
          ),
        ),
      refetchOnWindowFocus: false,
    }),
};
