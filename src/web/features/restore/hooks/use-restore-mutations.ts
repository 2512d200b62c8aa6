import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RestoreAccepted } from '../../../../server/contract';
import { api } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { sourcePath, type PreviewParams } from '../api/restore-queries';

/** Starts a restore with the revision of the preview the user reviewed. */
export function useStartRestore(region: string, sourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PreviewParams & { revision: string }) =>
      api.post<RestoreAccepted>(`${sourcePath(region, sourceId)}/restores`, request),
    // Returning the promise keeps OK busy until the lists know a restore started.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryRoots.restores }),
        queryClient.invalidateQueries({ queryKey: queryRoots.securityGroupsOf(region) }),
      ]),
  });
}

/** Retry remaining, or Roll back, a restore; both answer with the job to follow. */
export function useRestoreFollowUp(kind: 'retry' | 'rollback') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (restoreId: string) =>
      api.post<Partial<RestoreAccepted> | undefined>(
        `/api/restores/${encodeURIComponent(restoreId)}/${kind}`,
        {},
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryRoots.restores }),
  });
}
