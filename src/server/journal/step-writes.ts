/**
 * The journal's writes of steps: a plan's steps as pending, each call as it starts and ends, and
 * each of the adapter's waits before it calls ECS again.
 */
import type Database from 'better-sqlite3';
import type { PlanStep } from '../../domain/types';
import type { StepRetry } from '../contract';
import type { StepFinish } from './restore-records';

export interface StepWrites {
  /** Writes `steps` as attempt `attempt`'s, pending (inside the caller's transaction). */
  write(restoreId: string, attempt: number, steps: PlanStep[]): void;
  startStep(id: string, attempt: number, stepId: string, at: string): void;
  finishStep(id: string, attempt: number, stepId: string, outcome: StepFinish): void;
  /** Appends one adapter retry to a step, as it begins its wait. */
  addStepRetry(id: string, attempt: number, stepId: string, retry: StepRetry): void;
}

export function createStepWrites(db: Database.Database): StepWrites {
  const insertStep =
    db.prepare(`INSERT INTO steps (restore_id, attempt, step_id, idx, phase, action,
      direction, early, rules_json, status, attempts)
    VALUES (@restoreId, @attempt, @stepId, @index, @phase, @action, @direction, @early, @rules, 'pending', 0)`);
  return {
    write(restoreId, attempt, steps) {
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
  };
}
