/**
 * The restore journal: SQLite (WAL) holding, for every restore, the source's rules before it,
 * the destination's rules, the plan, and each step's outcome as it happens. Every write is a
 * synchronous, committed transaction, so the runner can make the next ECS call knowing the
 * journal already describes everything before it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { GroupInfo, PlanStep, RestoreMode, RestoreOptions, Rule } from '../../domain/types';
import type { ApiError, Refusal, StepResolution, StepRetry } from '../contract';
import { createAutoRevertStore, type AutoRevertStore } from './auto-revert-store';
import { migrate } from './schema';
import { createSnapshotStore, snapshotKindOf, type SnapshotStore } from './snapshot-store';
import { createWatchStore, type WatchStore } from './watch-store';

export type RestoreKind = 'restore' | 'rollback' | 'undo';
export type RestoreStatus =
  'pending' | 'running' | 'succeeded' | 'failed' | 'interrupted' | 'refused' | 'stopped';
export type StepStatus = 'pending' | 'running' | 'applied' | 'failed' | 'unknown';

export interface Counts {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  notRestorable: number;
}

export interface Verification {
  status: 'pending' | 'passed' | 'failed';
  missing: Rule[];
  unexpected: Rule[];
}

export interface PlanFacts {
  calls: number;
  earlyRemovals: Rule[];
  makeBeforeBreak: boolean;
  /** Cherry-pick: rule identities the restore left as they are (absent: none). */
  excluded?: string[];
}

export interface RestoreRecord {
  id: string;
  seq: number;
  kind: RestoreKind;
  parentId?: string;
  regionId: string;
  sourceGroup: GroupInfo;
  destinationGroup: GroupInfo;
  mode: RestoreMode;
  options: RestoreOptions;
  revision: string;
  status: RestoreStatus;
  /** 1 for the first run; each Retry remaining adds one. */
  attempt: number;
  createdAt: string;
  finishedAt?: string;
  summary: Counts;
  /** The source's rules just before the first step (the undo / rollback target): its snapshot's. */
  snapshot: Rule[];
  /** The snapshot row holding `snapshot`. */
  snapshotId: string;
  /** False when retention pruned the snapshot (then `snapshot` is empty and no undo can use it). */
  snapshotKept: boolean;
  /** The destination's rules as planned against (Retry plans against these again). */
  destinationRules: Rule[];
  expected: Rule[];
  plan: PlanFacts;
  verification: Verification;
  error?: ApiError;
  /** Retries refused by a pre-flight check, oldest first. */
  refusals: Refusal[];
  /** Who started it: an SSO user, "console token" or "local". */
  actor: string;
  /** Who started each Retry remaining, oldest first. */
  retriedBy: AttemptActor[];
  /** The snapshot the destination rules came from, when the destination was one. */
  destinationSnapshot?: DestinationSnapshotRecord;
}

/** What a restore records of a snapshot destination (a copy: retention may prune the snapshot). */
export interface DestinationSnapshotRecord {
  id: string;
  kind: string;
  groupId: string;
  groupName: string;
  takenAt: string;
  note: string;
}

export interface AttemptActor {
  attempt: number;
  by: string;
  at: string;
}

/** What the history list can be narrowed to; every field set must match. */
export interface HistoryFilter {
  /** The source group (the group the restore changed). */
  sourceId?: string;
  status?: RestoreStatus;
  actor?: string;
  kind?: RestoreKind;
  /** Created at or after (ISO time). */
  from?: string;
  /** Created before (ISO time). */
  to?: string;
  /** The group was the source or the destination (a group's timeline). */
  involving?: string;
}

/** A restore that names another as its parent (an undo or roll back of it). */
export interface ChildRestore {
  id: string;
  kind: RestoreKind;
  status: RestoreStatus;
  createdAt: string;
}

