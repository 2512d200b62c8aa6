/**
 * The `EcsPort` on the official SDK (`@alicloud/ecs20140526`): every call retried within bounds,
 * every answer validated at the boundary (src/ecs/wire.ts), every failure an `EcsError`.
 */
import {
  AuthorizeSecurityGroupEgressRequest,
  AuthorizeSecurityGroupEgressRequestPermissions,
  AuthorizeSecurityGroupRequest,
  AuthorizeSecurityGroupRequestPermissions,
  CreateSecurityGroupRequest,
  CreateSecurityGroupRequestTag,
  DescribeInstancesRequest,
  DescribeNetworkInterfacesRequest,
  DescribePrefixListAttributesRequest,
  DescribeRegionsRequest,
  DescribeSecurityGroupAttributeRequest,
  DescribeSecurityGroupReferencesRequest,
  DescribeSecurityGroupsRequest,
  ModifySecurityGroupEgressRuleRequest,
  ModifySecurityGroupRuleRequest,
  RevokeSecurityGroupEgressRequest,
  RevokeSecurityGroupRequest,
} from '@alicloud/ecs20140526';
import type { z } from 'zod';
import type { Direction, Rule } from '../../domain/types';
import {
  EcsError,
  type EcsPort,
  type GroupDetail,
  type SecurityGroupFilters,
  type SecurityGroupPage,
  type WriteResult,
} from '../../ecs/ecs-port';
import {
  createGroupFields,
  groupReferencesFromWire,
  groupSummaryFromWire,
  instanceFromWire,
  networkInterfaceFromWire,
  permissionsToRules,
  prefixListFromWire,
  regionFromWire,
  ruleToModifyFields,
  ruleToPermissionFields,
  type WireFields,
} from '../../ecs/mapping';
import {
  createSecurityGroupResponseSchema,
  describeInstancesResponseSchema,
  describeNetworkInterfacesResponseSchema,
  describePrefixListAttributesResponseSchema,
  describeRegionsResponseSchema,
  describeSecurityGroupReferencesResponseSchema,
  describeSecurityGroupAttributeResponseSchema,
  describeSecurityGroupsResponseSchema,
  parseWire,
  type WireGroupAttribute,
  type WirePermission,
  writeResponseSchema,
} from '../../ecs/wire';
import { type Credential, staticCredential } from './credentials';
import { createClientCache, type EcsSdkClient, parseEndpointSetting } from './sdk-clients';
import { DEFAULT_RETRY_POLICY, type RetryEnvironment, type RetryPolicy, withRetry } from './retry';

/** ECS accepts at most 100 permissions or rule IDs per Authorize/Revoke call. */
export const MAX_RULES_PER_CALL = 100;

/** DescribeSecurityGroupReferences takes at most 10 SecurityGroupId.N. */
const MAX_REFERENCE_GROUPS = 10;

const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value));

