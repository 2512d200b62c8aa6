/**
 * One attempt of a restore job: its steps in order (execute-step.ts journals each one), a stop
 * honoured between steps, then the verification read (verify.ts). A step that does not end
 * applied ends the run; the journal then says what was applied and what remains.
 */
import type { JobContext } from './job-context';
import { executeStep } from './execute-step';
import { finishStopped, type StopRequests } from './stop-after-step';
import { verifyRestore } from './verify';

/** Runs the current attempt of restore `id` to its end (or until the runner halts). */
export async function runSteps(
  ctx: JobContext,
  stops: StopRequests,
  id: string,
  verifyDelaysMs: number[],
): Promise<void> {
  const { journal } = ctx;
  const record = journal.get(id);
  if (record === undefined || ctx.halted()) return;
  const steps = journal.steps(id).filter((s) => s.attempt === record.attempt);
  journal.setStatus(id, 'running');
  const todo = steps.filter((step) => step.status !== 'applied');
  for (const [i, step] of todo.entries()) {
    if (ctx.halted()) return;
    const stoppedBy = stops.requestedBy(id);
    if (stoppedBy !== undefined) {
      finishStopped(ctx, record, steps, stoppedBy);
      return;
    }
    // No check follows the last step: from here a stop would be ignored, so it is refused.
    if (i === todo.length - 1) stops.closeFor(id);
    if ((await executeStep(ctx, record, step, steps.length)) !== 'applied') return;
  }
  stops.closeFor(id);
  await verifyRestore(ctx, record, verifyDelaysMs);
}
