/**
 * Watched groups, in the journal so that watches, their read schedule, their back-off and a
 * deleted group's state survive restarts.
 */
import type Database from 'better-sqlite3';
import type { ApiError } from '../contract';

export type WatchStatus = 'active' | 'deleted';

export interface WatchRecord {
  regionId: string;
  groupId: string;
  groupName: string;
  status: WatchStatus;
  /** When the watcher reads the group next (epoch ms). */
  nextReadMs: number;
  /** The current throttling back-off (0: none). */
  backoffMs: number;
  lastReadAt?: string;
  lastError?: ApiError;
  createdAt: string;
  /** Who last turned the watch on. */
  watchedBy: string;
}

export interface WatchStore {
  /** Starts watching (or refreshes the name of a watch that exists); answers the watch. */
  watch(input: {
    regionId: string;
    groupId: string;
    groupName: string;
    nextReadMs: number;
    createdAt: string;
    /** Who turns it on (default "local"). */
    by?: string;
  }): WatchRecord;
  unwatch(regionId: string, groupId: string): boolean;
  get(regionId: string, groupId: string): WatchRecord | undefined;
  list(): WatchRecord[];
  /** Active watches, the one due first first. */
  active(): WatchRecord[];
  /** Notes a read (successful or not) and when the next one is due. */
  update(
    regionId: string,
    groupId: string,
    change: {
      status?: WatchStatus;
      groupName?: string;
      nextReadMs: number;
      backoffMs: number;
      lastReadAt: string;
      lastError?: ApiError;
    },
  ): void;
  /** Pushes every active watch's next read to at least `untilMs` (throttling holds all reads). */
  deferAll(untilMs: number): void;
}

interface WatchRow {
  region_id: string;
  group_id: string;
  group_name: string;
  status: string;
  next_read_ms: number;
  backoff_ms: number;
  last_read_at: string | null;
  last_error_json: string | null;
  created_at: string;
  watched_by: string;
}

function toWatch(row: WatchRow): WatchRecord {
  const record: WatchRecord = {
    regionId: row.region_id,
    groupId: row.group_id,
    groupName: row.group_name,
    status: row.status as WatchStatus,
    nextReadMs: row.next_read_ms,
    backoffMs: row.backoff_ms,
    createdAt: row.created_at,
    watchedBy: row.watched_by,
  };
  if (row.last_read_at !== null) record.lastReadAt = row.last_read_at;
  if (row.last_error_json !== null) record.lastError = JSON.parse(row.last_error_json) as ApiError;
  return record;
}

export function createWatchStore(db: Database.Database): WatchStore {
  const selectOne = db.prepare('SELECT * FROM watches WHERE region_id = ? AND group_id = ?');
  const store: WatchStore = {
    watch(input) {
      // Watching again a group marked deleted starts over (its ID may have come back, e.g. emulator).
      db.prepare(
        `INSERT INTO watches (region_id, group_id, group_name, status, next_read_ms, backoff_ms, created_at, watched_by)
         VALUES (@regionId, @groupId, @groupName, 'active', @nextReadMs, 0, @createdAt, @by)
         ON CONFLICT (region_id, group_id) DO UPDATE SET group_name = excluded.group_name,
           watched_by = excluded.watched_by,
           status = 'active', last_error_json = CASE WHEN status = 'deleted' THEN NULL ELSE last_error_json END`,
      ).run({ ...input, by: input.by ?? 'local' });
      return store.get(input.regionId, input.groupId)!;
    },
    unwatch(regionId, groupId) {
      return (
        db
          .prepare('DELETE FROM watches WHERE region_id = ? AND group_id = ?')
          .run(regionId, groupId).changes > 0
      );
    },
    get(regionId, groupId) {
      const row = selectOne.get(regionId, groupId) as WatchRow | undefined;
      return row === undefined ? undefined : toWatch(row);
    },
    list() {
      return (
        db
          .prepare('SELECT * FROM watches ORDER BY region_id, group_name, group_id')
          .all() as WatchRow[]
      ).map(toWatch);
    },
    active() {
      return (
        db
          .prepare(
            "SELECT * FROM watches WHERE status = 'active' ORDER BY next_read_ms, region_id, group_id",
          )
          .all() as WatchRow[]
      ).map(toWatch);
    },
    update(regionId, groupId, change) {
      db.prepare(
        `UPDATE watches SET status = COALESCE(@status, status), group_name = COALESCE(@groupName, group_name),
           next_read_ms = @nextReadMs, backoff_ms = @backoffMs, last_read_at = @lastReadAt,
           last_error_json = @lastError
         WHERE region_id = @regionId AND group_id = @groupId`,
      ).run({
        regionId,
        groupId,
        status: change.status ?? null,
        groupName: change.groupName ?? null,
        nextReadMs: change.nextReadMs,
        backoffMs: change.backoffMs,
        lastReadAt: change.lastReadAt,
        lastError: change.lastError === undefined ? null : JSON.stringify(change.lastError),
      });
    },
    deferAll(untilMs) {
      db.prepare(
        "UPDATE watches SET next_read_ms = MAX(next_read_ms, ?) WHERE status = 'active'",
      ).run(untilMs);
    },
  };
  return store;
}
