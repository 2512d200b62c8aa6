/**
 * What uses a security group, read from ECS: its blast radius (the instances, the secondary ENIs
 * and the groups whose rules reference it) and the per-ENI quota data of the pre-flight check.
 *
 * Each part of the blast radius comes from one ECS action, so a missing RAM permission or a
 * throttled read costs that part alone: it answers `unavailable` with the ECS error, never zero,
 * and the other parts still answer. Every listing is paged to the end, within a page bound.
 */
import { DEFAULT_ENI_RULE_LIMIT, type EniQuota, groupRuleWeight } from '../domain/preflight';
import type { Rule } from '../domain/types';
import {
  EcsError,
  type EcsPort,
  type InstanceSummary,
  type NetworkInterfaceSummary,
  type PageRequest,
} from '../ecs/ecs-port';
import type {
  GroupUsageResponse,
  InstanceUsage,
  NetworkInterfaceUsage,
  ReferenceUsage,
  UsageUnavailable,
} from './contract';
import { ApiHttpError } from './errors';

/** Pages read per listing at most: 5,000 instances or 25,000 ENIs at the default page sizes. */
export const MAX_USAGE_PAGES = 50;
/** Group IDs per DescribeSecurityGroups name lookup (its SecurityGroupIds takes 100). */
const NAME_LOOKUP_BATCH = 100;
/** Name lookups per answer at most: names are a convenience, the IDs are the answer. */
const MAX_NAME_LOOKUPS = 10;

export interface UsageReadOptions {
  /** MaxResults of each DescribeInstances page (10–100). Default 100. */
  instancePageSize?: number;
  /** MaxResults of each DescribeNetworkInterfaces page (10–500). Default 500. */
  networkInterfacePageSize?: number;
  /** Default `MAX_USAGE_PAGES`. */
  maxPages?: number;
}

interface Listing<T> {
  items: T[];
  /** False when the page bound stopped the read before the last page. */
  complete: boolean;
}

/** Reads a NextToken listing to its end or to `maxPages`; a repeated token is an ECS fault. */
async function readAll<T>(
  action: string,
  maxPages: number,
  readPage: (page: PageRequest) => Promise<{ items: T[]; nextToken: string }>,
): Promise<Listing<T>> {
  const items: T[] = [];
  const seen = new Set<string>();
  let nextToken = '';
  for (let page = 0; page < maxPages; page += 1) {
    const result = await readPage(nextToken === '' ? {} : { nextToken });
    items.push(...result.items);
    if (result.nextToken === '') return { items, complete: true };
    if (seen.has(result.nextToken)) {
      throw new EcsError({
        code: 'UpstreamMalformed',
        message: `ECS repeated a NextToken of ${action}; the list cannot be read completely.`,
        httpStatus: 0,
        retryable: false,
      });
    }
    seen.add(result.nextToken);
    nextToken = result.nextToken;
  }
  return { items, complete: false };
}

/** An ECS failure as an unavailable part; anything else is our bug and propagates. */
function unavailable(error: unknown, action: string): UsageUnavailable {
  if (!(error instanceof EcsError)) throw error;
  return {
    status: 'unavailable',
    code: error.code,
    message: error.message,
    ...(error.requestId ? { requestId: error.requestId } : {}),
    action,
  };
}

/**
 * The ENI that carries the instance's groups: the one typed Primary, or the first listed when
 * ECS leaves the types out. DescribeInstances also lists secondary ENIs, whose groups it does
 * not give: those come from DescribeNetworkInterfaces.
 */
function primaryEniOf(instance: InstanceSummary): string {
  const enis = instance.networkInterfaces;
  const primary = enis.find((eni) => eni.type.toLowerCase() === 'primary');
  if (primary) return primary.id;
  return enis.every((eni) => eni.type === '') ? (enis[0]?.id ?? '') : '';
}