export interface SdkEcsPortOptions {
  /** An `@alicloud/credentials` client (e.g. from `resolveCredentials`). */
  credential?: Credential;
  /** Static keys, used when no `credential` is given (emulator mode, tests). */
  accessKey?: { id: string; secret: string; securityToken?: string };
  /** The ECS_ENDPOINT setting, scheme included (`http://127.0.0.1:9100`); default: the SDK's regional endpoints. */
  endpoint?: string;
  /** Region whose endpoint answers DescribeRegions. Default cn-hangzhou. */
  defaultRegionId?: string;
  /** MaxResults of each DescribeSecurityGroupAttribute page (10..1000). Default 1000. */
  maxResultsPerPage?: number;
  retry?: Partial<RetryPolicy>;
  /** Connect and read timeout of each HTTP request. Default 10000. */
  timeoutMs?: number;
  /** Injectable so tests do not wait for real. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: RetryEnvironment['onRetry'];
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** SDK request models: built from a camelCase map, declaring their PascalCase wire names. */
interface SdkModelClass<T> {
  new (map?: Record<string, unknown>): T;
  names(): Record<string, string>;
}

/** Builds an SDK model from PascalCase wire fields; a field the model lacks is a bug, not a silent drop. */
function fromWire<T>(Model: SdkModelClass<T>, fields: WireFields): T {
  const byWireName = new Map(
    Object.entries(Model.names()).map(([camel, pascal]) => [pascal, camel]),
  );
  const map: Record<string, unknown> = {};
  for (const [wireName, value] of Object.entries(fields)) {
    const camel = byWireName.get(wireName);
    if (!camel) throw new Error(`${Model.name} has no field ${wireName}`);
    map[camel] = value;
  }
  return new Model(map);
}

/** The SDK's typed response, as the PascalCase map ECS sent (so the zod schemas see wire names). */
function wireBody(response: { body?: { toMap(): Record<string, unknown> } }): unknown {
  return response.body ? response.body.toMap() : undefined;
}

function checkBatch(action: string, direction: Direction, rules: readonly Rule[]): void {
  const fail = (message: string): never => {
    throw new EcsError({ code: 'InvalidBatch', message, httpStatus: 0, retryable: false });
  };
  if (rules.length === 0) fail(`${action} needs at least one rule.`);
  if (rules.length > MAX_RULES_PER_CALL) {
    fail(
      `${action} accepts at most ${MAX_RULES_PER_CALL} rules per call; got ${rules.length}. Split the batch.`,
    );
  }
  const wrong = rules.find((rule) => rule.direction !== direction);
  if (wrong) fail(`${action} is for ${direction} rules; got an ${wrong.direction} rule.`);
}

/** Creates the SDK-backed `EcsPort`. */
export function createSdkEcsPort(options: SdkEcsPortOptions = {}): EcsPort {
  const credential =
    options.credential ??
    (options.accessKey
      ? staticCredential(
          options.accessKey.id,
          options.accessKey.secret,
          options.accessKey.securityToken,
        )
      : undefined);
  if (!credential) {
    throw new Error('createSdkEcsPort needs a credential (resolveCredentials) or static keys.');
  }
  const clientFor = createClientCache({
    credential,
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.endpoint ? { endpoint: parseEndpointSetting(options.endpoint) } : {}),
  });
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const env: RetryEnvironment = {
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  };
  const defaultRegionId = options.defaultRegionId ?? 'cn-hangzhou';
  const pageSize = Math.min(1000, Math.max(10, options.maxResultsPerPage ?? 1000));

  /** One SDK call, retried, its body validated against `schema`. */
  async function call<S extends z.ZodType>(
    action: string,
    schema: S,
    send: () => Promise<{ body?: { toMap(): Record<string, unknown> } }>,
  ): Promise<z.output<S>> {
    const body = await withRetry(action, async () => wireBody(await send()), policy, env);
    return parseWire(schema, body, action);
  }

  async function write(
    action: string,
    send: () => Promise<{ body?: { toMap(): Record<string, unknown> } }>,
  ) {
    const body = await call(action, writeResponseSchema, send);
    return { requestId: body.RequestId } satisfies WriteResult;
  }

  /** Every Permission of one NIC type, following NextToken. */
  async function attributePages(
    client: EcsSdkClient,
    regionId: string,
    groupId: string,
    nicType: 'internet' | 'intranet',
  ): Promise<{ first: WireGroupAttribute; permissions: WirePermission[] }> {
    const permissions: WirePermission[] = [];
    const seenTokens = new Set<string>();
    let first: WireGroupAttribute | undefined;
    let nextToken = '';
    do {
      const token = nextToken;
      const page = await call(
        'DescribeSecurityGroupAttribute',
        describeSecurityGroupAttributeResponseSchema,
        () =>
          client.describeSecurityGroupAttribute(
            new DescribeSecurityGroupAttributeRequest({
              regionId,
              securityGroupId: groupId,
              direction: 'all',
              maxResults: pageSize,
              nicType,
              ...(token ? { nextToken: token } : {}),
            }),
          ),
      );
      first ??= page;
      permissions.push(...page.Permissions);
      nextToken = page.NextToken;
      if (nextToken !== '' && seenTokens.has(nextToken)) {
        throw new EcsError({
          code: 'UpstreamMalformed',
          message: `ECS repeated the NextToken of ${groupId}'s rules; the list cannot be read completely.`,
          httpStatus: 0,
          retryable: false,
        });
      }
      seenTokens.add(nextToken);
    } while (nextToken !== '');
    return { first: first as WireGroupAttribute, permissions };
  }

