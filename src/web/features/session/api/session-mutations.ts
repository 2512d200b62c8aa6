import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Session } from '../../../../server/contract';
import { api } from '../../../lib/api-client';
import { sessionQueries } from './session-queries';

/**
 * POST /api/logout: the server revokes the session and clears its cookie. Everything fetched
 * under the session is reset (not only refetched), so no rules stay on screen or in memory.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const sessionKey = sessionQueries.current().queryKey;
  return useMutation({
    mutationFn: () => api.post<Session>('/api/logout', {}),
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKey, session);
      return queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    },
  });
}
