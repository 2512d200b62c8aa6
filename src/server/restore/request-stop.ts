/**
 * POST /api/restores/:id/stop as the runner answers it: accepted while a check between steps is
 * still ahead, refused as too late once the last step is in flight or the result is verifying.
 */
import { ApiHttpError } from '../errors';
import type { JobHost } from './job-host';

/**
 * Asks the job of `id` to end after the step in flight. 409 InvalidRestoreState when it is not
 * running in this server; 409 StopTooLate once its last step is in flight or it is verifying.
 */
export function requestStop(host: JobHost, id: string, by: string): void {
  const { journal, logger } = host.opts;
  const record = host.mustGet(id);
  if (!host.jobs.has(id) || (record.status !== 'pending' && record.status !== 'running')) {
    throw new ApiHttpError(
      409,
      'InvalidRestoreState',
      `${id} is not running (it is ${record.status}); there is nothing to stop.`,
    );
  }
  if (!host.stops.request(id, by)) {
    const current = journal.steps(id).filter((step) => step.attempt === record.attempt);
    const verifying = current.every((step) => step.status === 'applied');
    logger.info({ restoreId: id, verifying }, 'stop after this step came too late');
    throw new ApiHttpError(
      409,
      'StopTooLate',
      verifying
        ? `Too late to stop ${id}: every step is applied and the result is being verified.`
        : `Too late to stop ${id}: its last step is already being applied; it finishes and is verified.`,
      { phase: verifying ? 'verifying' : 'lastStep' },
    );
  }
  logger.info({ restoreId: id }, 'stop after this step requested');
}
