import type { TimelineEntry } from '../../../../server/contract';
import type { ComparePoint } from '../../../lib/snapshot-queries';

/**
 * The point a timeline entry stands for: a snapshot, or the snapshot taken before a restore of
 * this group (a restore that copied this group's rules elsewhere snapshotted the other group).
 */
export function pointOf(entry: TimelineEntry): ComparePoint | undefined {
  if (entry.type === 'watch' || (entry.type === 'restore' && entry.role === 'destination'))
    return undefined;
  const id = entry.type === 'snapshot' ? entry.id : entry.snapshotId;
  return id?.startsWith('snap-') ? (id as ComparePoint) : undefined;
}

/**
 * Picks two points at most: picking a third lets go of the earliest pick, so two clicks always
 * give a pair to compare.
 */
export function togglePick(
  picks: readonly ComparePoint[],
  point: ComparePoint,
): readonly ComparePoint[] {
  if (picks.includes(point)) return picks.filter((p) => p !== point);
  return [...picks, point].slice(-2);
}

/**
 * The pair in time order, older first, so the diff reads as what changed since: `live` is the
 * newest, and the timeline lists entries newest first.
 */
export function orderedPair(
  picks: readonly ComparePoint[],
  newestFirst: readonly ComparePoint[],
): { from: ComparePoint; to: ComparePoint } | undefined {
  if (picks.length !== 2) return undefined;
  const rank = (p: ComparePoint) => (p === 'live' ? -1 : newestFirst.indexOf(p));
  const [a, b] = [...picks].sort((x, y) => rank(y) - rank(x)) as [ComparePoint, ComparePoint];
  return { from: a, to: b };
}
