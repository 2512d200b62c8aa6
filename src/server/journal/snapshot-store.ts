/**
 * Snapshots of a group's rules in the journal database: taken on demand, before every restore,
 * undo and roll back (the restore row points at its snapshot), and by the watcher when a
 * group's rules changed. Retention prunes by age and count, keeping what an undo or roll back
 * still needs.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { GroupInfo, Rule } from '../../domain/types';
import { digestRules } from '../../domain/revision';

export type SnapshotKind =
  'manual' | 'before-restore' | 'before-undo' | 'before-rollback' | 'watch' | 'import';

export interface SnapshotRecord {
  id: string;
  seq: number;
  regionId: string;
  group: GroupInfo;
  kind: SnapshotKind;
  note: string;
  digest: string;
  rules: Rule[];
  ruleCount: number;
  createdAt: string;
  /** "local", "console token", or "watch". */
  createdBy: string;
  /** The restore, undo or roll back this snapshot was taken before. */
  restoreId?: string;
}

export type SnapshotSummaryRecord = Omit<SnapshotRecord, 'rules'>;

export interface NewSnapshot {
  group: GroupInfo;
  kind: SnapshotKind;
  note: string;
  rules: Rule[];
  createdAt: string;
  createdBy: string;
}

export interface SnapshotQuery {
  regionId?: string;
  groupId?: string;
  cursor?: string;
  limit: number;
}

export interface RetentionPolicy {
  now: Date;
  retentionDays: number;
  perGroup: number;
}