export interface StepRecord {
  restoreId: string;
  attempt: number;
  id: string;
  index: number;
  phase: PlanStep['phase'];
  action: PlanStep['action'];
  direction: PlanStep['direction'];
  early: boolean;
  rules: Rule[];
  status: StepStatus;
  /** Calls made for this step (the adapter's own retries inside one call count once). */
  attempts: number;
  requestId?: string;
  error?: ApiError;
  /** How an unanswered call was settled by reading the source. */
  outcome?: StepResolution;
  /** The adapter's waits before calling ECS again within this step, oldest first. */
  retries: StepRetry[];
  startedAt?: string;
  finishedAt?: string;
}

export type NewRestore = Omit<
  RestoreRecord,
  | 'seq'
  | 'status'
  | 'attempt'
  | 'finishedAt'
  | 'verification'
  | 'error'
  | 'refusals'
  | 'snapshotId'
  | 'snapshotKept'
  | 'actor'
  | 'retriedBy'
>;

export interface StepFinish {
  status: 'applied' | 'failed' | 'unknown';
  requestId?: string;
  error?: ApiError;
  outcome?: StepResolution;
  at: string;
}

export interface RestorePage {
  restores: RestoreRecord[];
  nextCursor: string;
}

interface RestoreRow {
  seq: number;
  id: string;
  kind: string;
  parent_id: string | null;
  region_id: string;
  status: string;
  attempt: number;
  mode: string;
  options_json: string;
  revision: string;
  created_at: string;
  finished_at: string | null;
  summary_json: string;
  source_group_json: string;
  destination_group_json: string;
  snapshot_id: string | null;
  /** The snapshot's rules, joined; null when it was pruned. */
  snapshot_rules_json: string | null;
  destination_rules_json: string;
  expected_json: string;
  plan_json: string;
  verification_json: string;
  error_json: string | null;
  refusals_json: string;
  actor: string;
  retried_by_json: string;
  destination_snapshot_id: string | null;
  destination_snapshot_kind: string | null;
  destination_snapshot_group_id: string | null;
  destination_snapshot_group_name: string | null;
  destination_snapshot_taken_at: string | null;
  destination_snapshot_note: string | null;
}

interface StepRow {
  restore_id: string;
  attempt: number;
  step_id: string;
  idx: number;
  phase: string;
  action: string;
  direction: string;
  early: number;
  rules_json: string;
  status: string;
  attempts: number;
  request_id: string | null;
  error_json: string | null;
  outcome_json: string | null;
  retries_json: string;
  started_at: string | null;
  finished_at: string | null;
}

/** A restore row with its snapshot's rules (null once retention pruned the snapshot). */
const RESTORE_SELECT = `SELECT r.*, s.rules_json AS snapshot_rules_json
  FROM restores r LEFT JOIN snapshots s ON s.id = r.snapshot_id`;

const PENDING_VERIFICATION: Verification = { status: 'pending', missing: [], unexpected: [] };

function parse<T>(json: string): T {
  return JSON.parse(json) as T;
}

function toRestore(row: RestoreRow): RestoreRecord {
  const record: RestoreRecord = {
    id: row.id,
    seq: row.seq,
    kind: row.kind as RestoreKind,
    regionId: row.region_id,
    sourceGroup: parse(row.source_group_json),
    destinationGroup: parse(row.destination_group_json),
    mode: row.mode as RestoreMode,
    options: parse(row.options_json),
    revision: row.revision,
    status: row.status as RestoreStatus,
    attempt: row.attempt,
    createdAt: row.created_at,
    summary: parse(row.summary_json),
    snapshot: row.snapshot_rules_json === null ? [] : parse(row.snapshot_rules_json),
    snapshotId: row.snapshot_id ?? '',
    snapshotKept: row.snapshot_rules_json !== null,
    destinationRules: parse(row.destination_rules_json),
    expected: parse(row.expected_json),
    plan: parse(row.plan_json),
    verification: parse(row.verification_json),
    refusals: parse(row.refusals_json),
    actor: row.actor,
    retriedBy: parse(row.retried_by_json),
  };
  if (row.parent_id !== null) record.parentId = row.parent_id;
  if (row.finished_at !== null) record.finishedAt = row.finished_at;
  if (row.error_json !== null) record.error = parse(row.error_json);
  if (row.destination_snapshot_id !== null) {
    record.destinationSnapshot = {
      id: row.destination_snapshot_id,
      kind: row.destination_snapshot_kind ?? '',
      groupId: row.destination_snapshot_group_id ?? '',
      groupName: row.destination_snapshot_group_name ?? '',
      takenAt: row.destination_snapshot_taken_at ?? '',
      note: row.destination_snapshot_note ?? '',
    };
  }
  return record;
}

