/**
 * Confirm or revert (SPEC 13): a restore that asked for it is rolled back N minutes after it
 * verified unless an operator keeps it. The timer is the server's and lives in the journal
 * (auto-revert-store.ts): one process timer points at the nearest deadline, re-armed from the
 * journal at start, so a deadline that passed while the server was down fires at once.
 *
 * At the deadline the source is read again: only when its rules are still exactly what the
 * restore left (same digest as the restore's expected rules) is a roll back started, through the
 * runner like any other (journaled, make-before-break, linked to the restore). Otherwise the
 * timer records `skipped` with the difference. Every decision is a compare-and-set on the
 * journal row, so Keep and the deadline cannot both win.
 */
import { compareRuleSets } from '../../domain/plan-result';
import { digestRules } from '../../domain/revision';
import type { EcsPort } from '../../ecs/ecs-port';
import type { AutoRevertView } from '../contract-safe-apply';
import { ApiHttpError, toApiErrorBody } from '../errors';
import { AUTO_REVERT_ACTOR, type AutoRevertRecord } from '../journal/auto-revert-store';
import type { Journal } from '../journal/journal';
import type { Logger } from '../logger';
import type { RestoreRunner } from './runner';

/** setTimeout's limit: a later deadline is reached in several waits. */
const MAX_WAIT_MS = 2 ** 31 - 1;

export interface AutoReverterOptions {
  journal: Journal;
  runner: RestoreRunner;
  ecs: EcsPort;
  logger: Logger;
  /** Length of one "minute" (AUTO_REVERT_MINUTE_MS; shorter only in browser tests). */
  minuteMs: number;
  now?: () => number;
}

/** The journal row as the restore detail shows it. */
export function autoRevertView(record: AutoRevertRecord): AutoRevertView {
  const view: AutoRevertView = { minutes: record.minutes, state: record.state };
  if (record.deadlineMs !== undefined) view.deadline = new Date(record.deadlineMs).toISOString();
  if (record.decidedAt !== undefined) view.decidedAt = record.decidedAt;
  if (record.decidedBy !== undefined) view.decidedBy = record.decidedBy;
  if (record.reason !== undefined) view.reason = record.reason;
  if (record.revertId !== undefined) view.revertId = record.revertId;
  if (record.difference !== undefined) view.difference = record.difference;
  return view;
}

