/**
 * Reads of security groups the proxy composes from the ECS port: one group with its summary and
 * rules, and the VPCs of the groups that rules reference (for cross-VPC detection).
 */
import type { GroupInfo, Rule } from '../domain/types';
import { EcsError, type EcsPort, type GroupDetail } from '../ecs/ecs-port';
import { ApiHttpError } from './errors';

const NOT_FOUND = new Set(['InvalidSecurityGroupId.NotFound', 'InvalidSecurityGroupId.Malformed']);

/** True for the ECS answers that mean the group does not exist (deleted, or never did). */
export function isGroupNotFound(error: unknown): error is EcsError {
  return error instanceof EcsError && NOT_FOUND.has(error.code);
}

function notFound(
  role: 'source' | 'destination',
  groupId: string,
  regionId: string,
  requestId?: string,
): ApiHttpError {
  return new ApiHttpError(
    404,
    'InvalidSecurityGroupId.NotFound',
    `The ${role} security group ${groupId} does not exist in ${regionId} (it may have been deleted).`,
    { field: role === 'source' ? 'id' : `${role}Id`, groupId },
    requestId,
  );
}

/** The group's summary and all its rules in one read; 404 naming `role` (source / destination) when absent. */
export async function loadGroup(
  ecs: EcsPort,
  regionId: string,
  groupId: string,
  role: 'source' | 'destination',
): Promise<GroupDetail> {
  try {
    return await ecs.describeGroup(regionId, groupId);
  } catch (error) {
    if (isGroupNotFound(error)) throw notFound(role, groupId, regionId, error.requestId);
    throw error;
  }
}

/** Only the identity fields of a group: what the journal keeps of it. */
export function groupInfoOf(group: GroupInfo): GroupInfo {
  return {
    id: group.id,
    name: group.name,
    regionId: group.regionId,
    vpcId: group.vpcId,
    type: group.type,
  };
}

/** Bound on pages read when scanning a region (100 groups a page). */
export const MAX_SCAN_PAGES = 50;

/**
 * VPC IDs of the groups that `rules` reference. Groups in `known` (the source and destination,
 * just read) are answered from there; the others come from one listing of the region (bounded),
 * made only when such a group remains. Groups of other accounts are left out: their VPC cannot
 * be known.
 */
export async function referencedGroupVpcs(
  ecs: EcsPort,
  regionId: string,
  rules: Rule[],
  known: readonly GroupInfo[] = [],
): Promise<Record<string, string>> {
  const wanted = new Set<string>();
  for (const rule of rules) if (rule.peer.kind === 'group') wanted.add(rule.peer.groupId);
  const found: Record<string, string> = {};
  for (const group of known) if (wanted.has(group.id)) found[group.id] = group.vpcId;
  if (Object.keys(found).length === wanted.size) return found;
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_SCAN_PAGES; page += 1) {
    const result = await ecs.describeSecurityGroups(
      regionId,
      {},
      nextToken === undefined ? { maxResults: 100 } : { maxResults: 100, nextToken },
    );
    for (const group of result.groups) if (wanted.has(group.id)) found[group.id] = group.vpcId;
    if (result.nextToken === '' || Object.keys(found).length === wanted.size) break;
    nextToken = result.nextToken;
  }
  return found;
}
