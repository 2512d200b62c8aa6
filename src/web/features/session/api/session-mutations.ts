import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, read } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/**
 * POST /api/logout: the server revokes the session and clears its cookie. Everything fetched
 * under the session is reset (not only refetched), so no rules stay on screen or in memory.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const sessionKey = queryKeys.session();
  return useMutation({
    mutationFn: () => read(apiClient().logout.$post()),
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKey, session);
      return queryClient.resetQueries({
        predicate: (query) => query.queryKey[1] !== sessionKey[1],
      });
    },
  });
}
