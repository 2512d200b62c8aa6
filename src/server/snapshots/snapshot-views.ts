/** Snapshot, watch and timeline records as the contract's shapes. */
import type { SnapshotDetail, SnapshotSummary, TimelineEntry, WatchView } from '../contract';
import type { RestoreRecord } from '../journal/journal';
import type { SnapshotRecord, SnapshotSummaryRecord } from '../journal/snapshot-store';
import type { WatchEvent, WatchRecord } from '../journal/watch-store';

export function snapshotSummaryView(record: SnapshotSummaryRecord): SnapshotSummary {
  const view: SnapshotSummary = {
    id: record.id,
    regionId: record.regionId,
    group: record.group,
    kind: record.kind,
    note: record.note,
    digest: record.digest,
    ruleCount: record.ruleCount,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
  };
  if (record.restoreId !== undefined) view.restoreId = record.restoreId;
  return view;
}

export function snapshotDetailView(record: SnapshotRecord): SnapshotDetail {
  return { ...snapshotSummaryView(record), rules: record.rules };
}

export function watchView(record: WatchRecord): WatchView {
  const view: WatchView = {
    regionId: record.regionId,
    groupId: record.groupId,
    groupName: record.groupName,
    status: record.status,
    nextReadAt: new Date(record.nextReadMs).toISOString(),
    backoffSeconds: record.backoffMs / 1000,
    watchedBy: record.watchedBy,
    watchedSince: record.watchedSince,
  };
  if (record.lastReadAt !== undefined) view.lastReadAt = record.lastReadAt;
  if (record.lastError !== undefined) view.lastError = record.lastError;
  return view;
}

function snapshotEntry(record: SnapshotSummaryRecord): TimelineEntry {
  return {
    type: 'snapshot',
    id: record.id,
    kind: record.kind,
    at: record.createdAt,
    by: record.createdBy,
    note: record.note,
    ruleCount: record.ruleCount,
    digest: record.digest,
    ...(record.restoreId === undefined ? {} : { restoreId: record.restoreId }),
  };
}

function restoreEntry(record: RestoreRecord, groupId: string): TimelineEntry {
  return {
    type: 'restore',
    id: record.id,
    kind: record.kind,
    status: record.status,
    at: record.createdAt,
    ...(record.finishedAt === undefined ? {} : { finishedAt: record.finishedAt }),
    by: record.actor,
    role: record.sourceGroup.id === groupId ? 'source' : 'destination',
    source: { id: record.sourceGroup.id, name: record.sourceGroup.name },
    destination: { id: record.destinationGroup.id, name: record.destinationGroup.name },
    ...(record.parentId === undefined ? {} : { parentId: record.parentId }),
    ...(record.snapshotKept ? { snapshotId: record.snapshotId } : {}),
    summary: record.summary,
  };
}

function watchEntry(event: WatchEvent): TimelineEntry {
  return {
    type: 'watch',
    id: `watch-${event.seq}`,
    action: event.action,
    at: event.at,
    by: event.by,
  };
}

/**
 * Snapshots, restores (where the group was the source or the destination) and the watch turned
 * on and off, of one group, newest first. A restore is newer than the snapshot taken just before
 * it, which shares its time; a watch turned on is older than the first snapshot it took.
 */
export function timelineEntries(
  groupId: string,
  snapshots: SnapshotSummaryRecord[],
  restores: RestoreRecord[],
  watchEvents: WatchEvent[] = [],
): TimelineEntry[] {
  const entries = [
    ...watchEvents.map((e) => ({ entry: watchEntry(e), order: -1 })),
    ...snapshots.map((s) => ({ entry: snapshotEntry(s), order: 0 })),
    ...restores.map((r) => ({ entry: restoreEntry(r, groupId), order: 1 })),
  ];
  entries.sort((a, b) =>
    a.entry.at === b.entry.at ? b.order - a.order : a.entry.at < b.entry.at ? 1 : -1,
  );
  return entries.map((e) => e.entry);
}
