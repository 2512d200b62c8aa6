import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RestoreSummary } from '../../server/contract';
import { queryKeys } from './query-keys';
import { isRestoreActive } from './restore-queries';

/**
 * Once a followed restore job has ended, refreshes what it changed: its region's groups (the
 * lists, every group's rules, the previews of each source) and the restore lists. Starting a
 * job refreshes only the restore lists; the groups are read again here, when the writes are
 * done, so nothing is read half-way through.
 */
export function useRefreshWhenRestoreEnds(
  restore: Pick<RestoreSummary, 'id' | 'status' | 'regionId'> | undefined,
): void {
  const queryClient = useQueryClient();
  const refreshedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!restore || isRestoreActive(restore)) return;
    const seen = `${restore.id}:${restore.status}`;
    if (refreshedFor.current === seen) return;
    refreshedFor.current = seen;
    void queryClient.invalidateQueries({ queryKey: queryKeys.groupsOf(restore.regionId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.restoreLists() });
  }, [restore, queryClient]);
}
