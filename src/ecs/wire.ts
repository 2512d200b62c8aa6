/**
 * The ECS responses we read, as zod schemas. They are deliberately tolerant of what the real
 * service varies (numbers or strings, '' or absent, any case, missing wrappers) and strict only
 * about what we cannot work without (IDs). `parseWire` turns a schema failure into an EcsError.
 */
import { z } from 'zod';
import { EcsError } from './ecs-port';

/** A scalar ECS may send as a string, a number or not at all; always read as a string ('' = absent). */
const text = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? '' : String(v)));

/** A count ECS may send as a number or a numeric string; absent reads as 0. */
const count = z
  .union([z.number(), z.nan(), z.string().regex(/^\d*$/), z.null()])
  .optional()
  .transform((v) => {
    const n = v === null || v === undefined || v === '' ? 0 : Number(v);
    // The SDK's own cast turns '' into NaN before we see it.
    return Number.isFinite(n) ? n : 0;
  });

const flag = z
  .union([z.boolean(), z.string(), z.null()])
  .optional()
  .transform((v) => v === true || (typeof v === 'string' && v.toLowerCase() === 'true'));

/** An ID we cannot do without: a non-empty string. */
const id = z.string().min(1);

/**
 * ECS wraps lists as `{ Outer: { Inner: [...] } }`; the wrapper or the list may be missing when
 * empty, and some XML-to-JSON paths give a single object instead of a one-element array.
 */
function wrappedList<T extends z.ZodType>(inner: string, item: T) {
  return z
    .union([z.object({ [inner]: z.union([z.array(item), item, z.null()]).optional() }), z.null()])
    .optional()
    .transform((wrapper): z.output<T>[] => {
      if (wrapper === null || wrapper === undefined) return [];
      const list = (wrapper as Record<string, unknown>)[inner] as
        z.output<T> | z.output<T>[] | null | undefined;
      if (list === null || list === undefined) return [];
      return Array.isArray(list) ? list : [list];
    });
}

export const wireRegionSchema = z.object({
  RegionId: id,
  LocalName: text,
  RegionEndpoint: text,
  Status: text,
});
export type WireRegion = z.output<typeof wireRegionSchema>;

export const describeRegionsResponseSchema = z.object({
  RequestId: text,
  Regions: wrappedList('Region', wireRegionSchema),
});

export const wireTagSchema = z.object({ TagKey: text, TagValue: text });

export const wireSecurityGroupSchema = z.object({
  SecurityGroupId: id,
  SecurityGroupName: text,
  Description: text,
  SecurityGroupType: text,
  VpcId: text,
  CreationTime: text,
  RuleCount: count,
  GroupToGroupRuleCount: count,
  ServiceManaged: flag,
  ResourceGroupId: text,
  Tags: wrappedList('Tag', wireTagSchema),
});
export type WireSecurityGroup = z.output<typeof wireSecurityGroupSchema>;

export const describeSecurityGroupsResponseSchema = z.object({
  RequestId: text,
  NextToken: text,
  TotalCount: count,
  SecurityGroups: wrappedList('SecurityGroup', wireSecurityGroupSchema),
});

/** Priority stays a string or a number here: normalization owns its meaning ('' = absent). */
const priority = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? '' : v));

export const wirePermissionSchema = z.object({
  SecurityGroupRuleId: text,
  Direction: text,
  IpProtocol: text,
  PortRange: text,
  SourcePortRange: text,
  SourceCidrIp: text,
  Ipv6SourceCidrIp: text,
  SourceGroupId: text,
  SourceGroupName: text,
  SourceGroupOwnerAccount: text,
  SourcePrefixListId: text,
  SourcePrefixListName: text,
  DestCidrIp: text,
  Ipv6DestCidrIp: text,
  DestGroupId: text,
  DestGroupName: text,
  DestGroupOwnerAccount: text,
  DestPrefixListId: text,
  DestPrefixListName: text,
  PortRangeListId: text,
  PortRangeListName: text,
  Policy: text,
  Priority: priority,
  NicType: text,
  Description: text,
  CreateTime: text,
});
export type WirePermission = z.output<typeof wirePermissionSchema>;
/** What a Permission may look like before parsing (every field optional, loosely typed). */
export type WirePermissionInput = z.input<typeof wirePermissionSchema>;

