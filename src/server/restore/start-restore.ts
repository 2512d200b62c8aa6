/**
 * Starting a new restore: POST .../restores (the user's reviewed preview) and a clone's copy of
 * the original's rules. Both re-read the groups and re-plan under the source's lock.
 */
import { DEFAULT_RESTORE_OPTIONS, type RestoreMode, type RestoreOptions } from '../../domain/types';
import { assertConfirmed, assertSelectionFresh, planPair } from '../preview';
import type { JobHost } from './job-host';
import { assertFresh, assertPlanHasSteps, refuseFailedChecks } from './run-guards';

export interface StartRestoreInput {
  destinationId: string;
  mode: RestoreMode;
  options: RestoreOptions;
  revision: string;
  /** Rule identities of the rows to leave as they are (cherry-pick). */
  excluded?: string[] | undefined;
  /** The source's name typed, when the preview asks for it. */
  confirmName?: string;
  /** Revert automatically this many minutes after the restore verifies, unless kept. */
  autoRevertMinutes?: number;
}

/** Re-reads both groups, re-plans, checks the revision and the typed name, then starts. */
export async function startRestore(
  host: JobHost,
  regionId: string,
  sourceId: string,
  input: StartRestoreInput,
  by: string,
): Promise<string> {
  return host.withSourceLock(regionId, sourceId, async (restoreId) => {
    const planned = await planPair(
      host.planning,
      regionId,
      sourceId,
      input.destinationId,
      input.mode,
      input.options,
      input.excluded,
    );
    assertSelectionFresh(planned);
    assertFresh(planned, input.revision);
    assertPlanHasSteps(planned, 'The destination security group has the same rules as the source');
    assertConfirmed(planned, input.confirmName);
    refuseFailedChecks(host.job, restoreId, planned, 'restore', undefined, by);
    host.opts.logger.info(
      {
        restoreId,
        regionId,
        sourceId,
        destinationId: input.destinationId,
        steps: planned.plan.calls,
      },
      'restore starting',
    );
    return host.launchNew(restoreId, planned, 'restore', undefined, by, input.autoRevertMinutes);
  });
}

/** The new, empty `cloneId` takes the rules of `originalId`, run as a restore of the clone. */
export async function startClone(
  host: JobHost,
  regionId: string,
  cloneId: string,
  originalId: string,
  by: string,
): Promise<string> {
  return host.withSourceLock(regionId, cloneId, async (restoreId) => {
    const planned = await planPair(
      host.planning,
      regionId,
      cloneId,
      originalId,
      'completely',
      DEFAULT_RESTORE_OPTIONS,
    );
    refuseFailedChecks(host.job, restoreId, planned, 'restore', undefined, by);
    return host.launchNew(restoreId, planned, 'restore', undefined, by);
  });
}
