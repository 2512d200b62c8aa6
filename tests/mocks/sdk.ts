/**
 * The real ECS SDK, as the product uses it, for the emulator tests. Under vitest the default
 * import of this CommonJS package is already the client class (Node's own ESM loader gives the
 * module object instead, whose `.default` is the class), so accept both shapes.
 */
import EcsDefault from '@alicloud/ecs20140526';
import * as Ecs from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';

type Client = InstanceType<typeof EcsDefault>;
const ClientClass: typeof EcsDefault =
  typeof (EcsDefault as unknown as { default?: unknown }).default === 'function'
    ? (EcsDefault as unknown as { default: typeof EcsDefault }).default
    : EcsDefault;

export { Ecs };

/** A client with fake static keys; `endpoint`/`protocol` point it at the standalone server. */
export function ecsClient(
  regionId = 'cn-hangzhou',
  extra: {
    endpoint?: string;
    protocol?: string;
    readTimeout?: number;
    connectTimeout?: number;
  } = {},
): Client {
  return new ClientClass(
    new $OpenApiUtil.Config({
      accessKeyId: 'test-access-key-id',
      accessKeySecret: 'test-access-key-secret',
      regionId,
      ...extra,
    }),
  );
}

/** What an SDK call threw: the ECS code, HTTP status, parsed error body and retry-after. */
export interface SdkFailure {
  name: string;
  code?: string;
  statusCode?: number;
  requestId?: string;
  retryAfter?: number;
  data?: Record<string, unknown>;
}

/** Runs an SDK call that must fail and returns what it threw. */
export async function failureOf(call: Promise<unknown>): Promise<SdkFailure> {
  try {
    await call;
  } catch (error) {
    return error as SdkFailure;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** Shorthands for the requests the tests send. */
export const req = {
  groups: (p: ConstructorParameters<typeof Ecs.DescribeSecurityGroupsRequest>[0] = {}) =>
    new Ecs.DescribeSecurityGroupsRequest({ regionId: 'cn-hangzhou', ...p }),
  attribute: (
    securityGroupId: string,
    p: ConstructorParameters<typeof Ecs.DescribeSecurityGroupAttributeRequest>[0] = {},
  ) =>
    new Ecs.DescribeSecurityGroupAttributeRequest({
      regionId: 'cn-hangzhou',
      securityGroupId,
      ...p,
    }),
  authorize: (
    securityGroupId: string,
    permissions: Array<
      ConstructorParameters<typeof Ecs.AuthorizeSecurityGroupRequestPermissions>[0]
    >,
    p: ConstructorParameters<typeof Ecs.AuthorizeSecurityGroupRequest>[0] = {},
  ) =>
    new Ecs.AuthorizeSecurityGroupRequest({
      regionId: 'cn-hangzhou',
      securityGroupId,
      permissions: permissions.map((x) => new Ecs.AuthorizeSecurityGroupRequestPermissions(x)),
      ...p,
    }),
  authorizeEgress: (
    securityGroupId: string,
    permissions: Array<
      ConstructorParameters<typeof Ecs.AuthorizeSecurityGroupEgressRequestPermissions>[0]
    >,
    p: ConstructorParameters<typeof Ecs.AuthorizeSecurityGroupEgressRequest>[0] = {},
  ) =>
    new Ecs.AuthorizeSecurityGroupEgressRequest({
      regionId: 'cn-hangzhou',
      securityGroupId,
      permissions: permissions.map(
        (x) => new Ecs.AuthorizeSecurityGroupEgressRequestPermissions(x),
      ),
      ...p,
    }),
};
