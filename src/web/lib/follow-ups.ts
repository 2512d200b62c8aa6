/**
 * The follow-ups of a restore that exists (Undo, Roll back, Retry remaining): each has a preview
 * computed by the server against the source's current rules, and runs only with that preview's
 * revision. The restore dialog's job view and the history detail both use them.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { FollowUpRequest } from '../../server/contract';
import { apiClient, read, withSignal } from './api-client';
import { queryKeys } from './query-keys';

export type FollowUpKind = 'undo' | 'rollback' | 'retry';

function previewRequest(restoreId: string, kind: FollowUpKind, signal: AbortSignal) {
  const restore = apiClient().restores[':id'];
  const param = { param: { id: restoreId } };
  switch (kind) {
    case 'undo':
      return restore['undo-preview'].$get(param, withSignal(signal));
    case 'rollback':
      return restore['rollback-preview'].$get(param, withSignal(signal));
    case 'retry':
      return restore['retry-preview'].$get(param, withSignal(signal));
  }
}

/** What `kind` would change now; never served stale (the rules may have moved since). */
export function followUpPreviewQuery(restoreId: string, kind: FollowUpKind) {
  return queryOptions({
    queryKey: queryKeys.followUpPreview(restoreId, kind),
    queryFn: ({ signal }) => read(previewRequest(restoreId, kind, signal)),
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

/**
 * Starts `kind` of `restoreId` with the reviewed revision; the answer names the job to follow
 * (the same restore for a retry, a new child for undo and roll back). The restore lists and the
 * restore itself change.
 */
export function useFollowUp(restoreId: string, kind: FollowUpKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: FollowUpRequest) => {
      const restore = apiClient().restores[':id'];
      const param = { id: restoreId };
      return read(restore[kind].$post({ param, json }));
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.restoreLists() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.restore(restoreId), exact: true }),
      ]),
  });
}
