/**
 * The restore runner. It owns every restore job (the HTTP call only starts one), keeps one
 * restore per source group at a time, writes the journal before the first ECS call, runs the
 * plan's steps in order (execute-step.ts journals each one) and then verifies the result
 * (verify.ts). A permanent failure stops the run with the journal describing exactly what was
 * applied and what remains.
 */
import { randomBytes } from 'node:crypto';
import type { PreflightFailure } from '../../domain/preflight';
import {
  DEFAULT_RESTORE_OPTIONS,
  type PlanLimits,
  type RestoreMode,
  type RestoreOptions,
} from '../../domain/types';
import type { EcsPort } from '../../ecs/ecs-port';
import type { PreviewResponse } from '../contract';
import { ApiHttpError, toApiErrorBody } from '../errors';
import type { Journal, RestoreRecord } from '../journal/journal';
import type { Logger } from '../logger';
import {
  assertConfirmed,
  assertSelectionFresh,
  planPair,
  previewView,
  type ImpactSettings,
  type Planned,
  type PlanningDeps,
  type PreviewTarget,
} from '../preview';
import { executeStep } from './execute-step';
import { refusalMessage } from './preflight-messages';
import {
  assertFollowUpAllowed,
  followUpPreview,
  planRetry,
  planRevert,
  type FollowUp,
} from './revert-preview';
import type { JobContext } from './job-context';
import { attemptEntry, newRestoreEntry } from './journal-entries';
import { SourceLocks } from './source-locks';
import { finishStopped, StopRequests } from './stop-after-step';
import { verifyRestore } from './verify';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function newRestoreId(): string {
  const bytes = randomBytes(16);
  let id = 'rst-';
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

export interface RunnerOptions {
  ecs: EcsPort;
  journal: Journal;
  limits: PlanLimits;
  /** ENI_RULE_LIMIT and the protected sources; the preview's defaults when absent. */
  impact?: ImpactSettings;
  logger: Logger;
  /** Waits before each verification read; more than one tolerates read-after-write lag. */
  verifyDelaysMs?: number[];
  now?: () => Date;
  /** Who a restore is journaled as started by when the caller names nobody (default "local"). */
  actor?: string;
}

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

/** 422 PreflightFailed naming each failed check; `details` holds the checks and `extra`. */
function preflightError(
  what: string,
  checks: PreflightFailure[],
  extra: Record<string, unknown> = {},
): ApiHttpError {
  return new ApiHttpError(422, 'PreflightFailed', refusalMessage(what, checks), {
    checks,
    ...extra,
  });
}

export class RestoreRunner {
  private readonly locks = new SourceLocks();
  private readonly jobs = new Map<string, Promise<void>>();
  private halted = false;
  private readonly stops = new StopRequests();
  private finishedListener: ((restoreId: string) => void) | undefined;
  private readonly verifyDelaysMs: number[];
  private readonly now: () => Date;

  constructor(private readonly opts: RunnerOptions) {
    this.verifyDelaysMs = opts.verifyDelaysMs ?? [0, 300, 1000, 2000];
    this.now = opts.now ?? (() => new Date());
  }

  /** What previews and plans read with: the same for the preview route and every start. */
  get planning(): PlanningDeps {
    const { ecs, limits, impact, journal } = this.opts;
    const deps = { ecs, limits, snapshots: journal.snapshots };
    return impact === undefined ? deps : { ...deps, impact };
  }

  private get job(): JobContext {
    return {
      ecs: this.opts.ecs,
      journal: this.opts.journal,
      logger: this.opts.logger,
      halted: () => this.halted,
      stamp: () => this.stamp(),
    };
  }

  /** Who a job is journaled as started by when the caller names nobody. */
  private get defaultActor(): string {
    return this.opts.actor ?? 'local';
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Runs `work` holding the source's lock; the lock passes to the job it starts, if any. */
  private async withSourceLock(
    regionId: string,
    sourceId: string,
    work: (restoreId: string) => Promise<{ restoreId: string; started: boolean }>,
  ): Promise<string> {
    const restoreId = newRestoreId();
    const taken = this.locks.acquire(regionId, sourceId, restoreId);
    const active = this.opts.journal.findActive(regionId, sourceId);
    if (!taken.ok || active !== undefined) {
      if (taken.ok) this.locks.release(regionId, sourceId, restoreId);
      const holder = active?.id ?? (taken.ok ? undefined : taken.holder);
      const running = holder === undefined ? undefined : this.opts.journal.get(holder);
      throw new ApiHttpError(
        409,
        'RestoreInProgress',
        `A restore of ${sourceId} is already running; wait for it to finish.`,
        running === undefined ? undefined : { restoreId: running.id, startedAt: running.createdAt },
      );
    }
    try {
      const result = await work(restoreId);
      if (!result.started) this.locks.release(regionId, sourceId, restoreId);
      return result.restoreId;
    } catch (error) {
      this.locks.release(regionId, sourceId, restoreId);
      throw error;
    }
  }

  private assertPlanHasSteps(planned: Planned<PreviewTarget>, message: string): void {
    if (planned.plan.steps.length === 0) throw new ApiHttpError(400, 'NothingToRestore', message);
  }

  private assertFresh(planned: Planned<PreviewTarget>, revision: string): void {
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
  private refuseFailedChecks(
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
    const at = this.stamp();
    this.opts.journal.refuse(
      newRestoreEntry(restoreId, planned, kind, parentId, at),
      recorded.toBody(),
      at,
      by,
    );
    this.opts.logger.warn(
      { restoreId, kind, checks: planned.checks.map((check) => check.code) },
      `${kind} refused by pre-flight checks`,
    );
    throw preflightError(what, planned.checks, { preview: previewView(planned), restoreId });
  }

  /** Journals a new restore (before any ECS write) and starts its job. */
  private launchNew(
    restoreId: string,
    planned: Planned<PreviewTarget>,
    kind: RestoreRecord['kind'],
    parentId: string | undefined,
    by: string,
    autoRevertMinutes?: number,
  ): { restoreId: string; started: boolean } {
    const source = planned.source.group;
    this.opts.journal.create(
      newRestoreEntry(restoreId, planned, kind, parentId, this.stamp()),
      planned.plan.steps,
      by,
    );
    if (autoRevertMinutes !== undefined)
      this.opts.journal.autoReverts.request(restoreId, autoRevertMinutes);
    this.launch(restoreId, source.regionId, source.id, restoreId);
    return { restoreId, started: true };
  }

  /** Starts the job of `restoreId`; the source lock held by `holder` is released when it ends. */
  private launch(restoreId: string, regionId: string, sourceId: string, holder: string): void {
    const job = this.run(restoreId)
      .catch((error: unknown) => {
        this.opts.logger.error({ err: error, restoreId }, 'restore job crashed');
        if (this.halted) return;
        this.opts.journal.setStatus(restoreId, 'failed', {
          error: toApiErrorBody(error),
          finishedAt: this.stamp(),
        });
      })
      .finally(() => {
        this.locks.release(regionId, sourceId, holder);
        this.jobs.delete(restoreId);
        this.stops.clear(restoreId);
        if (!this.halted) this.notifyFinished(restoreId);
      });
    this.jobs.set(restoreId, job);
  }

  /** POST .../restores: re-reads both groups, re-plans, checks the revision, then starts. */
  async startRestore(
    regionId: string,
    sourceId: string,
    input: StartRestoreInput,
    by = this.defaultActor,
  ): Promise<string> {
    return this.withSourceLock(regionId, sourceId, async (restoreId) => {
      const planned = await planPair(
        this.planning,
        regionId,
        sourceId,
        input.destinationId,
        input.mode,
        input.options,
        input.excluded,
      );
      assertSelectionFresh(planned);
      this.assertFresh(planned, input.revision);
      this.assertPlanHasSteps(
        planned,
        'The destination security group has the same rules as the source',
      );
      assertConfirmed(planned, input.confirmName);
      this.refuseFailedChecks(restoreId, planned, 'restore', undefined, by);
      this.opts.logger.info(
        {
          restoreId,
          regionId,
          sourceId,
          destinationId: input.destinationId,
          steps: planned.plan.calls,
        },
        'restore starting',
      );
      return this.launchNew(restoreId, planned, 'restore', undefined, by, input.autoRevertMinutes);
    });
  }

  /**
   * Clone (restore/clone.ts): the new, empty `cloneId` takes the rules of `originalId`,
   * journaled and run as a restore of the clone, so batching, retries and verification are a
   * restore's.
   */
  async startClone(
    regionId: string,
    cloneId: string,
    originalId: string,
    by = this.defaultActor,
  ): Promise<string> {
    return this.withSourceLock(regionId, cloneId, async (restoreId) => {
      const planned = await planPair(
        this.planning,
        regionId,
        cloneId,
        originalId,
        'completely',
        DEFAULT_RESTORE_OPTIONS,
      );
      this.refuseFailedChecks(restoreId, planned, 'restore', undefined, by);
      return this.launchNew(restoreId, planned, 'restore', undefined, by);
    });
  }

  private mustGet(id: string): RestoreRecord {
    const record = this.opts.journal.get(id);
    if (record === undefined)
      throw new ApiHttpError(404, 'RestoreNotFound', `There is no restore ${id}.`, { field: 'id' });
    return record;
  }

  /**
   * GET /api/restores/:id/{undo,rollback,retry}-preview: what that follow-up would change now,
   * planned against the source's current rules like its POST.
   */
  async followUpPreview(id: string, followUp: FollowUp): Promise<PreviewResponse> {
    return followUpPreview(this.planning, this.mustGet(id), followUp);
  }

  /**
   * POST /api/restores/:id/retry: plans the remaining work against the current source and runs
   * it as a new attempt of the same restore, if `revision` is still that plan's (409 with the
   * fresh preview otherwise).
   */
  async retry(
    id: string,
    revision: string,
    confirmName?: string,
    by = this.defaultActor,
  ): Promise<string> {
    const record = this.mustGet(id);
    assertFollowUpAllowed(record, 'retry');
    return this.withSourceLock(record.regionId, record.sourceGroup.id, async (holder) => {
      const current = this.mustGet(id);
      assertFollowUpAllowed(current, 'retry');
      const planned = await planRetry(this.planning, current);
      this.assertFresh(planned, revision);
      assertConfirmed(planned, confirmName);
      if (planned.checks.length > 0) {
        const error = preflightError(`Retry remaining of ${id}`, planned.checks);
        this.opts.journal.addRefusal(id, {
          at: this.stamp(),
          attempt: current.attempt + 1,
          error: error.toBody(),
        });
        this.opts.logger.warn(
          { restoreId: id, checks: planned.checks.map((check) => check.code) },
          'retry refused by pre-flight checks',
        );
        throw error;
      }
      this.opts.journal.addAttempt(id, {
        ...attemptEntry(current.attempt + 1, planned),
        by,
        at: this.stamp(),
      });
      this.opts.logger.info(
        { restoreId: id, attempt: current.attempt + 1, steps: planned.plan.calls },
        'restore retrying',
      );
      this.launch(id, current.regionId, current.sourceGroup.id, holder);
      return { restoreId: id, started: true };
    });
  }

  /**
   * POST /api/restores/:id/rollback (failed / interrupted / stopped) and /undo (any finished
   * restore): the source back to its snapshot as a new child restore, if `revision` is still
   * that plan's, and with the source's name typed when that preview asks for it (it removes
   * rules under running instances). The confirm-or-revert timer passes no revision (it compared
   * the rules itself; the name was the restore's to type, and the revert was agreed then) and
   * `anyFinished`, to roll back a restore that succeeded.
   */
  async revert(
    id: string,
    kind: 'rollback' | 'undo',
    revision: string | undefined,
    by = this.defaultActor,
    options: { anyFinished?: boolean; confirmName?: string | undefined } = {},
  ): Promise<string> {
    const parent = this.mustGet(id);
    assertFollowUpAllowed(parent, kind, options);
    return this.withSourceLock(parent.regionId, parent.sourceGroup.id, async (restoreId) => {
      const planned = await planRevert(this.planning, parent);
      if (revision !== undefined) this.assertFresh(planned, revision);
      this.assertPlanHasSteps(
        planned,
        `The source security group already has the rules it had before ${id}.`,
      );
      if (revision !== undefined) assertConfirmed(planned, options.confirmName);
      this.refuseFailedChecks(restoreId, planned, kind, id, by);
      this.opts.logger.info(
        { restoreId, parentId: id, kind, steps: planned.plan.calls },
        `${kind} starting`,
      );
      return this.launchNew(restoreId, planned, kind, id, by);
    });
  }

  private async run(id: string): Promise<void> {
    const { journal } = this.opts;
    const record = journal.get(id);
    if (record === undefined || this.halted) return;
    const steps = journal.steps(id).filter((s) => s.attempt === record.attempt);
    journal.setStatus(id, 'running');
    const todo = steps.filter((step) => step.status !== 'applied');
    for (const [i, step] of todo.entries()) {
      if (this.halted) return;
      const stoppedBy = this.stops.requestedBy(id);
      if (stoppedBy !== undefined) {
        finishStopped(this.job, record, steps, stoppedBy);
        return;
      }
      // No check follows the last step: from here a stop would be ignored, so it is refused.
      if (i === todo.length - 1) this.stops.closeFor(id);
      if ((await executeStep(this.job, record, step, steps.length)) !== 'applied') return;
    }
    this.stops.closeFor(id);
    await verifyRestore(this.job, record, this.verifyDelaysMs);
  }

  /**
   * POST /api/restores/:id/stop: the job ends after the step in flight (Stop after this step).
   * 409 InvalidRestoreState when the restore is not running in this server; 409 StopTooLate
   * once its last step is in flight or it is verifying (it finishes as if nobody asked).
   */
  stop(id: string, by = this.defaultActor): void {
    const record = this.mustGet(id);
    if (!this.jobs.has(id) || (record.status !== 'pending' && record.status !== 'running')) {
      throw new ApiHttpError(
        409,
        'InvalidRestoreState',
        `${id} is not running (it is ${record.status}); there is nothing to stop.`,
      );
    }
    if (!this.stops.request(id, by)) {
      const current = this.opts.journal.steps(id).filter((step) => step.attempt === record.attempt);
      const verifying = current.every((step) => step.status === 'applied');
      this.opts.logger.info({ restoreId: id, verifying }, 'stop after this step came too late');
      throw new ApiHttpError(
        409,
        'StopTooLate',
        verifying
          ? `Too late to stop ${id}: every step is applied and the result is being verified.`
          : `Too late to stop ${id}: its last step is already being applied; it finishes and is verified.`,
        { phase: verifying ? 'verifying' : 'lastStep' },
      );
    }
    this.opts.logger.info({ restoreId: id }, 'stop after this step requested');
  }

  /** Calls `listener` with the ID of every job that ends (the confirm-or-revert timer). */
  onFinished(listener: (restoreId: string) => void): void {
    this.finishedListener = listener;
  }

  private notifyFinished(restoreId: string): void {
    try {
      this.finishedListener?.(restoreId);
    } catch (error) {
      this.opts.logger.error({ err: error, restoreId }, 'job-finished listener failed');
    }
  }

  /** Resolves when no job is running (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.jobs.size > 0) await Promise.allSettled([...this.jobs.values()]);
  }

  /**
   * Stops every job where it stands without writing anything more, as if the process died:
   * used to simulate a crash and on forced shutdown (the next start marks them interrupted).
   */
  halt(): void {
    this.halted = true;
  }
}