function instancesUsing(
  ecs: EcsPort,
  regionId: string,
  groupId: string,
  options: UsageReadOptions,
): Promise<Listing<InstanceSummary>> {
  const maxResults = options.instancePageSize ?? 100;
  return readAll('DescribeInstances', options.maxPages ?? MAX_USAGE_PAGES, async (page) => {
    const result = await ecs.describeInstances(
      regionId,
      { securityGroupId: groupId },
      { ...page, maxResults },
    );
    return { items: result.instances, nextToken: result.nextToken };
  });
}

async function secondaryEnisUsing(
  ecs: EcsPort,
  regionId: string,
  groupId: string,
  options: UsageReadOptions,
): Promise<Listing<NetworkInterfaceSummary>> {
  const maxResults = options.networkInterfacePageSize ?? 500;
  const listing = await readAll(
    'DescribeNetworkInterfaces',
    options.maxPages ?? MAX_USAGE_PAGES,
    async (page) => {
      const result = await ecs.describeNetworkInterfaces(
        regionId,
        { securityGroupId: groupId },
        { ...page, maxResults },
      );
      return { items: result.networkInterfaces, nextToken: result.nextToken };
    },
  );
  // The filter is documented to find secondary ENIs only; a primary one is the instances' part.
  const secondary = listing.items.filter((eni) => eni.type.toLowerCase() !== 'primary');
  return { items: uniqueById(secondary), complete: listing.complete };
}

/** The first of each ID, in order (a listing that shifts between pages may repeat one). */
function uniqueById<T extends { id: string }>(items: T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()];
}

async function instancePart(
  ecs: EcsPort,
  regionId: string,
  groupId: string,
  options: UsageReadOptions,
): Promise<InstanceUsage> {
  try {
    const listing = await instancesUsing(ecs, regionId, groupId, options);
    const instances = uniqueById(listing.items);
    const running = instances.filter((i) => i.status === 'Running').length;
    const stopped = instances.filter((i) => i.status === 'Stopped').length;
    return {
      status: 'ok',
      total: instances.length,
      complete: listing.complete,
      running,
      stopped,
      other: instances.length - running - stopped,
      instances: instances.map((instance) => ({
        id: instance.id,
        name: instance.name,
        status: instance.status,
        networkInterfaceId: primaryEniOf(instance),
        securityGroupIds: instance.securityGroupIds,
      })),
    };
  } catch (error) {
    return unavailable(error, 'DescribeInstances');
  }
}

async function networkInterfacePart(
  ecs: EcsPort,
  regionId: string,
  groupId: string,
  options: UsageReadOptions,
): Promise<NetworkInterfaceUsage> {
  try {
    const listing = await secondaryEnisUsing(ecs, regionId, groupId, options);
    return {
      status: 'ok',
      total: listing.items.length,
      complete: listing.complete,
      networkInterfaces: listing.items,
    };
  } catch (error) {
    return unavailable(error, 'DescribeNetworkInterfaces');
  }
}

/** Names of these groups from DescribeSecurityGroups; a failed lookup leaves names out. */
async function groupNames(
  ecs: EcsPort,
  regionId: string,
  groupIds: string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const batches = Math.min(MAX_NAME_LOOKUPS, Math.ceil(groupIds.length / NAME_LOOKUP_BATCH));
  for (let n = 0; n < batches; n += 1) {
    const batch = groupIds.slice(n * NAME_LOOKUP_BATCH, (n + 1) * NAME_LOOKUP_BATCH);
    try {
      const page = await ecs.describeSecurityGroups(
        regionId,
        { securityGroupIds: batch },
        { maxResults: NAME_LOOKUP_BATCH },
      );
      for (const group of page.groups) names.set(group.id, group.name);
    } catch (error) {
      if (!(error instanceof EcsError)) throw error;
      return names;
    }
  }
  return names;
}

async function referencePart(
  ecs: EcsPort,
  regionId: string,
  groupId: string,
): Promise<ReferenceUsage> {
  let referencing: Array<{ groupId: string; aliUid: string }>;
  try {
    const answer = await ecs.describeSecurityGroupReferences(regionId, [groupId]);
    referencing = answer
      .filter((entry) => entry.groupId === groupId)
      .flatMap((entry) => entry.referencingGroups);
  } catch (error) {
    return unavailable(error, 'DescribeSecurityGroupReferences');
  }
  const unique = uniqueById(referencing.map((group) => ({ ...group, id: group.groupId })));
  const names = await groupNames(
    ecs,
    regionId,
    unique.map((group) => group.id),
  );
  return {
    status: 'ok',
    groups: unique.map((group) => ({
      id: group.id,
      name: names.get(group.id) ?? '',
      aliUid: group.aliUid,
    })),
  };
}

