/**
 * The small interface the server needs from ECS. The SDK adapter (src/server/ecs) implements it;
 * nothing above this line knows about the SDK, its classes or its wire format.
 */
import type { Direction, GroupInfo, GroupRules, GroupType, Rule } from '../domain/types';

export interface Region {
  regionId: string;
  localName: string;
  endpoint: string;
  status: 'available' | 'soldOut';
}

export interface SecurityGroupSummary extends GroupInfo {
  description: string;
  creationTime: string;
  ruleCount: number;
  serviceManaged: boolean;
}

export interface SecurityGroupFilters {
  vpcId?: string;
  securityGroupId?: string;
  securityGroupName?: string;
  /** Up to 100 group IDs (ECS's SecurityGroupIds, a JSON array). */
  securityGroupIds?: readonly string[];
}

export interface SecurityGroupPage {
  groups: SecurityGroupSummary[];
  /** '' when this is the last page. */
  nextToken: string;
}

/**
 * A group as one read returns it: its summary (the rule count is the rules just read, not the
 * listing's possibly lagging count), every rule and the inner-access policy.
 */
export interface GroupDetail extends GroupRules {
  group: SecurityGroupSummary;
  innerAccessPolicy: string;
  /** RequestId of the rules read, when ECS gave one (evidence in the journal). */
  requestId?: string;
}

/** Every ECS failure, normalized. `retryable` = throttling, 5xx or a network error. */
export interface EcsErrorShape {
  code: string;
  message: string;
  requestId?: string;
  /** The HTTP status ECS answered, or 0 for a network error / unparsable answer. */
  httpStatus: number;
  retryable: boolean;
}

export class EcsError extends Error implements EcsErrorShape {
  readonly code: string;
  readonly requestId?: string;
  readonly httpStatus: number;
  readonly retryable: boolean;
  constructor(shape: EcsErrorShape) {
    super(shape.message);
    this.name = 'EcsError';
    this.code = shape.code;
    if (shape.requestId !== undefined) this.requestId = shape.requestId;
    this.httpStatus = shape.httpStatus;
    this.retryable = shape.retryable;
  }
}

/** Result of a write call: the RequestId ECS returned. */
export interface WriteResult {
  requestId: string;
}

export interface EcsPort {
  describeRegions(language?: 'en-US' | 'zh-CN'): Promise<Region[]>;
  /** One page (MaxResults up to 100) following NextToken. */
  describeSecurityGroups(
    regionId: string,
    filters: SecurityGroupFilters,
    page: { nextToken?: string; maxResults?: number },
  ): Promise<SecurityGroupPage>;
  /** Summary and every rule of both directions (all pages, both NIC types for classic). */
  describeGroup(regionId: string, groupId: string): Promise<GroupDetail>;
  /** Up to the batch size of rules of one direction in one call. */
  authorize(
    regionId: string,
    groupId: string,
    direction: Direction,
    rules: Rule[],
    clientToken: string,
  ): Promise<WriteResult>;
  /** Revoke by rule ID (rules must carry meta.ruleId). */
  revoke(
    regionId: string,
    groupId: string,
    direction: Direction,
    ruleIds: string[],
    clientToken: string,
  ): Promise<WriteResult>;
  /** Change a rule in place (priority, description ...) by its ID. */
  modify(
    regionId: string,
    groupId: string,
    direction: Direction,
    ruleId: string,
    desired: Rule,
    clientToken: string,
  ): Promise<WriteResult>;
  /** One page (MaxResults 10–100) of the instances whose groups include `securityGroupId`. */
  describeInstances(
    regionId: string,
    filters: { securityGroupId: string },
    page: PageRequest,
  ): Promise<InstancePage>;
  /** One page (MaxResults 10–500); ECS's SecurityGroupId filter finds secondary ENIs only. */
  describeNetworkInterfaces(
    regionId: string,
    filters: { securityGroupId: string },
    page: PageRequest,
  ): Promise<NetworkInterfacePage>;
  /** For each of up to 10 groups, the groups whose rules reference it. */
  describeSecurityGroupReferences(
    regionId: string,
    groupIds: readonly string[],
  ): Promise<GroupReferences[]>;
  describePrefixList(regionId: string, prefixListId: string): Promise<PrefixListInfo>;
  /** Idempotent under `clientToken`: a replay answers the same group. */
  createSecurityGroup(
    regionId: string,
    input: CreateSecurityGroupInput,
    clientToken: string,
  ): Promise<CreatedSecurityGroup>;
}

// ---------- reads for the blast radius and the per-ENI quota, and group creation ----------

/** One page request of a token-paged listing. */
export interface PageRequest {
  nextToken?: string;
  maxResults?: number;
}

/** An ENI as DescribeInstances lists it on an instance: no groups of its own there. */
export interface InstanceNetworkInterface {
  id: string;
  /** 'Primary' or 'Secondary' as ECS sends it; '' when ECS leaves it out. */
  type: string;
}

export interface InstanceSummary {
  id: string;
  name: string;
  /** Running, Stopped, Pending, Starting, Stopping, as ECS spells it. */
  status: string;
  vpcId: string;
  /** The instance's groups, which are its primary ENI's. */
  securityGroupIds: string[];
  /** Every ENI attached (primary and secondary); empty for a classic instance. */
  networkInterfaces: InstanceNetworkInterface[];
}

export interface InstancePage {
  instances: InstanceSummary[];
  /** '' when this is the last page. */
  nextToken: string;
}

export interface NetworkInterfaceSummary {
  id: string;
  type: string;
  /** '' when the ENI is not attached. */
  instanceId: string;
  status: string;
  securityGroupIds: string[];
}

export interface NetworkInterfacePage {
  networkInterfaces: NetworkInterfaceSummary[];
  /** '' when this is the last page. */
  nextToken: string;
}

export interface GroupReferences {
  groupId: string;
  /** The groups whose rules reference `groupId`, with their owner account. */
  referencingGroups: Array<{ groupId: string; aliUid: string }>;
}

export interface PrefixListInfo {
  id: string;
  name: string;
  /** What one rule referencing the list weighs toward the per-ENI quota. */
  maxEntries: number;
  entryCount: number;
  /** The entries' CIDRs: which addresses a rule naming the list lets in (protected sources). */
  cidrs: string[];
}

export interface CreateSecurityGroupInput {
  name: string;
  description?: string;
  /** Absent: a classic-network group. */
  vpcId?: string;
  type?: GroupType;
  resourceGroupId?: string;
  tags?: Array<{ key: string; value: string }>;
}

export interface CreatedSecurityGroup extends WriteResult {
  groupId: string;
}
