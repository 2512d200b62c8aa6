/**
 * What every restore job shares in one runner: the source locks (one restore per source group at
 * a time), the jobs running in this process, the stop requests, and the halt switch. Starting a
 * job journals it before its first ECS call; its end releases the lock and tells the listener.
 */
import type { PlanLimits } from '../../domain/types';
import type { EcsPort } from '../../ecs/ecs-port';
import { ApiHttpError, toApiErrorBody } from '../errors';
import type { Journal, RestoreRecord } from '../journal/journal';
import type { Logger } from '../logger';
import type { ImpactSettings, Planned, PlanningDeps, PreviewTarget } from '../preview';
import type { JobContext } from './job-context';
import { newRestoreEntry } from './journal-entries';
import { newRestoreId } from './restore-id';
import { SourceLocks } from './source-locks';
import { runSteps } from './step-loop';
import { StopRequests } from './stop-after-step';

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

/** The outcome of work done under a source lock: whether a job now holds the lock. */
export interface LockedWork {
  restoreId: string;
  started: boolean;
}

export class JobHost {
  readonly jobs = new Map<string, Promise<void>>();
  readonly stops = new StopRequests();
  halted = false;
  finishedListener: ((restoreId: string) => void) | undefined;
  private readonly locks = new SourceLocks();
  private readonly verifyDelaysMs: number[];
  private readonly now: () => Date;

  constructor(readonly opts: RunnerOptions) {
    this.verifyDelaysMs = opts.verifyDelaysMs ?? [0, 300, 1000, 2000];
    this.now = opts.now ?? (() => new Date());
  }

  /** What previews and plans read with: the same for the preview route and every start. */
  get planning(): PlanningDeps {
    const { ecs, limits, impact, journal } = this.opts;
    const deps = { ecs, limits, snapshots: journal.snapshots };
    return impact === undefined ? deps : { ...deps, impact };
  }

  get job(): JobContext {
    return {
      ecs: this.opts.ecs,
      journal: this.opts.journal,
      logger: this.opts.logger,
      halted: () => this.halted,
      stamp: () => this.stamp(),
    };
  }

  /** Who a job is journaled as started by when the caller names nobody. */
  get defaultActor(): string {
    return this.opts.actor ?? 'local';
  }

  stamp(): string {
    return this.now().toISOString();
  }

  /** The journaled restore `id`, or 404 RestoreNotFound. */
  mustGet(id: string): RestoreRecord {
    const record = this.opts.journal.get(id);
    if (record === undefined)
      throw new ApiHttpError(404, 'RestoreNotFound', `There is no restore ${id}.`, { field: 'id' });
    return record;
  }

  /** Runs `work` holding the source's lock; the lock passes to the job it starts, if any. */
  async withSourceLock(
    regionId: string,
    sourceId: string,
    work: (restoreId: string) => Promise<LockedWork>,
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

  /** Journals a new restore (before any ECS write) and starts its job. */
  launchNew(
    restoreId: string,
    planned: Planned<PreviewTarget>,
    kind: RestoreRecord['kind'],
    parentId: string | undefined,
    by: string,
    autoRevertMinutes?: number,
  ): LockedWork {
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
  launch(restoreId: string, regionId: string, sourceId: string, holder: string): void {
    const job = runSteps(this.job, this.stops, restoreId, this.verifyDelaysMs)
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

  private notifyFinished(restoreId: string): void {
    try {
      this.finishedListener?.(restoreId);
    } catch (error) {
      this.opts.logger.error({ err: error, restoreId }, 'job-finished listener failed');
    }
  }
}
