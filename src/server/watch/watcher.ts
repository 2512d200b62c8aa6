/**
 * The watcher: one timer loop that reads watched groups and keeps a snapshot whenever a group's
 * rules changed (by digest) since its newest reading (imported files are not readings), so
 * changes made outside the console show on its timeline. All its state (which groups, when
 * each is read next, the back-off, a group found deleted) is in the journal; a restart carries
 * on from there.
 *
 * - Reads are spread: one group per wake-up, wake-ups at least WATCH_INTERVAL_S / (watched
 *   groups) apart, so N groups are read at even gaps instead of all at once.
 * - Throttling doubles the back-off (from one interval, capped at MAX_BACKOFF_FACTOR intervals)
 *   and holds every read for that long: ECS throttles per account, not per group.
 * - InvalidSecurityGroupId.NotFound marks the watch `deleted`; it is not read again.
 * - Each pass also applies snapshot retention, at most once an interval.
 */
import { EcsError, type EcsPort, type GroupDetail } from '../../ecs/ecs-port';
import { WATCH_CHANGE_NOTE, WATCH_FIRST_READING_NOTE } from '../../domain/watch-notes';
import { toApiErrorBody } from '../errors';
import { groupInfoOf, isGroupNotFound } from '../group-reads';
import type { Journal } from '../journal/journal';
import type { SnapshotRecord, SnapshotStore } from '../journal/snapshot-store';
import type { WatchRecord } from '../journal/watch-store';
import type { Logger } from '../logger';
import { digestRules } from '../../domain/revision';

export const MAX_BACKOFF_FACTOR = 16;
/** Never read two groups closer together than this, however many are watched. */
export const MIN_READ_GAP_MS = 1000;

export interface WatcherOptions {
  ecs: EcsPort;
  journal: Journal;
  logger: Logger;
  intervalS: number;
  retention: { retentionDays: number; perGroup: number };
  now?: () => Date;
}

export class Watcher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private lastPruneMs = Number.NEGATIVE_INFINITY;
  private readonly now: () => Date;

  constructor(private readonly opts: WatcherOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  private get intervalMs(): number {
    return this.opts.intervalS * 1000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Clears the timer; a read in flight finishes without writing. Resolves when it has. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Resolves when the pass in flight, if any, has finished (tests step the loop with it). */
  async settled(): Promise<void> {
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.pass().finally(() => {
        this.running = undefined;
      });
    }, delayMs);
  }

  private async pass(): Promise<void> {
    try {
      const due = this.opts.journal.watches.active()[0];
      if (due !== undefined && due.nextReadMs <= this.now().getTime()) await this.read(due);
      if (!this.stopped) this.pruneWhenDue();
    } catch (error) {
      if (!this.stopped) this.opts.logger.error({ err: error }, 'watcher pass failed');
    }
    if (!this.stopped) this.schedule(this.nextDelayMs());
  }

  /** Until the next read is due, but no sooner than the even gap and no later than an interval. */
  private nextDelayMs(): number {
    const active = this.opts.journal.watches.active();
    const first = active[0];
    if (first === undefined) return this.intervalMs;
    const gap = Math.max(MIN_READ_GAP_MS, Math.floor(this.intervalMs / active.length));
    const untilDue = first.nextReadMs - this.now().getTime();
    return Math.min(this.intervalMs, Math.max(gap, untilDue));
  }

  private async read(watch: WatchRecord): Promise<void> {
    const { ecs, journal, logger } = this.opts;
    const { regionId, groupId } = watch;
    let detail;
    try {
      detail = await ecs.describeGroup(regionId, groupId);
    } catch (error) {
      if (this.stopped) return;
      this.readFailed(watch, error);
      return;
    }
    if (this.stopped || journal.watches.get(regionId, groupId) === undefined) return;
    const at = this.now();
    const snapshot = snapshotIfChanged(journal.snapshots, detail, at);
    if (snapshot !== undefined)
      logger.info({ regionId, groupId, snapshotId: snapshot.id }, 'watched group changed');
    journal.watches.update(regionId, groupId, {
      groupName: detail.group.name,
      nextReadMs: at.getTime() + this.intervalMs,
      backoffMs: 0,
      lastReadAt: at.toISOString(),
    });
  }

  private readFailed(watch: WatchRecord, error: unknown): void {
    const { journal, logger } = this.opts;
    const { regionId, groupId } = watch;
    const at = this.now();
    const lastError = toApiErrorBody(error);
    if (isGroupNotFound(error)) {
      journal.watches.update(regionId, groupId, {
        status: 'deleted',
        nextReadMs: at.getTime(),
        backoffMs: 0,
        lastReadAt: at.toISOString(),
        lastError,
      });
      logger.warn({ regionId, groupId }, 'watched group no longer exists; not read again');
      return;
    }
    if (error instanceof EcsError && error.code.includes('Throttling')) {
      const backoffMs =
        watch.backoffMs === 0
          ? this.intervalMs
          : Math.min(watch.backoffMs * 2, this.intervalMs * MAX_BACKOFF_FACTOR);
      const untilMs = at.getTime() + backoffMs;
      journal.watches.update(regionId, groupId, {
        nextReadMs: untilMs,
        backoffMs,
        lastReadAt: at.toISOString(),
        lastError,
      });
      journal.watches.deferAll(untilMs);
      logger.warn({ regionId, groupId, backoffMs }, 'watcher throttled; backing off');
      return;
    }
    journal.watches.update(regionId, groupId, {
      nextReadMs: at.getTime() + this.intervalMs,
      backoffMs: 0,
      lastReadAt: at.toISOString(),
      lastError,
    });
    logger.warn({ regionId, groupId, code: lastError.code }, 'watched group could not be read');
  }

  private pruneWhenDue(): void {
    const now = this.now();
    if (now.getTime() - this.lastPruneMs < this.intervalMs) return;
    this.lastPruneMs = now.getTime();
    const pruned = this.opts.journal.snapshots.prune({ now, ...this.opts.retention });
    if (pruned > 0) this.opts.logger.info({ pruned }, 'snapshots pruned by retention');
  }
}

/**
 * Keeps a watch snapshot of `detail` when its rules differ from the group's latest reading (or
 * it has none): what the watcher does at each read and what starting a watch does at once.
 * Imported files are not readings: importing one between two reads changes nothing here.
 */
export function snapshotIfChanged(
  snapshots: SnapshotStore,
  detail: GroupDetail,
  at: Date,
  by = 'watch',
): SnapshotRecord | undefined {
  const latest = snapshots.latestReading(detail.group.regionId, detail.group.id);
  if (latest !== undefined && latest.digest === digestRules(detail.rules)) return undefined;
  return snapshots.add({
    group: groupInfoOf(detail.group),
    kind: 'watch',
    note: latest === undefined ? WATCH_FIRST_READING_NOTE : WATCH_CHANGE_NOTE,
    rules: detail.rules,
    createdAt: at.toISOString(),
    createdBy: by,
  });
}