export interface SnapshotStore {
  add(snapshot: NewSnapshot): SnapshotRecord;
  get(id: string): SnapshotRecord | undefined;
  /** Newest first, without rules; `cursor` is the nextCursor of the previous page. */
  list(query: SnapshotQuery): { snapshots: SnapshotSummaryRecord[]; nextCursor: string };
  /**
   * The group's newest reading of its live rules: any kind but `import` (an imported file says
   * what rules someone wants, not what the group had).
   */
  latestReading(regionId: string, groupId: string): SnapshotRecord | undefined;
  /** Deletes what retention no longer keeps; answers how many. */
  prune(policy: RetentionPolicy): number;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function newSnapshotId(): string {
  let id = 'snap-';
  for (const byte of randomBytes(20)) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

/** The kind of the snapshot taken before a restore of `kind`. */
export function snapshotKindOf(kind: 'restore' | 'undo' | 'rollback'): SnapshotKind {
  if (kind === 'undo') return 'before-undo';
  if (kind === 'rollback') return 'before-rollback';
  return 'before-restore';
}

interface SnapshotRow {
  seq: number;
  id: string;
  region_id: string;
  group_json: string;
  kind: string;
  note: string;
  digest: string;
  rules_json?: string;
  rule_count: number;
  created_at: string;
  created_by: string;
  restore_id: string | null;
}

const SUMMARY_COLUMNS = `s.seq, s.id, s.region_id, s.group_json, s.kind, s.note, s.digest, s.rule_count,
  s.created_at, s.created_by, (SELECT r.id FROM restores r WHERE r.snapshot_id = s.id LIMIT 1) AS restore_id`;

function toSummary(row: SnapshotRow): SnapshotSummaryRecord {
  const record: SnapshotSummaryRecord = {
    id: row.id,
    seq: row.seq,
    regionId: row.region_id,
    group: JSON.parse(row.group_json) as GroupInfo,
    kind: row.kind as SnapshotKind,
    note: row.note,
    digest: row.digest,
    ruleCount: row.rule_count,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
  if (row.restore_id !== null) record.restoreId = row.restore_id;
  return record;
}

function toRecord(row: SnapshotRow): SnapshotRecord {
  return { ...toSummary(row), rules: JSON.parse(row.rules_json ?? '[]') as Rule[] };
}

/**
 * Snapshots an undo or roll back may still need: those of restores still running or left
 * failed / interrupted (roll back), and of the newest finished restore of each source (undo).
 */
const NEEDED = `SELECT r.snapshot_id FROM restores r
  WHERE r.snapshot_id IS NOT NULL AND (
    r.status IN ('pending', 'running', 'failed', 'interrupted')
    OR r.seq = (SELECT MAX(r2.seq) FROM restores r2
      WHERE r2.region_id = r.region_id AND r2.source_id = r.source_id
        AND r2.status IN ('succeeded', 'failed', 'interrupted')))`;

/** The snapshot store over the journal's database (schema 3 or later). */
export function createSnapshotStore(db: Database.Database): SnapshotStore {
  const insert = db.prepare(`INSERT INTO snapshots (id, region_id, group_id, group_json, kind, note,
      digest, rules_json, rule_count, created_at, created_by)
    VALUES (@id, @regionId, @groupId, @group, @kind, @note, @digest, @rules, @ruleCount, @createdAt, @createdBy)`);
  const selectOne = db.prepare(
    `SELECT ${SUMMARY_COLUMNS}, s.rules_json FROM snapshots s WHERE s.id = ?`,
  );
  const selectLatest = db.prepare(
    `SELECT ${SUMMARY_COLUMNS}, s.rules_json FROM snapshots s
     WHERE s.region_id = ? AND s.group_id = ? AND s.kind <> 'import' ORDER BY s.seq DESC LIMIT 1`,
  );

  const store: SnapshotStore = {
    add(snapshot) {
      const id = newSnapshotId();
      insert.run({
        id,
        regionId: snapshot.group.regionId,
        groupId: snapshot.group.id,
        group: JSON.stringify(snapshot.group),
        kind: snapshot.kind,
        note: snapshot.note,
        digest: digestRules(snapshot.rules),
        rules: JSON.stringify(snapshot.rules),
        ruleCount: snapshot.rules.length,
        createdAt: snapshot.createdAt,
        createdBy: snapshot.createdBy,
      });
      return store.get(id)!;
    },
    get(id) {
      const row = selectOne.get(id) as SnapshotRow | undefined;
      return row === undefined ? undefined : toRecord(row);
    },
    list({ regionId, groupId, cursor, limit }) {
      const before =
        cursor !== undefined && /^\d+$/.test(cursor) ? Number(cursor) : Number.MAX_SAFE_INTEGER;
      const rows = db
        .prepare(
          `SELECT ${SUMMARY_COLUMNS} FROM snapshots s
           WHERE s.seq < @before AND (@regionId IS NULL OR s.region_id = @regionId)
             AND (@groupId IS NULL OR s.group_id = @groupId)
           ORDER BY s.seq DESC LIMIT @take`,
        )
        .all({
          before,
          regionId: regionId ?? null,
          groupId: groupId ?? null,
          take: limit + 1,
        }) as SnapshotRow[];
      const page = rows.slice(0, limit).map(toSummary);
      const more = rows.length > limit;
      return { snapshots: page, nextCursor: more ? String(page[page.length - 1]!.seq) : '' };
    },
    latestReading(regionId, groupId) {
      const row = selectLatest.get(regionId, groupId) as SnapshotRow | undefined;
      return row === undefined ? undefined : toRecord(row);
    },
    prune({ now, retentionDays, perGroup }) {
      const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
      // Readings of the live rules and imported files are counted apart, so importing files
      // never pushes a group's real readings out. The newest reading of a group always stays:
      // the watcher compares the live rules with it. Imports go by age and count alone.
      const result = db
        .prepare(
          `DELETE FROM snapshots WHERE id IN (
             SELECT id FROM (
               SELECT id, kind, created_at, ROW_NUMBER() OVER (
                 PARTITION BY region_id, group_id, kind = 'import' ORDER BY seq DESC) AS rank
               FROM snapshots)
             WHERE (rank > 1 OR kind = 'import') AND (created_at < @cutoff OR rank > @perGroup)
               AND id NOT IN (${NEEDED}))`,
        )
        .run({ cutoff, perGroup });
      return result.changes;
    },
  };
  return store;
}
