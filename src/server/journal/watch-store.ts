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
  /** When the watch was last turned on (its created time for a watch older than the events). */
  watchedSince: string;
}

export type WatchAction = 'on' | 'off';

/** A watch turned on or off: who did it and when. */
export interface WatchEvent {
  seq: number;
  regionId: string;
  groupId: string;
  groupName: string;
  action: WatchAction;
  at: string;
  by: string;
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
    /** The read that turning it on made (its first snapshot), when there was one. */
    lastReadAt?: string;
  }): WatchRecord;
  /**
   * Stops watching (the row goes, so the watcher reads it no more) and records who turned it
   * off and when; false (nothing recorded) when the group was not watched.
   */
  unwatch(regionId: string, groupId: string, off?: { by: string; at: string }): boolean;
  /** The group's watch turned on and off, newest first, at most `limit`. */
  events(regionId: string, groupId: string, limit: number): WatchEvent[];
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
  watched_since: string | null;
}

interface WatchEventRow {
  seq: number;
  region_id: string;
  group_id: string;
  group_name: string;
  action: string;
  at: string;
  by: string;
}

/** A watch row with the time of the latest event that turned it on. */
const WATCH_SELECT = `SELECT w.*, (SELECT e.at FROM watch_events e
    WHERE e.region_id = w.region_id AND e.group_id = w.group_id AND e.action = 'on'
    ORDER BY e.seq DESC LIMIT 1) AS watched_since
  FROM watches w`;

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
    watchedSince: row.watched_since ?? row.created_at,
  };
  if (row.last_read_at !== null) record.lastReadAt = row.last_read_at;
  if (row.last_error_json !== null) record.lastError = JSON.parse(row.last_error_json) as ApiError;
  return record;
}

export function createWatchStore(db: Database.Database): WatchStore {
  const selectOne = db.prepare(`${WATCH_SELECT} WHERE w.region_id = ? AND w.group_id = ?`);
  const insertEvent = db.prepare(
    `INSERT INTO watch_events (region_id, group_id, group_name, action, at, by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const store: WatchStore = {
    watch(input) {
      const by = input.by ?? 'local';
      // Watching again a group marked deleted starts over (its ID may have come back, e.g. emulator).
      db.transaction(() => {
        db.prepare(
          `INSERT INTO watches (region_id, group_id, group_name, status, next_read_ms, backoff_ms, created_at, watched_by, last_read_at)
         VALUES (@regionId, @groupId, @groupName, 'active', @nextReadMs, 0, @createdAt, @by, @lastReadAt)
         ON CONFLICT (region_id, group_id) DO UPDATE SET group_name = excluded.group_name,
           watched_by = excluded.watched_by,
           last_read_at = COALESCE(excluded.last_read_at, last_read_at),
           status = 'active', last_error_json = CASE WHEN status = 'deleted' THEN NULL ELSE last_error_json END`,
        ).run({ ...input, by, lastReadAt: input.lastReadAt ?? null });
        insertEvent.run(input.regionId, input.groupId, input.groupName, 'on', input.createdAt, by);
      })();
      return store.get(input.regionId, input.groupId)!;
    },
    unwatch(regionId, groupId, off) {
      return db.transaction(() => {
        const row = selectOne.get(regionId, groupId) as WatchRow | undefined;
        if (row === undefined) return false;
        db.prepare('DELETE FROM watches WHERE region_id = ? AND group_id = ?').run(
          regionId,
          groupId,
        );
        insertEvent.run(
          regionId,
          groupId,
          row.group_name,
          'off',
          off?.at ?? new Date().toISOString(),
          off?.by ?? 'local',
        );
        return true;
      })();
    },
    events(regionId, groupId, limit) {
      return (
        db
          .prepare(
            'SELECT * FROM watch_events WHERE region_id = ? AND group_id = ? ORDER BY seq DESC LIMIT ?',
          )
          .all(regionId, groupId, limit) as WatchEventRow[]
      ).map((row) => ({
        seq: row.seq,
        regionId: row.region_id,
        groupId: row.group_id,
        groupName: row.group_name,
        action: row.action as WatchAction,
        at: row.at,
        by: row.by,
      }));
    },
    get(regionId, groupId) {
      const row = selectOne.get(regionId, groupId) as WatchRow | undefined;
      return row === undefined ? undefined : toWatch(row);
    },
    list() {
      return (
        db
          .prepare(`${WATCH_SELECT} ORDER BY w.region_id, w.group_name, w.group_id`)
          .all() as WatchRow[]
      ).map(toWatch);
    },
    active() {
      return (
        db
          .prepare(
            `${WATCH_SELECT} WHERE w.status = 'active' ORDER BY w.next_read_ms, w.region_id, w.group_id`,
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
