/**
 * Start-up recovery: a restore that was pending or running when the server stopped cannot go on
 * by itself, so it becomes interrupted (Retry remaining or Roll back), and a call that was in
 * flight becomes a failed step whose effect on ECS is unknown.
 */
import type Database from 'better-sqlite3';
import type { ApiError } from '../contract';

const INTERRUPTED_CALL: ApiError = {
  code: 'Interrupted',
  message: 'The server stopped during this call; ECS may or may not have applied it.',
};
const INTERRUPTED_RUN: ApiError = {
  code: 'Interrupted',
  message: 'The server stopped while this restore ran. Retry the remaining steps or roll back.',
};

/** Marks every pending or running restore interrupted at `at`; returns their ids. */
export function markInterrupted(db: Database.Database, at: string): string[] {
  const ids = (
    db.prepare("SELECT id FROM restores WHERE status IN ('pending', 'running')").all() as {
      id: string;
    }[]
  ).map((r) => r.id);
  db.transaction(() => {
    for (const id of ids) {
      db.prepare(
        "UPDATE steps SET status = 'failed', error_json = ?, finished_at = ? WHERE restore_id = ? AND status = 'running'",
      ).run(JSON.stringify(INTERRUPTED_CALL), at, id);
      db.prepare(
        "UPDATE restores SET status = 'interrupted', error_json = ?, finished_at = ? WHERE id = ?",
      ).run(JSON.stringify(INTERRUPTED_RUN), at, id);
    }
  })();
  return ids;
}