/** The instances that use a group, each once, or why they could not be read. */
export type InstancesRead =
  { status: 'ok'; instances: InstanceSummary[]; complete: boolean } | UsageUnavailable;

/**
 * DescribeInstances of `groupId` paged to the end (or to the page bound: `complete` says which).
 * The preview reads it once for both the per-ENI quota and the running-instance confirmation.
 */
export async function instancesRead(
  ecs: EcsPort,
  regionId: string,
  groupId: string,
  options: UsageReadOptions = {},
): Promise<InstancesRead> {
  try {
    const listing = await instancesUsing(ecs, regionId, groupId, options);
    return { status: 'ok', instances: uniqueById(listing.items), complete: listing.complete };
  } catch (error) {
    return unavailable(error, 'DescribeInstances');
  }
}

/** Whether the group is listed in the region (the one failure that fails the whole answer). */
async function groupExists(ecs: EcsPort, regionId: string, groupId: string): Promise<boolean> {
  const page = await ecs.describeSecurityGroups(
    regionId,
    { securityGroupId: groupId },
    { maxResults: 10 },
  );
  return page.groups.some((group) => group.id === groupId);
}

/**
 * The blast radius of `groupId`: the instances that use it (with status counts), the secondary
 * ENIs that carry it, and the groups whose rules reference it. 404 when the group is not listed.
 */
export async function groupUsage(
  ecs: EcsPort,
  regionId: string,
  groupId: string,
  options: UsageReadOptions = {},
): Promise<GroupUsageResponse> {
  const [exists, instances, networkInterfaces, references] = await Promise.all([
    groupExists(ecs, regionId, groupId),
    instancePart(ecs, regionId, groupId, options),
    networkInterfacePart(ecs, regionId, groupId, options),
    referencePart(ecs, regionId, groupId),
  ]);
  if (!exists) {
    throw new ApiHttpError(
      404,
      'InvalidSecurityGroupId.NotFound',
      `The security group ${groupId} does not exist in ${regionId} (it may have been deleted).`,
      { field: 'id', groupId },
    );
  }
  return { groupId, instances, networkInterfaces, references };
}

// ---------- the per-ENI quota data ----------

export type EniQuotaResult = { status: 'ok'; quota: EniQuota } | UsageUnavailable;

export interface EniQuotaOptions extends UsageReadOptions {
  /**
   * Every rule the check weighs for the source: its current rules and the plan's. Their prefix
   * lists are sized too, so that the source's weight is exact.
   */
  sourceRules: readonly Rule[];
  /** The ENI_RULE_LIMIT setting. Default `DEFAULT_ENI_RULE_LIMIT`. */
  limit?: number;
  /** The source's instances, when the caller reads them itself (the preview does). */
  instances?: Promise<InstancesRead>;
}

/** Carries a failed read's answer out of the reads that follow it. */
class QuotaReadFailed extends Error {
  constructor(readonly answer: UsageUnavailable) {
    super(answer.message);
  }
}

/** An instance read done earlier, as `step` would have answered it. */
async function listingOf(reading: Promise<InstancesRead>): Promise<Listing<InstanceSummary>> {
  const read = await reading;
  if (read.status === 'unavailable') throw new QuotaReadFailed(read);
  return { items: read.instances, complete: read.complete };
}

/** Runs one read; an ECS failure becomes an `unavailable` answer naming `action`. */
async function step<T>(action: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new QuotaReadFailed(unavailable(error, action));
  }
}

