import type { SecurityGroupView, SnapshotSummary } from '../../../../server/contract';

/** Why a group cannot be the destination, or null when it can. */
export type Ineligibility = 'source' | 'network' | null;

export interface DestinationCandidate {
  group: SecurityGroupView;
  /** The source's name is in the group's name or description: probably its backup. */
  likelyBackup: boolean;
  ineligible: Ineligibility;
}

function newestFirst(a: SecurityGroupView, b: SecurityGroupView): number {
  return b.creationTime.localeCompare(a.creationTime) || a.name.localeCompare(b.name);
}

/**
 * The region's groups in the order the picker lists them: likely backups of the source first
 * (newest first), then the rest (eligible ones first, then alphabetical); ineligible groups stay
 * listed with their reason. The source is never a likely backup of itself.
 */
export function orderDestinations(
  source: SecurityGroupView,
  groups: readonly SecurityGroupView[],
): { likely: DestinationCandidate[]; others: DestinationCandidate[] } {
  const needle = source.name.trim().toLowerCase();
  const sourceIsVpc = Boolean(source.vpcId);
  const candidates = groups.map((group): DestinationCandidate => {
    const ineligible: Ineligibility =
      group.id === source.id ? 'source' : Boolean(group.vpcId) !== sourceIsVpc ? 'network' : null;
    const likelyBackup =
      ineligible !== 'source' &&
      needle !== '' &&
      (group.name.toLowerCase().includes(needle) ||
        group.description.toLowerCase().includes(needle));
    return { group, likelyBackup, ineligible };
  });
  const likely = candidates
    .filter((c) => c.likelyBackup)
    .sort(
      (a, b) =>
        Number(a.ineligible !== null) - Number(b.ineligible !== null) ||
        newestFirst(a.group, b.group),
    );
  const others = candidates
    .filter((c) => !c.likelyBackup)
    .sort(
      (a, b) =>
        Number(a.ineligible !== null) - Number(b.ineligible !== null) ||
        a.group.name.localeCompare(b.group.name),
    );
  return { likely, others };
}

/**
 * The snapshots the picker offers: those of the source first, then those of other groups, each
 * newest first. Only snapshots of the source's network type are offered: the others could never
 * be restored into it (the server refuses them as it refuses such a group).
 */
export function orderSnapshots(
  source: SecurityGroupView,
  snapshots: readonly SnapshotSummary[],
): SnapshotSummary[] {
  const sourceIsVpc = Boolean(source.vpcId);
  return snapshots
    .filter((s) => Boolean(s.group.vpcId) === sourceIsVpc)
    .sort(
      (a, b) =>
        Number(b.group.id === source.id) - Number(a.group.id === source.id) ||
        b.createdAt.localeCompare(a.createdAt),
    );
}
