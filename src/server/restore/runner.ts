/**
 * The restore runner. It owns every restore job (the HTTP call only starts one), keeps one
 * restore per source group at a time (job-host.ts), writes the journal before the first ECS
 * call, runs the plan's steps in order (step-loop.ts) and then verifies the result. A permanent
 * failure stops the run with the journal describing exactly what was applied and what remains.
 * Starting (start-restore.ts), the follow-ups (follow-ups.ts) and Stop (request-stop.ts) live in
 * their own files; this class is the one face the routes and the timer see.
 */
import type { PreviewResponse } from '../contract';
import type { PlanningDeps } from '../preview';
import { retryRemaining, revertRestore } from './follow-ups';
import { JobHost, type RunnerOptions } from './job-host';
import { requestStop } from './request-stop';
import { followUpPreview, type FollowUp } from './revert-preview';
import { startClone, startRestore, type StartRestoreInput } from './start-restore';

export type { RunnerOptions } from './job-host';
export type { StartRestoreInput } from './start-restore';

export class RestoreRunner {
  private readonly host: JobHost;

  constructor(opts: RunnerOptions) {
    this.host = new JobHost(opts);
  }

  /** What previews and plans read with: the same for the preview route and every start. */
  get planning(): PlanningDeps {
    return this.host.planning;
  }

  /** POST .../restores: re-reads both groups, re-plans, checks the revision, then starts. */
  async startRestore(
    regionId: string,
    sourceId: string,
    input: StartRestoreInput,
    by = this.host.defaultActor,
  ): Promise<string> {
    return startRestore(this.host, regionId, sourceId, input, by);
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
    by = this.host.defaultActor,
  ): Promise<string> {
    return startClone(this.host, regionId, cloneId, originalId, by);
  }

  /**
   * GET /api/restores/:id/{undo,rollback,retry}-preview: what that follow-up would change now,
   * planned against the source's current rules like its POST.
   */
  async followUpPreview(id: string, followUp: FollowUp): Promise<PreviewResponse> {
    return followUpPreview(this.host.planning, this.host.mustGet(id), followUp);
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
    by = this.host.defaultActor,
  ): Promise<string> {
    return retryRemaining(this.host, id, revision, confirmName, by);
  }

  /**
   * POST /api/restores/:id/rollback (failed / interrupted / stopped) and /undo (any finished
   * restore): the source back to its snapshot as a new child restore, if `revision` is still
   * that plan's, and with the source's name typed when that preview asks for it (it removes
   * rules under running instances). The confirm-or-revert timer passes no revision (it compared
   * the rules itself) and `anyFinished`, to roll back a restore that succeeded.
   */
  async revert(
    id: string,
    kind: 'rollback' | 'undo',
    revision: string | undefined,
    by = this.host.defaultActor,
    options: { anyFinished?: boolean; confirmName?: string | undefined } = {},
  ): Promise<string> {
    return revertRestore(this.host, id, kind, revision, by, options);
  }

  /** POST /api/restores/:id/stop: the job ends after the step in flight (Stop after this step). */
  stop(id: string, by = this.host.defaultActor): void {
    requestStop(this.host, id, by);
  }

  /** Calls `listener` with the ID of every job that ends (the confirm-or-revert timer). */
  onFinished(listener: (restoreId: string) => void): void {
    this.host.finishedListener = listener;
  }

  /** Resolves when no job is running (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.host.jobs.size > 0) await Promise.allSettled([...this.host.jobs.values()]);
  }

  /**
   * Stops every job where it stands without writing anything more, as if the process died:
   * used to simulate a crash and on forced shutdown (the next start marks them interrupted).
   */
  halt(): void {
    this.host.halted = true;
  }
}
