import { queryOptions } from '@tanstack/react-query';
import { apiClient, read, withSignal } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const sessionQueries = {
  current: () =>
    queryOptions({
      queryKey: queryKeys.session(),
      queryFn: ({ signal }) => read(apiClient().session.$get(undefined, withSignal(signal))),
      staleTime: Infinity,
    }),
};
