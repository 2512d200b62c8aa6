/**
 * The confirm-or-revert timers, in the journal: the deadline is a row, so it survives a restart
 * and a deadline that passed while the server was down is found (and fired) at the next start.
 */
import type Database from 'better-sqlite3';
import type { AutoRevertState } from '../contract-safe-apply';

/** Who the timer's own decisions are recorded as made by (the history's automatic-revert links). */
export const AUTO_REVERT_ACTOR = 'auto-revert';

export interface AutoRevertRecord {
  restoreId: string;
  minutes: number;
  state: AutoRevertState;
  /** Epoch ms; absent until the restore verifies. */
  deadlineMs?: number;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
  revertId?: string;
  difference?: { added: number; removed: number };
}

export interface AutoRevertDecision {
  state: AutoRevertState;
  decidedAt: string;
  decidedBy: string;
  reason?: string;
  revertId?: string;
  difference?: { added: number; removed: number };
}

export interface AutoRevertStore {
  /** Notes that `restoreId` asked to be reverted `minutes` after it verifies. */
  request(restoreId: string, minutes: number): void;
  get(restoreId: string): AutoRevertRecord | undefined;
  /** The timer whose roll back is `revertId`, if that roll back was started by a timer's decision. */
  byRevert(revertId: string): AutoRevertRecord | undefined;
  /** Armed timers, the nearest deadline first. */
  armed(): AutoRevertRecord[];
  /** waiting → armed with its deadline; false when it was not waiting. */
  arm(restoreId: string, deadlineMs: number): boolean;
  /**
   * Moves the timer to a decision when it is in one of `from` (compare-and-set, so a Keep and
   * the deadline cannot both win); false when it was not.
   */
  decide(
    restoreId: string,
    from: readonly AutoRevertState[],
    decision: AutoRevertDecision,
  ): boolean;
}

interface AutoRevertRow {
  restore_id: string;
  minutes: number;
  state: string;
  deadline_ms: number | null;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
  revert_id: string | null;
  difference_json: string | null;
}

function toRecord(row: AutoRevertRow): AutoRevertRecord {
  const record: AutoRevertRecord = {
    restoreId: row.restore_id,
    minutes: row.minutes,
    state: row.state as AutoRevertState,
  };
  if (row.deadline_ms !== null) record.deadlineMs = row.deadline_ms;
  if (row.decided_at !== null) record.decidedAt = row.decided_at;
  if (row.decided_by !== null) record.decidedBy = row.decided_by;
  if (row.reason !== null) record.reason = row.reason;
  if (row.revert_id !== null) record.revertId = row.revert_id;
  if (row.difference_json !== null)
    record.difference = JSON.parse(row.difference_json) as { added: number; removed: number };
  return record;
}

export function createAutoRevertStore(db: Database.Database): AutoRevertStore {
  const select = db.prepare('SELECT * FROM auto_reverts WHERE restore_id = ?');
  return {
    request(restoreId, minutes) {
      db.prepare(
        "INSERT INTO auto_reverts (restore_id, minutes, state) VALUES (?, ?, 'waiting')",
      ).run(restoreId, minutes);
    },
    get(restoreId) {
      const row = select.get(restoreId) as AutoRevertRow | undefined;
      return row === undefined ? undefined : toRecord(row);
    },
    byRevert(revertId) {
      const row = db.prepare('SELECT * FROM auto_reverts WHERE revert_id = ?').get(revertId) as
        AutoRevertRow | undefined;
      return row === undefined ? undefined : toRecord(row);
    },
    armed() {
      return (
        db
          .prepare("SELECT * FROM auto_reverts WHERE state = 'armed' ORDER BY deadline_ms")
          .all() as AutoRevertRow[]
      ).map(toRecord);
    },
    arm(restoreId, deadlineMs) {
      return (
        db
          .prepare(
            "UPDATE auto_reverts SET state = 'armed', deadline_ms = ? WHERE restore_id = ? AND state = 'waiting'",
          )
          .run(deadlineMs, restoreId).changes === 1
      );
    },
    decide(restoreId, from, decision) {
      const marks = from.map(() => '?').join(', ');
      return (
        db
          .prepare(
            `UPDATE auto_reverts SET state = ?, decided_at = ?, decided_by = ?, reason = ?,
               revert_id = COALESCE(?, revert_id), difference_json = ?
             WHERE restore_id = ? AND state IN (${marks})`,
          )
          .run(
            decision.state,
            decision.decidedAt,
            decision.decidedBy,
            decision.reason ?? null,
            decision.revertId ?? null,
            decision.difference === undefined ? null : JSON.stringify(decision.difference),
            restoreId,
            ...from,
          ).changes === 1
      );
    },
  };
}
