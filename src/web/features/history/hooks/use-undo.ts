import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, read } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/**
 * Starts the undo of a restore with the revision of the undo preview the user reviewed. Like a
 * restore, it changes only the restore lists at first; the groups are refreshed when it ends.
 */
export function useUndo(restoreId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (revision: string) =>
      read(
        apiClient().restores[':id'].undo.$post({ param: { id: restoreId }, json: { revision } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.restoreLists() }),
  });
}
