import { queryOptions } from '@tanstack/react-query';
import { apiClient, read, withSignal } from './api-client';
import { queryKeys } from './query-keys';

export const ruleQueries = {
  /** A group with all its rules (the rules page, and the source of a restore). */
  ofGroup: (region: string, groupId: string) =>
    queryOptions({
      queryKey: queryKeys.group(region, groupId),
      queryFn: ({ signal }) =>
        read(
          apiClient().regions[':region']['security-groups'][':id'].$get(
            { param: { region, id: groupId } },
            withSignal(signal),
          ),
        ),
    }),
};
