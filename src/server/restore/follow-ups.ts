/**
 * The follow-ups of a restore that exists: Retry remaining (a new attempt of the same restore)
 * and Roll back / Undo (a new child restore back to the source's snapshot). Each plans against
 * the source's current rules and runs only with the revision of the preview the user reviewed.
 */
import { assertConfirmed } from '../preview';
import type { JobHost } from './job-host';
import { attemptEntry } from './journal-entries';
import { assertFollowUpAllowed, planRetry, planRevert } from './revert-preview';
import { assertFresh, assertPlanHasSteps, preflightError, refuseFailedChecks } from './run-guards';

/** Plans the remaining work of `id` and runs it as its next attempt (refusals are journaled). */
export async function retryRemaining(
  host: JobHost,
  id: string,
  revision: string,
  confirmName: string | undefined,
  by: string,
): Promise<string> {
  const { journal, logger } = host.opts;
  const record = host.mustGet(id);
  assertFollowUpAllowed(record, 'retry');
  return host.withSourceLock(record.regionId, record.sourceGroup.id, async (holder) => {
    const current = host.mustGet(id);
    assertFollowUpAllowed(current, 'retry');
    const planned = await planRetry(host.planning, current);
    assertFresh(planned, revision);
    assertConfirmed(planned, confirmName);
    if (planned.checks.length > 0) {
      const error = preflightError(`Retry remaining of ${id}`, planned.checks);
      journal.addRefusal(id, {
        at: host.stamp(),
        attempt: current.attempt + 1,
        error: error.toBody(),
      });
      logger.warn(
        { restoreId: id, checks: planned.checks.map((check) => check.code) },
        'retry refused by pre-flight checks',
      );
      throw error;
    }
    journal.addAttempt(id, {
      ...attemptEntry(current.attempt + 1, planned),
      by,
      at: host.stamp(),
    });
    logger.info(
      { restoreId: id, attempt: current.attempt + 1, steps: planned.plan.calls },
      'restore retrying',
    );
    host.launch(id, current.regionId, current.sourceGroup.id, holder);
    return { restoreId: id, started: true };
  });
}

/**
 * Brings the source of `id` back to its snapshot as a new child restore of `kind`; without a
 * revision (the confirm-or-revert timer) the plan is not compared with a preview.
 */
export async function revertRestore(
  host: JobHost,
  id: string,
  kind: 'rollback' | 'undo',
  revision: string | undefined,
  by: string,
  options: { anyFinished?: boolean; confirmName?: string | undefined },
): Promise<string> {
  const parent = host.mustGet(id);
  assertFollowUpAllowed(parent, kind, options);
  return host.withSourceLock(parent.regionId, parent.sourceGroup.id, async (restoreId) => {
    const planned = await planRevert(host.planning, parent);
    if (revision !== undefined) assertFresh(planned, revision);
    assertPlanHasSteps(
      planned,
      `The source security group already has the rules it had before ${id}.`,
    );
    // The timer passes no revision: the name was the restore's to type, the revert agreed then.
    if (revision !== undefined) assertConfirmed(planned, options.confirmName);
    refuseFailedChecks(host.job, restoreId, planned, kind, id, by);
    host.opts.logger.info(
      { restoreId, parentId: id, kind, steps: planned.plan.calls },
      `${kind} starting`,
    );
    return host.launchNew(restoreId, planned, kind, id, by);
  });
}
