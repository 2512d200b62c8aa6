/**
 * The journal's writes of restores: a new one (with the snapshot of its source and its steps), a
 * refused one, its status and verification as it runs, a refused Retry remaining, and a new
 * attempt. Each is one committed transaction.
 */
import type Database from 'better-sqlite3';
import type { PlanStep, Rule } from '../../domain/types';
import type { ApiError, Refusal } from '../contract';
import type {
  NewRestore,
  PlanFacts,
  RestoreRecord,
  RestoreStatus,
  Verification,
} from './restore-records';
import { parse, RESTORE_SELECT, type RestoreRow } from './restore-rows';
import { snapshotKindOf, type SnapshotStore } from './snapshot-store';
import type { StepWrites } from './step-writes';

export interface NewAttempt {
  number: number;
  /** Who started it (default "local"), and when. */
  by?: string;
  at?: string;
  revision: string;
  expected: Rule[];
  plan: PlanFacts;
  steps: PlanStep[];
}

export interface RestoreWrites {
  /**
   * Writes the restore (status pending, attempt 1), its steps and the snapshot of the source's rules
   * (taken by `by`) in one transaction.
   */
  create(restore: NewRestore, steps: PlanStep[], by?: string): RestoreRecord;
  /** Records a restore, undo or rollback refused before any write: status refused, no steps. */
  refuse(restore: NewRestore, error: ApiError, at: string, by?: string): RestoreRecord;
  /** Notes a refused Retry remaining on the restore, which otherwise stays as it was. */
  addRefusal(id: string, refusal: Refusal): void;
  setStatus(
    id: string,
    status: RestoreStatus,
    extra?: { error?: ApiError; finishedAt?: string },
  ): void;
  /** Starts a new attempt (Retry remaining) with its plan, in one transaction; status pending. */
  addAttempt(id: string, attempt: NewAttempt): void;
  setVerification(id: string, verification: Verification): void;
}

const PENDING_VERIFICATION: Verification = { status: 'pending', missing: [], unexpected: [] };

export function createRestoreWrites(
  db: Database.Database,
  deps: {
    snapshots: SnapshotStore;
    steps: StepWrites;
    /** Reads back what was written (the created record). */
    get: (id: string) => RestoreRecord | undefined;
  },
): RestoreWrites {
  const { snapshots, steps: stepWrites, get } = deps;
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
  const selectRestore = db.prepare(`${RESTORE_SELECT} WHERE r.id = ?`);

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

  return {
    create(restore, steps, by = 'local') {
      db.transaction(() => {
        insertNew(restore, 'pending', by);
        stepWrites.write(restore.id, 1, steps);
      })();
      return get(restore.id)!;
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
      return get(restore.id)!;
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
        stepWrites.write(id, attempt.number, attempt.steps);
      })();
    },
    setVerification(id, verification) {
      db.prepare('UPDATE restores SET verification_json = ? WHERE id = ?').run(
        JSON.stringify(verification),
        id,
      );
    },
  };
}