export class AutoReverter {
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private work: Promise<void> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly opts: AutoReverterOptions) {
    this.now = opts.now ?? (() => Date.now());
    opts.runner.onFinished((id) => this.jobFinished(id));
  }

  private get store() {
    return this.opts.journal.autoReverts;
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }

  /** Arms the timer from the journal (deadlines already past fire at once). */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Clears the timer; a decision in progress finishes (the runner's jobs end on their own). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Resolves when no deadline is being handled (tests, shutdown). */
  async idle(): Promise<void> {
    await this.work;
  }

  /** The restore's timer as its detail shows it, if it asked for one. */
  view(restoreId: string): AutoRevertView | undefined {
    const record = this.store.get(restoreId);
    return record === undefined ? undefined : autoRevertView(record);
  }

  private mustGet(restoreId: string): AutoRevertRecord {
    const record = this.store.get(restoreId);
    if (record === undefined)
      throw new ApiHttpError(
        404,
        'NoAutoRevert',
        `${restoreId} did not ask to be reverted automatically.`,
      );
    return record;
  }

  private alreadyDecided(record: AutoRevertRecord): ApiHttpError {
    return new ApiHttpError(
      409,
      'AutoRevertDecided',
      `The automatic revert of ${record.restoreId} is already decided (${record.state}${record.decidedAt === undefined ? '' : ` at ${record.decidedAt}`}).`,
      { state: record.state },
    );
  }

  /** POST /api/restores/:id/keep: cancels the revert; 409 once it was decided. */
  keep(restoreId: string, by: string): AutoRevertView {
    const record = this.mustGet(restoreId);
    const kept = this.store.decide(restoreId, ['waiting', 'armed'], {
      state: 'kept',
      decidedAt: this.stamp(),
      decidedBy: by,
    });
    if (!kept) throw this.alreadyDecided(this.mustGet(restoreId));
    this.opts.logger.info({ restoreId, by, was: record.state }, 'restore kept');
    this.schedule();
    return autoRevertView(this.mustGet(restoreId));
  }

  /** POST /api/restores/:id/revert-now: rolls back at once; answers the roll back's ID. */
  async revertNow(restoreId: string, by: string): Promise<string> {
    const record = this.mustGet(restoreId);
    if (record.state !== 'armed') throw this.alreadyDecided(record);
    const run = this.work.then(() => this.revert(restoreId, by, 'manual'));
    this.work = run.then(
      () => undefined,
      () => undefined,
    );
    const revertId = await run;
    this.schedule();
    if (revertId === undefined) throw this.alreadyDecided(this.mustGet(restoreId));
    return revertId;
  }

  /** A job ended: arm the restore's timer once it verified, or settle the timer it reverts. */
  private jobFinished(id: string): void {
    const record = this.opts.journal.get(id);
    if (record === undefined) return;
    const own = this.store.get(id);
    if (own?.state === 'waiting') {
      if (record.status === 'succeeded') {
        this.store.arm(id, this.now() + own.minutes * this.opts.minuteMs);
        this.schedule();
      } else {
        this.store.decide(id, ['waiting'], {
          state: 'cancelled',
          decidedAt: this.stamp(),
          decidedBy: AUTO_REVERT_ACTOR,
          reason: `The restore ended ${record.status}, so there was nothing to confirm.`,
        });
      }
    }
    if (record.kind !== 'rollback' || record.parentId === undefined) return;
    const parent = this.store.get(record.parentId);
    if (parent?.state !== 'reverting' || parent.decidedAt === undefined) return;
    const ok = record.status === 'succeeded';
    this.store.decide(record.parentId, ['reverting'], {
      state: ok ? 'reverted' : 'failed',
      decidedAt: parent.decidedAt,
      decidedBy: parent.decidedBy ?? AUTO_REVERT_ACTOR,
      revertId: id,
      reason: ok
        ? (parent.reason ?? '')
        : `The roll back ${id} ended ${record.status}: ${record.error?.message ?? 'no error recorded'}`,
    });
  }

  /** Points the process timer at the nearest armed deadline. */
  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped) return;
    const next = this.store.armed()[0];
    if (next?.deadlineMs === undefined) return;
    const wait = Math.min(Math.max(0, next.deadlineMs - this.now()), MAX_WAIT_MS);
    this.timer = setTimeout(() => this.fireDue(), wait);
    // The timer alone must not keep the process alive (shutdown, tests).
    this.timer.unref();
  }

  private fireDue(): void {
    this.timer = undefined;
    this.work = this.work
      .then(async () => {
        for (const due of this.store.armed()) {
          if (this.stopped) return;
          if (due.deadlineMs === undefined || due.deadlineMs > this.now()) break;
          await this.revert(due.restoreId, AUTO_REVERT_ACTOR, 'deadline');
        }
      })
      .catch((error: unknown) => this.opts.logger.error({ err: error }, 'auto-revert failed'))
      .finally(() => this.schedule());
  }

  /**
   * Claims the armed timer (armed → reverting), then at the deadline checks that the source
   * still has what the restore left, and starts the roll back. Answers its ID, or undefined
   * when the timer was not armed or the revert was skipped or failed (all recorded).
   */
  private async revert(
    restoreId: string,
    by: string,
    why: 'deadline' | 'manual',
  ): Promise<string | undefined> {
    const decidedAt = this.stamp();
    const reason =
      why === 'deadline'
        ? 'Not kept before the deadline: reverted automatically.'
        : `Revert now by ${by}.`;
    if (
      !this.store.decide(restoreId, ['armed'], {
        state: 'reverting',
        decidedAt,
        decidedBy: by,
        reason,
      })
    )
      return undefined;
    const { journal, ecs, logger, runner } = this.opts;
    const restore = journal.get(restoreId);
    const fail = (message: string) => {
      this.store.decide(restoreId, ['reverting'], {
        state: 'failed',
        decidedAt,
        decidedBy: by,
        reason: message,
      });
      logger.warn({ restoreId, reason: message }, 'automatic revert failed');
    };
    if (restore === undefined) {
      fail('The restore is no longer in the journal.');
      return undefined;
    }
    if (why === 'deadline') {
      let actual;
      try {
        actual = (await ecs.describeGroup(restore.regionId, restore.sourceGroup.id)).rules;
      } catch (error) {
        fail(`The source could not be read: ${toApiErrorBody(error).message}`);
        return undefined;
      }
      if (digestRules(actual) !== digestRules(restore.expected)) {
        const diff = compareRuleSets(restore.expected, actual);
        const difference = { added: diff.unexpected.length, removed: diff.missing.length };
        this.store.decide(restoreId, ['reverting'], {
          state: 'skipped',
          decidedAt,
          decidedBy: by,
          reason: `The rules of ${restore.sourceGroup.id} changed since the restore (${difference.added} added, ${difference.removed} removed); not reverted.`,
          difference,
        });
        logger.info({ restoreId, ...difference }, 'automatic revert skipped: rules changed');
        return undefined;
      }
    }
    try {
      const revertId = await runner.revert(restoreId, 'rollback', undefined, by, {
        anyFinished: true,
      });
      this.store.decide(restoreId, ['reverting'], {
        state: 'reverting',
        decidedAt,
        decidedBy: by,
        reason,
        revertId,
      });
      logger.info({ restoreId, revertId, by }, 'revert started');
      return revertId;
    } catch (error) {
      const body = toApiErrorBody(error);
      fail(`The roll back could not start: ${body.message}`);
      if (why === 'manual') throw error;
      return undefined;
    }
  }
}
