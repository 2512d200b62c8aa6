import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CloneRequest } from '../../../../server/contract';
import { apiClient, read } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const groupPath = () => apiClient().regions[':region']['security-groups'][':id'];

/** Create snapshot: the group's rules now, with a note; the timeline shows it next. */
export function useCreateSnapshot(region: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      read(groupPath().snapshots.$post({ param: { region, id: groupId }, json: { note } })),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.timeline(region, groupId) }),
  });
}

/** Watch or stop watching a group; the watch list and the timeline (its first snapshot) follow. */
export function useSetWatch(region: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (watched: boolean) =>
      read(groupPath().watch.$put({ param: { region, id: groupId }, json: { watched } })),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.watches() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.timeline(region, groupId) }),
      ]);
    },
  });
}

/** Clone: the server creates the group and answers the restore job that fills it. */
export function useCloneGroup(region: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CloneRequest) =>
      read(groupPath().clone.$post({ param: { region, id: groupId }, json: request })),
    // The new group is in the region's lists from now on.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.groupsOf(region) }),
  });
}
