/**
 * The checks every start makes on a fresh plan before anything is journaled as running: the
 * preview the user reviewed is still the plan's, there is something to do, and no pre-flight
 * check failed (a failure is journaled as a refusal, and ECS is not called).
 */
import type { PreflightFailure } from '../../domain/preflight';
import { ApiHttpError } from '../errors';
import type { RestoreRecord } from '../journal/journal';
import { previewView, type Planned, type PreviewTarget } from '../preview';
import type { JobContext } from './job-context';
import { newRestoreEntry } from './journal-entries';
import { refusalMessage } from './preflight-messages';

/** 422 PreflightFailed naming each failed check; `details` holds the checks and `extra`. */
export function preflightError(
  what: string,
  checks: PreflightFailure[],
  extra: Record<string, unknown> = {},
): ApiHttpError {
  return new ApiHttpError(422, 'PreflightFailed', refusalMessage(what, checks), {
    checks,
    ...extra,
  });
}

/** 400 NothingToRestore with `message` when the plan has no step. */
export function assertPlanHasSteps(planned: Planned<PreviewTarget>, message: string): void {
  if (planned.plan.steps.length === 0) throw new ApiHttpError(400, 'NothingToRestore', message);
}

/** 409 StalePreview with the fresh preview when `revision` is not the plan's. */
export function assertFresh(planned: Planned<PreviewTarget>, revision: string): void {
  if (planned.plan.revision !== revision) {
    throw new ApiHttpError(
      409,
      'StalePreview',
      'The security groups changed since the preview; review the new preview and confirm again.',
      { preview: previewView(planned) },
    );
  }
}

/**
 * A plan that fails a pre-flight check never starts: the journal records the refusal (status
 * refused, no steps, the checks in its error) and the caller gets 422 with the checks and the
 * preview. ECS is not called.
 */
export function refuseFailedChecks(
  ctx: JobContext,
  restoreId: string,
  planned: Planned<PreviewTarget>,
  kind: RestoreRecord['kind'],
  parentId: string | undefined,
  by: string,
): void {
  if (planned.checks.length === 0) return;
  const what =
    kind === 'restore'
      ? 'The restore'
      : `The ${kind === 'undo' ? 'undo' : 'roll back'} of ${parentId}`;
  const recorded = preflightError(what, planned.checks);
  const at = ctx.stamp();
  ctx.journal.refuse(
    newRestoreEntry(restoreId, planned, kind, parentId, at),
    recorded.toBody(),
    at,
    by,
  );
  ctx.logger.warn(
    { restoreId, kind, checks: planned.checks.map((check) => check.code) },
    `${kind} refused by pre-flight checks`,
  );
  throw preflightError(what, planned.checks, { preview: previewView(planned), restoreId });
}
