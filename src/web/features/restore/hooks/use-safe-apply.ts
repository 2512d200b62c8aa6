import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, read } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/**
 * Stop after this step, Keep these rules, or Revert now, on one restore. Each changes the
 * restore and the lists (a revert starts a roll back, which the lists show).
 */
export function useSafeApply(action: 'stop' | 'keep' | 'revert-now') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (restoreId: string): Promise<void> => {
      const restore = apiClient().restores[':id'];
      const param = { param: { id: restoreId } };
      if (action === 'keep') await read(restore.keep.$post(param));
      else await read(restore[action].$post(param));
    },
    onSuccess: (_done, restoreId) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.restoreLists() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.restore(restoreId) }),
      ]),
  });
}