export const describeSecurityGroupAttributeResponseSchema = z.object({
  RequestId: text,
  RegionId: text,
  SecurityGroupId: id,
  SecurityGroupName: text,
  Description: text,
  VpcId: text,
  InnerAccessPolicy: text,
  NextToken: text,
  Permissions: wrappedList('Permission', wirePermissionSchema),
});
export type WireGroupAttribute = z.output<typeof describeSecurityGroupAttributeResponseSchema>;

/** Authorize, Revoke and Modify answer only a RequestId. */
export const writeResponseSchema = z.object({ RequestId: text });

/**
 * Validate an upstream body. A malformed answer becomes `EcsError('UpstreamMalformed')` naming
 * the action and the first offending field, never a crash deeper in the code.
 */
export function parseWire<S extends z.ZodType>(
  schema: S,
  body: unknown,
  action: string,
): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the body';
  const requestId = requestIdOf(body);
  throw new EcsError({
    code: 'UpstreamMalformed',
    message: `ECS answered ${action} with an unexpected shape at ${where}: ${issue?.message ?? 'invalid'}.`,
    ...(requestId ? { requestId } : {}),
    httpStatus: 0,
    retryable: false,
  });
}

function requestIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>).RequestId;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// ---------- DescribeInstances, DescribeNetworkInterfaces, references, prefix lists, create ----------

/** A list ECS sends as `{ Inner: [...] }` of plain strings (group IDs). */
const idList = (inner: string) => wrappedList(inner, id);

export const wireInstanceNetworkInterfaceSchema = z.object({
  NetworkInterfaceId: id,
  Type: text,
});

export const wireInstanceSchema = z.object({
  InstanceId: id,
  InstanceName: text,
  Status: text,
  VpcAttributes: z
    .union([z.object({ VpcId: text }), z.null()])
    .optional()
    .transform((v) => v?.VpcId ?? ''),
  SecurityGroupIds: idList('SecurityGroupId'),
  NetworkInterfaces: wrappedList('NetworkInterface', wireInstanceNetworkInterfaceSchema),
});
export type WireInstance = z.output<typeof wireInstanceSchema>;

export const describeInstancesResponseSchema = z.object({
  RequestId: text,
  NextToken: text,
  Instances: wrappedList('Instance', wireInstanceSchema),
});

export const wireNetworkInterfaceSchema = z.object({
  NetworkInterfaceId: id,
  Type: text,
  InstanceId: text,
  Status: text,
  SecurityGroupIds: idList('SecurityGroupId'),
});
export type WireNetworkInterface = z.output<typeof wireNetworkInterfaceSchema>;

export const describeNetworkInterfacesResponseSchema = z.object({
  RequestId: text,
  NextToken: text,
  NetworkInterfaceSets: wrappedList('NetworkInterfaceSet', wireNetworkInterfaceSchema),
});

export const wireSecurityGroupReferenceSchema = z.object({
  SecurityGroupId: id,
  ReferencingSecurityGroups: wrappedList(
    'ReferencingSecurityGroup',
    z.object({ SecurityGroupId: id, AliUid: text }),
  ),
});
export type WireSecurityGroupReference = z.output<typeof wireSecurityGroupReferenceSchema>;

export const describeSecurityGroupReferencesResponseSchema = z.object({
  RequestId: text,
  SecurityGroupReferences: wrappedList('SecurityGroupReference', wireSecurityGroupReferenceSchema),
});

/** MaxEntries is what the per-ENI quota needs: a list without it cannot be weighed. */
export const describePrefixListAttributesResponseSchema = z.object({
  RequestId: text,
  PrefixListId: id,
  PrefixListName: text,
  MaxEntries: z.union([z.number().int().min(0), z.string().regex(/^\d+$/).transform(Number)]),
  Entries: wrappedList('Entry', z.object({ Cidr: text, Description: text })),
});
export type WirePrefixListAttributes = z.output<typeof describePrefixListAttributesResponseSchema>;

export const createSecurityGroupResponseSchema = z.object({
  RequestId: text,
  SecurityGroupId: id,
});
