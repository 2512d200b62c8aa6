/**
 * Snapshots, watches, the timeline and comparisons of a group (SPEC section 12). The timeline and
 * comparisons with the live rules sit under the group's key, so whatever refreshes a group after a
 * restore refreshes them too.
 */
import { queryOptions } from '@tanstack/react-query';
import { apiClient, read, withSignal } from './api-client';
import { queryKeys } from './query-keys';

/** A point of a comparison: a snapshot ID, or `live` for the group's rules now. */
export type ComparePoint = 'live' | `snap-${string}`;

const groupPath = () => apiClient().regions[':region']['security-groups'][':id'];

export const snapshotQueries = {
  /** Snapshots and restores of a group, newest first. */
  timeline: (region: string, groupId: string) =>
    queryOptions({
      queryKey: queryKeys.timeline(region, groupId),
      queryFn: ({ signal }) =>
        read(groupPath().timeline.$get({ param: { region, id: groupId } }, withSignal(signal))),
    }),
  /** `from` → `to` in the preview's terms. */
  compare: (region: string, groupId: string, from: ComparePoint, to: ComparePoint) =>
    queryOptions({
      queryKey: queryKeys.compare(region, groupId, from, to),
      queryFn: ({ signal }) =>
        read(
          groupPath().compare.$get(
            { param: { region, id: groupId }, query: { from, to } },
            withSignal(signal),
          ),
        ),
    }),
  /** Every watched group with its state (one list for the whole console). */
  watches: () =>
    queryOptions({
      queryKey: queryKeys.watches(),
      queryFn: ({ signal }) => read(apiClient().watches.$get({}, withSignal(signal))),
    }),
};

/** The URL that downloads a group's rules (the server names the file). */
export function groupExportUrl(region: string, groupId: string, format: 'json' | 'csv'): string {
  return groupPath()
    .export.$url({ param: { region, id: groupId }, query: { format } })
    .toString();
}

/** The URL that downloads a snapshot's rules (the server names the file). */
export function snapshotExportUrl(snapshotId: string, format: 'json' | 'csv'): string {
  return apiClient()
    .snapshots[':id'].export.$url({ param: { id: snapshotId }, query: { format } })
    .toString();
}
