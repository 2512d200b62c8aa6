/**
 * Compare two points of a group's timeline (snapshots, or `live` for its rules now) in the
 * preview's diff terms: `from` plays the source and `to` the destination, so `added` holds the
 * rules only `to` has and `removed` those only `from` has.
 */
import { diffRules, summarizeDiff } from '../../domain/diff';
import { DEFAULT_RESTORE_OPTIONS, type GroupInfo, type Rule } from '../../domain/types';
import type { EcsPort } from '../../ecs/ecs-port';
import type { CompareResponse } from '../contract';
import { ApiHttpError } from '../errors';
import { groupInfoOf, loadGroup } from '../group-reads';
import type { SnapshotStore } from '../journal/snapshot-store';
import { digestRules } from '../../domain/revision';

interface Point {
  point: string;
  at: string;
  group: GroupInfo;
  rules: Rule[];
}

/** A snapshot of this group, or 404 naming the field. */
function snapshotOfGroup(
  snapshots: SnapshotStore,
  id: string,
  regionId: string,
  groupId: string,
  field: string,
) {
  const snapshot = snapshots.get(id);
  if (snapshot === undefined || snapshot.regionId !== regionId || snapshot.group.id !== groupId)
    throw new ApiHttpError(
      404,
      'SnapshotNotFound',
      `There is no snapshot ${id} of ${groupId} in ${regionId}.`,
      { field },
    );
  return snapshot;
}

export async function comparePoints(
  deps: { ecs: EcsPort; snapshots: SnapshotStore; now: () => Date },
  regionId: string,
  groupId: string,
  from: string,
  to: string,
): Promise<CompareResponse> {
  let live: Promise<Point> | undefined;
  const resolve = (point: string, field: string): Promise<Point> => {
    if (point === 'live') {
      live ??= loadGroup(deps.ecs, regionId, groupId, 'source').then((detail) => ({
        point,
        at: deps.now().toISOString(),
        group: groupInfoOf(detail.group),
        rules: detail.rules,
      }));
      return live;
    }
    const snapshot = snapshotOfGroup(deps.snapshots, point, regionId, groupId, field);
    return Promise.resolve({
      point,
      at: snapshot.createdAt,
      group: snapshot.group,
      rules: snapshot.rules,
    });
  };
  const [a, b] = await Promise.all([resolve(from, 'from'), resolve(to, 'to')]);
  const diff = diffRules(
    { group: a.group, rules: a.rules },
    { group: b.group, rules: b.rules },
    'completely',
    DEFAULT_RESTORE_OPTIONS,
  );
  const view = (p: Point) => ({
    point: p.point,
    at: p.at,
    ruleCount: p.rules.length,
    digest: digestRules(p.rules),
  });
  return {
    from: view(a),
    to: view(b),
    ingress: diff.ingress,
    egress: diff.egress,
    summary: summarizeDiff(diff),
    identical: digestRules(a.rules) === digestRules(b.rules),
  };
}