/** The SQL (appended to a WHERE) and its values for the fields of `filter` that are set. */
function filterClause(filter: HistoryFilter): { where: string; values: string[] } {
  const columns: Array<[keyof HistoryFilter, string]> = [
    ['sourceId', 'r.source_id = ?'],
    ['status', 'r.status = ?'],
    ['actor', 'r.actor = ?'],
    ['kind', 'r.kind = ?'],
    ['from', 'r.created_at >= ?'],
    ['to', 'r.created_at < ?'],
  ];
  let where = '';
  const values: string[] = [];
  for (const [field, sql] of columns) {
    const value = filter[field];
    if (value === undefined) continue;
    where += ` AND ${sql}`;
    values.push(value);
  }
  if (filter.involving !== undefined) {
    where += ' AND (r.source_id = ? OR r.destination_id = ?)';
    values.push(filter.involving, filter.involving);
  }
  return { where, values };
}

function toStep(row: StepRow): StepRecord {
  const step: StepRecord = {
    restoreId: row.restore_id,
    attempt: row.attempt,
    id: row.step_id,
    index: row.idx,
    phase: row.phase as StepRecord['phase'],
    action: row.action as StepRecord['action'],
    direction: row.direction as StepRecord['direction'],
    early: row.early === 1,
    rules: parse(row.rules_json),
    status: row.status as StepStatus,
    attempts: row.attempts,
    retries: parse(row.retries_json),
  };
  if (row.request_id !== null) step.requestId = row.request_id;
  if (row.error_json !== null) step.error = parse(row.error_json);
  if (row.outcome_json !== null) step.outcome = parse(row.outcome_json);
  if (row.started_at !== null) step.startedAt = row.started_at;
  if (row.finished_at !== null) step.finishedAt = row.finished_at;
  return step;
}

export interface Journal {
  readonly location: string;
  readonly snapshots: SnapshotStore;
  readonly watches: WatchStore;
  readonly autoReverts: AutoRevertStore;
  /**
   * Writes the restore (status pending, attempt 1), its steps and the snapshot of the source's rules
   * (taken by `by`) in one transaction.
   */
  create(restore: NewRestore, steps: PlanStep[], by?: string): RestoreRecord;
  /** Records a restore, undo or rollback refused before any write: status refused, no steps. */
  refuse(restore: NewRestore, error: ApiError, at: string, by?: string): RestoreRecord;
  /** Notes a refused Retry remaining on the restore, which otherwise stays as it was. */
  addRefusal(id: string, refusal: Refusal): void;
  get(id: string): RestoreRecord | undefined;
  steps(id: string): StepRecord[];
  /** Newest first, narrowed by the filter; `cursor` is the nextCursor of the previous page. */
  list(query: HistoryFilter & { cursor?: string; limit: number }): RestorePage;
  /** The undos and roll backs of `id`, oldest first. */
  children(id: string): ChildRestore[];
  /** A pending or running restore of this source, if any. */
  findActive(regionId: string, sourceId: string): RestoreRecord | undefined;
  setStatus(
    id: string,
    status: RestoreStatus,
    extra?: { error?: ApiError; finishedAt?: string },
  ): void;
  startStep(id: string, attempt: number, stepId: string, at: string): void;
  finishStep(id: string, attempt: number, stepId: string, outcome: StepFinish): void;
  /** Appends one adapter retry to a step, as it begins its wait. */
  addStepRetry(id: string, attempt: number, stepId: string, retry: StepRetry): void;
  /** Starts a new attempt (Retry remaining) with its plan, in one transaction; status pending. */
  addAttempt(
    id: string,
    attempt: {
      number: number;
      /** Who started it (default "local"), and when. */
      by?: string;
      at?: string;
      revision: string;
      expected: Rule[];
      plan: PlanFacts;
      steps: PlanStep[];
    },
  ): void;
  setVerification(id: string, verification: Verification): void;
  /** Start-up recovery: pending/running restores become interrupted; running steps failed. */
  markInterrupted(at: string): string[];
  /** The protected sources edited in the console, in their order. */
  protectedSources(): Array<{ label: string; cidr: string }>;
  /** Replaces the console's protected sources in one transaction. */
  replaceProtectedSources(sources: ReadonlyArray<{ label: string; cidr: string }>): void;
  close(): void;
}

