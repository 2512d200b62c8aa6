/**
 * The small interface the server needs from ECS. The SDK adapter (src/server/ecs) implements it;
 * nothing above this line knows about the SDK, its classes or its wire format.
 */
import type { Direction, GroupInfo, GroupRules, Rule } from '../domain/types';

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
}