  return {
    async describeRegions(language) {
      const client = clientFor(defaultRegionId);
      const body = await call('DescribeRegions', describeRegionsResponseSchema, () =>
        client.describeRegions(
          new DescribeRegionsRequest(language ? { acceptLanguage: language } : {}),
        ),
      );
      return body.Regions.map(regionFromWire);
    },

    async describeSecurityGroups(
      regionId: string,
      filters: SecurityGroupFilters,
      page,
    ): Promise<SecurityGroupPage> {
      const client = clientFor(regionId);
      const body = await call('DescribeSecurityGroups', describeSecurityGroupsResponseSchema, () =>
        client.describeSecurityGroups(
          new DescribeSecurityGroupsRequest({
            regionId,
            maxResults: Math.min(100, page.maxResults ?? 100),
            ...(page.nextToken ? { nextToken: page.nextToken } : {}),
            ...(filters.vpcId ? { vpcId: filters.vpcId } : {}),
            ...(filters.securityGroupId ? { securityGroupId: filters.securityGroupId } : {}),
            ...(filters.securityGroupName ? { securityGroupName: filters.securityGroupName } : {}),
            ...(filters.securityGroupIds
              ? { securityGroupIds: JSON.stringify(filters.securityGroupIds) }
              : {}),
          }),
        ),
      );
      return {
        groups: body.SecurityGroups.map((group) => groupSummaryFromWire(group, regionId)),
        nextToken: body.NextToken,
      };
    },

    async describeGroup(regionId: string, groupId: string): Promise<GroupDetail> {
      const client = clientFor(regionId);
      // The attribute call has no group type, creation time or service-managed flag;
      // DescribeSecurityGroups does (and VpcId, to know up front whether this is a classic
      // group whose NIC types are listed separately). This is the group's only listing.
      const listing = await call(
        'DescribeSecurityGroups',
        describeSecurityGroupsResponseSchema,
        () =>
          client.describeSecurityGroups(
            new DescribeSecurityGroupsRequest({ regionId, securityGroupId: groupId }),
          ),
      );
      const summary = listing.SecurityGroups.find((group) => group.SecurityGroupId === groupId);
      // Unknown group: let DescribeSecurityGroupAttribute produce ECS's own NotFound error.
      const classic = summary ? summary.VpcId === '' : false;
      // Classic groups answer one NIC type per call; VPC groups only have intranet rules (ECS
      // turns any NicType into intranet for them), so asking for it is explicit and harmless.
      const nicTypes = classic ? (['internet', 'intranet'] as const) : (['intranet'] as const);
      const reads = [];
      for (const nicType of nicTypes)
        reads.push(await attributePages(client, regionId, groupId, nicType));
      const first = reads[0]?.first as WireGroupAttribute;
      if (!summary) {
        throw new EcsError({
          code: 'InvalidSecurityGroupId.NotFound',
          message: `The security group ${groupId} is not listed in ${regionId}.`,
          ...(first.RequestId ? { requestId: first.RequestId } : {}),
          httpStatus: 404,
          retryable: false,
        });
      }
      const seen = new Set<string>();
      const permissions = reads
        .flatMap((read) => read.permissions)
        .filter((permission) => {
          const ruleId = permission.SecurityGroupRuleId;
          if (ruleId === '') return true;
          if (seen.has(ruleId)) return false;
          seen.add(ruleId);
          return true;
        });
      const vpcId = first.VpcId || summary.VpcId;
      const rules = permissionsToRules(permissions, { vpc: vpcId !== '', groupId });
      return {
        group: {
          ...groupSummaryFromWire(summary, regionId),
          name: first.SecurityGroupName || summary.SecurityGroupName,
          vpcId,
          description: first.Description,
          ruleCount: rules.length,
        },
        innerAccessPolicy: first.InnerAccessPolicy,
        rules,
        ...(first.RequestId ? { requestId: first.RequestId } : {}),
      };
    },

    async authorize(regionId, groupId, direction, rules, clientToken) {
      const action =
        direction === 'ingress' ? 'AuthorizeSecurityGroup' : 'AuthorizeSecurityGroupEgress';
      checkBatch(action, direction, rules);
      const fields = rules.map(ruleToPermissionFields);
      const client = clientFor(regionId);
      const base = { regionId, securityGroupId: groupId, clientToken };
      return write(action, () =>
        direction === 'ingress'
          ? client.authorizeSecurityGroup(
              new AuthorizeSecurityGroupRequest({
                ...base,
                permissions: fields.map((f) =>
                  fromWire(AuthorizeSecurityGroupRequestPermissions, f),
                ),
              }),
            )
          : client.authorizeSecurityGroupEgress(
              new AuthorizeSecurityGroupEgressRequest({
                ...base,
                permissions: fields.map((f) =>
                  fromWire(AuthorizeSecurityGroupEgressRequestPermissions, f),
                ),
              }),
            ),
      );
    },

    async revoke(regionId, groupId, direction, ruleIds, clientToken) {
      const action = direction === 'ingress' ? 'RevokeSecurityGroup' : 'RevokeSecurityGroupEgress';
      if (ruleIds.length === 0 || ruleIds.length > MAX_RULES_PER_CALL) {
        throw new EcsError({
          code: 'InvalidBatch',
          message: `${action} takes 1 to ${MAX_RULES_PER_CALL} rule IDs per call; got ${ruleIds.length}.`,
          httpStatus: 0,
          retryable: false,
        });
      }
      const client = clientFor(regionId);
      const request = {
        regionId,
        securityGroupId: groupId,
        clientToken,
        securityGroupRuleId: [...ruleIds],
      };
      return write(action, () =>
        direction === 'ingress'
          ? client.revokeSecurityGroup(new RevokeSecurityGroupRequest(request))
          : client.revokeSecurityGroupEgress(new RevokeSecurityGroupEgressRequest(request)),
      );
    },

    async modify(regionId, groupId, direction, ruleId, desired, clientToken) {
      const action =
        direction === 'ingress' ? 'ModifySecurityGroupRule' : 'ModifySecurityGroupEgressRule';
      checkBatch(action, direction, [desired]);
      const client = clientFor(regionId);
      const fields: WireFields = {
        ...ruleToModifyFields(desired),
        RegionId: regionId,
        SecurityGroupId: groupId,
        SecurityGroupRuleId: ruleId,
        ClientToken: clientToken,
      };
      return write(action, () =>
        direction === 'ingress'
          ? client.modifySecurityGroupRule(fromWire(ModifySecurityGroupRuleRequest, fields))
          : client.modifySecurityGroupEgressRule(
              fromWire(ModifySecurityGroupEgressRuleRequest, fields),
            ),
      );
    },

    async describeInstances(regionId, filters, page) {
      const client = clientFor(regionId);
      const body = await call('DescribeInstances', describeInstancesResponseSchema, () =>
        client.describeInstances(
          new DescribeInstancesRequest({
            regionId,
            securityGroupId: filters.securityGroupId,
            maxResults: clamp(page.maxResults ?? 100, 10, 100),
            ...(page.nextToken ? { nextToken: page.nextToken } : {}),
          }),
        ),
      );
      return { instances: body.Instances.map(instanceFromWire), nextToken: body.NextToken };
    },

    async describeNetworkInterfaces(regionId, filters, page) {
      const client = clientFor(regionId);
      const body = await call(
        'DescribeNetworkInterfaces',
        describeNetworkInterfacesResponseSchema,
        () =>
          client.describeNetworkInterfaces(
            new DescribeNetworkInterfacesRequest({
              regionId,
              securityGroupId: filters.securityGroupId,
              maxResults: clamp(page.maxResults ?? 500, 10, 500),
              ...(page.nextToken ? { nextToken: page.nextToken } : {}),
            }),
          ),
      );
      return {
        networkInterfaces: body.NetworkInterfaceSets.map(networkInterfaceFromWire),
        nextToken: body.NextToken,
      };
    },

    async describeSecurityGroupReferences(regionId, groupIds) {
      if (groupIds.length === 0 || groupIds.length > MAX_REFERENCE_GROUPS) {
        throw new EcsError({
          code: 'InvalidBatch',
          message: `DescribeSecurityGroupReferences takes 1 to ${MAX_REFERENCE_GROUPS} group IDs per call; got ${groupIds.length}.`,
          httpStatus: 0,
          retryable: false,
        });
      }
      const client = clientFor(regionId);
      const body = await call(
        'DescribeSecurityGroupReferences',
        describeSecurityGroupReferencesResponseSchema,
        () =>
          client.describeSecurityGroupReferences(
            new DescribeSecurityGroupReferencesRequest({
              regionId,
              securityGroupId: [...groupIds],
            }),
          ),
      );
      return body.SecurityGroupReferences.map(groupReferencesFromWire);
    },

    async describePrefixList(regionId, prefixListId) {
      const client = clientFor(regionId);
      const body = await call(
        'DescribePrefixListAttributes',
        describePrefixListAttributesResponseSchema,
        () =>
          client.describePrefixListAttributes(
            new DescribePrefixListAttributesRequest({ regionId, prefixListId }),
          ),
      );
      return prefixListFromWire(body);
    },

    async createSecurityGroup(regionId, input, clientToken) {
      const client = clientFor(regionId);
      const request = fromWire(CreateSecurityGroupRequest, {
        ...createGroupFields(input),
        RegionId: regionId,
        ClientToken: clientToken,
      });
      if (input.tags && input.tags.length > 0) {
        request.tag = input.tags.map(
          (tag) => new CreateSecurityGroupRequestTag({ key: tag.key, value: tag.value }),
        );
      }
      const body = await call('CreateSecurityGroup', createSecurityGroupResponseSchema, () =>
        client.createSecurityGroup(request),
      );
      return { groupId: body.SecurityGroupId, requestId: body.RequestId };
    },
  };
}
