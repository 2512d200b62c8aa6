import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PreviewParams } from '../../../../server/contract';
import { apiClient, read } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/**
 * Starts a restore with the revision of the preview the user reviewed; its answer names the new
 * job. It changes only the restore lists for now; the groups are refreshed when the job ends
 * (useRefreshWhenRestoreEnds).
 */
export function useStartRestore(region: string, sourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PreviewParams & { revision: string; autoRevertMinutes?: number }) =>
      read(
        apiClient().regions[':region']['security-groups'][':id'].restores.$post({
          param: { region, id: sourceId },
          json: request,
        }),
      ),
    // Not awaited: the dialog goes to its own job at once. Waiting for the lists (slow when ECS
    // is) showed the new job as "a restore of this group is already running" meanwhile.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.restoreLists() });
    },
  });
}
