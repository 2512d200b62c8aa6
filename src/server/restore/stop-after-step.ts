/**
 * Stop after this step: an operator's request to end a running restore once the step in flight
 * has finished. The runner checks it between steps; the job then ends `stopped` with the journal
 * saying which steps were applied and which remain, so Retry remaining and Roll back work from
 * it exactly as from a failed restore. Once the last step has started nothing is left to stop:
 * a request then is refused as too late (the run finishes and verifies), never accepted and
 * silently ignored.
 */
import type { RestoreRecord, StepRecord } from '../journal/journal';
import type { JobContext } from './job-context';

/** Restore IDs whose run should end before its next step, with who asked. */
export class StopRequests {
  private readonly ids = new Map<string, string>();
  /** Runs past their last check: the last step is in flight, or they are verifying. */
  private readonly pastLastCheck = new Set<string>();

  /** Records the request; false when `id` is past its last check and cannot stop any more. */
  request(id: string, by: string): boolean {
    if (this.pastLastCheck.has(id)) return false;
    this.ids.set(id, by);
    return true;
  }

  /** The run of `id` passed its last check (it starts its last step): later requests are late. */
  closeFor(id: string): void {
    this.pastLastCheck.add(id);
  }

  /** Who asked to stop `id`, or undefined when nobody did. */
  requestedBy(id: string): string | undefined {
    return this.ids.get(id);
  }

  clear(id: string): void {
    this.ids.delete(id);
    this.pastLastCheck.delete(id);
  }
}

/** Ends the attempt as stopped, counting the current attempt's applied and remaining steps. */
export function finishStopped(
  ctx: JobContext,
  record: RestoreRecord,
  steps: readonly StepRecord[],
  by: string,
): void {
  const current = ctx.journal.steps(record.id).filter((s) => s.attempt === record.attempt);
  const applied = current.filter((s) => s.status === 'applied').length;
  const remaining = steps.length - applied;
  ctx.journal.setStatus(record.id, 'stopped', {
    error: {
      code: 'Stopped',
      message: `Stopped after step ${applied} of ${steps.length} (by ${by}); ${remaining} step${remaining === 1 ? '' : 's'} not applied. Retry the remaining steps or roll back.`,
      details: { applied, remaining, by },
    },
    finishedAt: ctx.stamp(),
  });
  ctx.logger.info({ restoreId: record.id, applied, remaining }, 'restore stopped');
}