function incomplete(action: string, options: UsageReadOptions): QuotaReadFailed {
  const pages = options.maxPages ?? MAX_USAGE_PAGES;
  return new QuotaReadFailed({
    status: 'unavailable',
    code: 'UsageTooLarge',
    message: `${action} has more pages than the console reads (${pages}); the per-ENI quota cannot be computed.`,
    action,
  });
}

function prefixListsOf(rules: readonly Rule[], into: Set<string>): void {
  for (const rule of rules) if (rule.peer.kind === 'prefixList') into.add(rule.peer.prefixListId);
}

/**
 * The ENIs that carry `sourceId` with all their group IDs: primary ENIs from DescribeInstances
 * (a classic instance, which lists no ENI, counts under its instance ID), secondary ones from
 * DescribeNetworkInterfaces, each once.
 */
async function enisOfSource(
  ecs: EcsPort,
  regionId: string,
  sourceId: string,
  options: EniQuotaOptions,
): Promise<EniQuota['enis']> {
  const [instances, secondary] = await Promise.all([
    options.instances === undefined
      ? step('DescribeInstances', () => instancesUsing(ecs, regionId, sourceId, options))
      : listingOf(options.instances),
    step('DescribeNetworkInterfaces', () => secondaryEnisUsing(ecs, regionId, sourceId, options)),
  ]);
  if (!instances.complete) throw incomplete('DescribeInstances', options);
  if (!secondary.complete) throw incomplete('DescribeNetworkInterfaces', options);
  const enis = [
    ...instances.items.map((instance) => ({
      id: primaryEniOf(instance) || instance.id,
      groupIds: [...instance.securityGroupIds],
    })),
    ...secondary.items.map((eni) => ({ id: eni.id, groupIds: [...eni.securityGroupIds] })),
  ];
  return uniqueById(enis);
}

/**
 * The input of `checkEniRuleLimit` for `sourceId`: each ENI that carries it with all its groups,
 * the weighted rule count of every other group of those ENIs (each group read once, however many
 * ENIs share it), and the MaxEntries of every prefix list in those groups' rules and in
 * `sourceRules`. Each round of reads (ENIs, the other groups, the prefix lists) goes out together,
 * so a preview waits for three round trips, not one per group: an ENI carries at most 10 groups,
 * and the SDK adapter backs off if ECS throttles the burst.
 * When any read fails, the answer is `unavailable` with the ECS error and the action.
 */
export async function eniQuotaOf(
  ecs: EcsPort,
  regionId: string,
  sourceId: string,
  options: EniQuotaOptions,
): Promise<EniQuotaResult> {
  try {
    const enis = await enisOfSource(ecs, regionId, sourceId, options);
    const otherIds = [
      ...new Set(enis.flatMap((eni) => eni.groupIds).filter((id) => id !== sourceId)),
    ];
    const details = await Promise.all(
      otherIds.map((id) =>
        step('DescribeSecurityGroupAttribute', () => ecs.describeGroup(regionId, id)),
      ),
    );
    const rulesByGroup = new Map<string, Rule[]>(
      otherIds.map((id, i) => [id, details[i]?.rules ?? []]),
    );
    const prefixListIds = new Set<string>();
    for (const rules of rulesByGroup.values()) prefixListsOf(rules, prefixListIds);
    prefixListsOf(options.sourceRules, prefixListIds);
    const lists = await Promise.all(
      [...prefixListIds].map((id) =>
        step('DescribePrefixListAttributes', () => ecs.describePrefixList(regionId, id)),
      ),
    );
    const prefixListSizes: Record<string, number> = {};
    [...prefixListIds].forEach((id, i) => {
      prefixListSizes[id] = lists[i]?.maxEntries ?? 0;
    });
    const groupWeights: Record<string, number> = {};
    for (const [id, rules] of rulesByGroup) {
      groupWeights[id] = groupRuleWeight(rules, prefixListSizes);
    }
    return {
      status: 'ok',
      quota: {
        limit: options.limit ?? DEFAULT_ENI_RULE_LIMIT,
        enis,
        groupWeights,
        prefixListSizes,
      },
    };
  } catch (error) {
    if (error instanceof QuotaReadFailed) return error.answer;
    throw error;
  }
}
