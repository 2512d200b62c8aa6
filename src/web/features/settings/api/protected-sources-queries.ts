import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProtectedSourcesRequest } from '../../../../server/contract';
import { apiClient, read, withSignal } from '../../../lib/api-client';

const key = ['settings', 'protected-sources'] as const;

/** The protected sources: those of the PROTECTED_SOURCES setting and those edited here. */
export const protectedSourcesQuery = () =>
  queryOptions({
    queryKey: key,
    queryFn: ({ signal }) =>
      read(apiClient().settings['protected-sources'].$get({}, withSignal(signal))),
  });

/**
 * Replaces the console's list as a whole (the server's PUT); the answer is the new state. Every
 * preview reads the list when it plans, so no preview query is touched here.
 */
export function useSaveProtectedSources() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: ProtectedSourcesRequest) =>
      read(apiClient().settings['protected-sources'].$put({ json })),
    onSuccess: (answer) => queryClient.setQueryData(key, answer),
  });
}
