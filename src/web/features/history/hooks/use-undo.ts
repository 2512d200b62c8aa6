import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RestoreAccepted } from '../../../../server/contract';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

/** Starts the undo of a restore with the revision of the undo preview the user reviewed. */
export function useUndo(restoreId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (revision: string) =>
      api.post<RestoreAccepted>(`/api/restores/${encodeURIComponent(restoreId)}/undo`, {
        revision,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryRoots.restores }),
        queryClient.invalidateQueries({ queryKey: queryRoots.securityGroups }),
      ]),
  });
}