/** Opens (creating if missing) the journal at `file`, or an in-memory one for ':memory:'. */
export function openJournal(file: string): Journal {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  // FULL: a commit survives power loss, not only a process crash; journal writes are few.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);

  const insertRestore = db.prepare(`INSERT INTO restores (
      id, kind, parent_id, region_id, source_id, source_name, destination_id, destination_name, mode,
      options_json, revision, status, attempt, created_at, summary_json, source_group_json,
      destination_group_json, snapshot_id, destination_rules_json, expected_json, plan_json,
      verification_json, actor, destination_snapshot_id, destination_snapshot_kind,
      destination_snapshot_group_id, destination_snapshot_group_name, destination_snapshot_taken_at,
      destination_snapshot_note)
    VALUES (@id, @kind, @parentId, @regionId, @sourceId, @sourceName, @destinationId, @destinationName,
      @mode, @options, @revision, @status, @attempt, @createdAt, @summary, @sourceGroup,
      @destinationGroup, @snapshotId, @destinationRules, @expected, @plan, @verification, @actor,
      @dsId, @dsKind, @dsGroupId, @dsGroupName, @dsTakenAt, @dsNote)`);
  const insertStep =
    db.prepare(`INSERT INTO steps (restore_id, attempt, step_id, idx, phase, action,
      direction, early, rules_json, status, attempts)
    VALUES (@restoreId, @attempt, @stepId, @index, @phase, @action, @direction, @early, @rules, 'pending', 0)`);
  const snapshots = createSnapshotStore(db);
  const watches = createWatchStore(db);
  const autoReverts = createAutoRevertStore(db);
  const selectRestore = db.prepare(`${RESTORE_SELECT} WHERE r.id = ?`);
  const selectSteps = db.prepare('SELECT * FROM steps WHERE restore_id = ? ORDER BY attempt, idx');

  const writeSteps = (restoreId: string, attempt: number, steps: PlanStep[]) => {
    for (const step of steps) {
      insertStep.run({
        restoreId,
        attempt,
        stepId: step.id,
        index: step.index,
        phase: step.phase,
        action: step.action,
        direction: step.direction,
        early: step.early ? 1 : 0,
        rules: JSON.stringify(step.rules),
      });
    }
  };

  const insertNew = (restore: NewRestore, status: 'pending' | 'refused', by: string) => {
    const snapshot = snapshots.add({
      group: restore.sourceGroup,
      kind: snapshotKindOf(restore.kind),
      note: '',
      rules: restore.snapshot,
      createdAt: restore.createdAt,
      createdBy: by,
    });
    insertRestore.run({
      id: restore.id,
      kind: restore.kind,
      parentId: restore.parentId ?? null,
      regionId: restore.regionId,
      sourceId: restore.sourceGroup.id,
      sourceName: restore.sourceGroup.name,
      destinationId: restore.destinationGroup.id,
      destinationName: restore.destinationGroup.name,
      mode: restore.mode,
      options: JSON.stringify(restore.options),
      revision: restore.revision,
      attempt: 1,
      createdAt: restore.createdAt,
      summary: JSON.stringify(restore.summary),
      sourceGroup: JSON.stringify(restore.sourceGroup),
      destinationGroup: JSON.stringify(restore.destinationGroup),
      snapshotId: snapshot.id,
      destinationRules: JSON.stringify(restore.destinationRules),
      expected: JSON.stringify(restore.expected),
      plan: JSON.stringify(restore.plan),
      verification: JSON.stringify(PENDING_VERIFICATION),
      status,
      actor: by,
      dsId: restore.destinationSnapshot?.id ?? null,
      dsKind: restore.destinationSnapshot?.kind ?? null,
      dsGroupId: restore.destinationSnapshot?.groupId ?? null,
      dsGroupName: restore.destinationSnapshot?.groupName ?? null,
      dsTakenAt: restore.destinationSnapshot?.takenAt ?? null,
      dsNote: restore.destinationSnapshot?.note ?? null,
    });
  };

  const journal: Journal = {
    location: file,
    snapshots,
    watches,
    autoReverts,
    create(restore, steps, by = 'local') {
      db.transaction(() => {
        insertNew(restore, 'pending', by);
        writeSteps(restore.id, 1, steps);
      })();
      return journal.get(restore.id)!;
    },
    refuse(restore, error, at, by = 'local') {
      db.transaction(() => {
        insertNew(restore, 'refused', by);
        db.prepare('UPDATE restores SET error_json = ?, finished_at = ? WHERE id = ?').run(
          JSON.stringify(error),
          at,
          restore.id,
        );
      })();
      return journal.get(restore.id)!;
    },
    addRefusal(id, refusal) {
      db.transaction(() => {
        const row = selectRestore.get(id) as RestoreRow | undefined;
        if (row === undefined) return;
        const refusals = [...parse<Refusal[]>(row.refusals_json), refusal];
        db.prepare('UPDATE restores SET refusals_json = ? WHERE id = ?').run(
          JSON.stringify(refusals),
          id,
        );
      })();
    },
    get(id) {
      const row = selectRestore.get(id) as RestoreRow | undefined;
      return row === undefined ? undefined : toRestore(row);
    },
    steps(id) {
      return (selectSteps.all(id) as StepRow[]).map(toStep);
    },
    list({ cursor, limit, ...filter }) {
      const before =
        cursor !== undefined && /^\d+$/.test(cursor) ? Number(cursor) : Number.MAX_SAFE_INTEGER;
      const { where, values } = filterClause(filter);
      const rows = db
        .prepare(`${RESTORE_SELECT} WHERE r.seq < ?${where} ORDER BY r.seq DESC LIMIT ?`)
        .all(before, ...values, limit + 1) as RestoreRow[];
      const page = rows.slice(0, limit).map(toRestore);
      const more = rows.length > limit;
      return { restores: page, nextCursor: more ? String(page[page.length - 1]!.seq) : '' };
    },
    children(id) {
      return db
        .prepare(
          'SELECT id, kind, status, created_at AS createdAt FROM restores WHERE parent_id = ? ORDER BY seq',
        )
        .all(id) as ChildRestore[];
    },
    findActive(regionId, sourceId) {
      const row = db
        .prepare(
          `${RESTORE_SELECT} WHERE r.region_id = ? AND r.source_id = ? AND r.status IN ('pending', 'running') ORDER BY r.seq DESC LIMIT 1`,
        )
        .get(regionId, sourceId) as RestoreRow | undefined;
      return row === undefined ? undefined : toRestore(row);
    },
    setStatus(id, status, extra = {}) {
      db.prepare(
        'UPDATE restores SET status = ?, error_json = ?, finished_at = ? WHERE id = ?',
      ).run(
        status,
        extra.error === undefined ? null : JSON.stringify(extra.error),
        extra.finishedAt ?? null,
        id,
      );
    },
    startStep(id, attempt, stepId, at) {
      db.prepare(
        "UPDATE steps SET status = 'running', attempts = attempts + 1, started_at = COALESCE(started_at, ?), error_json = NULL WHERE restore_id = ? AND attempt = ? AND step_id = ?",
      ).run(at, id, attempt, stepId);
    },
    addStepRetry(id, attempt, stepId, retry) {
      // json_insert at '$[#]' appends in SQL, so concurrent readers never see a half-written list.
      db.prepare(
        "UPDATE steps SET retries_json = json_insert(retries_json, '$[#]', json(?)) WHERE restore_id = ? AND attempt = ? AND step_id = ?",
      ).run(JSON.stringify(retry), id, attempt, stepId);
    },
    finishStep(id, attempt, stepId, outcome) {
      db.prepare(
        'UPDATE steps SET status = ?, request_id = ?, error_json = ?, outcome_json = ?, finished_at = ? WHERE restore_id = ? AND attempt = ? AND step_id = ?',
      ).run(
        outcome.status,
        outcome.requestId ?? null,
        outcome.error === undefined ? null : JSON.stringify(outcome.error),
        outcome.outcome === undefined ? null : JSON.stringify(outcome.outcome),
        outcome.at,
        id,
        attempt,
        stepId,
      );
    },
    addAttempt(id, attempt) {
      db.transaction(() => {
        db.prepare(
          "UPDATE restores SET attempt = ?, revision = ?, expected_json = ?, plan_json = ?, verification_json = ?, status = 'pending', error_json = NULL, finished_at = NULL, retried_by_json = json_insert(retried_by_json, '$[#]', json(?)) WHERE id = ?",
        ).run(
          attempt.number,
          attempt.revision,
          JSON.stringify(attempt.expected),
          JSON.stringify(attempt.plan),
          JSON.stringify(PENDING_VERIFICATION),
          JSON.stringify({
            attempt: attempt.number,
            by: attempt.by ?? 'local',
            at: attempt.at ?? new Date().toISOString(),
          }),
          id,
        );
        writeSteps(id, attempt.number, attempt.steps);
      })();
    },
    setVerification(id, verification) {
      db.prepare('UPDATE restores SET verification_json = ? WHERE id = ?').run(
        JSON.stringify(verification),
        id,
      );
    },
    markInterrupted(at) {
      const ids = (
        db.prepare("SELECT id FROM restores WHERE status IN ('pending', 'running')").all() as {
          id: string;
        }[]
      ).map((r) => r.id);
      const interruptedCall: ApiError = {
        code: 'Interrupted',
        message: 'The server stopped during this call; ECS may or may not have applied it.',
      };
      const interruptedRun: ApiError = {
        code: 'Interrupted',
        message:
          'The server stopped while this restore ran. Retry the remaining steps or roll back.',
      };
      db.transaction(() => {
        for (const id of ids) {
          db.prepare(
            "UPDATE steps SET status = 'failed', error_json = ?, finished_at = ? WHERE restore_id = ? AND status = 'running'",
          ).run(JSON.stringify(interruptedCall), at, id);
          db.prepare(
            "UPDATE restores SET status = 'interrupted', error_json = ?, finished_at = ? WHERE id = ?",
          ).run(JSON.stringify(interruptedRun), at, id);
        }
      })();
      return ids;
    },
    protectedSources() {
      return db
        .prepare('SELECT label, cidr FROM protected_sources ORDER BY position')
        .all() as Array<{
        label: string;
        cidr: string;
      }>;
    },
    replaceProtectedSources(sources) {
      db.transaction(() => {
        db.prepare('DELETE FROM protected_sources').run();
        const insert = db.prepare(
          'INSERT INTO protected_sources (position, label, cidr) VALUES (?, ?, ?)',
        );
        sources.forEach((source, index) => insert.run(index, source.label, source.cidr));
      })();
    },
    close() {
      if (db.open) db.close();
    },
  };
  return journal;
}
