/**
 * Every ECS error of ECS-API.md that the adapter can provoke, normalized to EcsError with the
 * ECS code, HTTP status and RequestId; none of these 4xx is retried.
 */
import { http, HttpResponse } from 'msw';
import type { Rule } from '../../../src/domain/types';
import { EcsError, type EcsPort } from '../../../src/ecs/ecs-port';
import {
  callsOf,
  groupId,
  makePort,
  manyRules,
  mswServer,
  REGION,
  useEmulator,
  vpcRule,
} from './harness';

const emulator = useEmulator();

async function failure(promise: Promise<unknown>): Promise<EcsError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof EcsError))
    throw new Error(`expected an EcsError, got ${String(outcome)}`);
  return outcome;
}

const tcp = (overrides: Partial<Rule> = {}): Rule => ({
  ...vpcRule({ direction: 'ingress', protocol: 'tcp', portRange: '8080/8080', cidr: '10.0.0.0/8' }),
  ...overrides,
});

describe('ECS errors through the SDK adapter', () => {
  let port: EcsPort;
  let sandbox: string;
  beforeEach(async () => {
    port = makePort().port;
    sandbox = await groupId(port, 'empty-sandbox');
    emulator.clearCalls();
  });

  // Rules no normalized Rule can express are built by hand: the adapter passes them through.
  const invalidRules: Array<[string, () => Rule, string, number]> = [
    [
      'a malformed port range',
      () => tcp({ portRange: '0/99999' }),
      'InvalidPortRange.Malformed',
      400,
    ],
    [
      'an unsupported protocol',
      () => tcp({ protocol: 'sctp' as Rule['protocol'] }),
      'InvalidIpProtocol.ValueNotSupported',
      400,
    ],
    [
      'a priority out of range',
      () => tcp({ priority: 0 }),
      'InvalidPriority.ValueNotSupported',
      400,
    ],
    [
      'a malformed policy',
      () => tcp({ policy: 'maybe' as Rule['policy'] }),
      'InvalidPolicy.Malformed',
      400,
    ],
    [
      'an unknown NIC type',
      () => tcp({ nicType: 'wifi' as Rule['nicType'] }),
      'InvalidNicType.ValueNotSupported',
      400,
    ],
    [
      'a malformed CIDR',
      () => tcp({ peer: { kind: 'cidr', cidr: '300.1.1.1/8' } }),
      'InvalidSourceCidrIp.Malformed',
      400,
    ],
    [
      'an unknown prefix list',
      () => tcp({ peer: { kind: 'prefixList', prefixListId: 'pl-nope' } }),
      'InvalidPrefixListId.NotFound',
      404,
    ],
    [
      'an unknown peer group',
      () => tcp({ peer: { kind: 'group', groupId: 'sg-bp1nosuchgroup00', ownerAccount: '' } }),
      'InvalidSourceGroupId.NotFound',
      404,
    ],
  ];

  it.each(invalidRules)('Authorize with %s → %s', async (_name, rule, code, status) => {
    const error = await failure(
      port.authorize(REGION, sandbox, 'ingress', [rule()], `token-${code}`),
    );
    expect(error).toMatchObject({ code, httpStatus: status, retryable: false });
    expect(error.requestId).toBeTruthy();
    expect(callsOf(emulator, 'AuthorizeSecurityGroup')).toHaveLength(1);
  });

  it('the same rule twice in one call → InvalidParam.DuplicatePermissions', async () => {
    const error = await failure(
      port.authorize(REGION, sandbox, 'ingress', [tcp(), tcp()], 'token-dup'),
    );
    expect(error).toMatchObject({ code: 'InvalidParam.DuplicatePermissions', httpStatus: 400 });
  });

  it('an Authorize of an existing rule succeeds and adds nothing', async () => {
    await port.authorize(REGION, sandbox, 'ingress', [tcp()], 'token-a');
    await port.authorize(REGION, sandbox, 'ingress', [tcp({ priority: 50 })], 'token-b');
    expect(emulator.listRules(REGION, sandbox)).toHaveLength(1);
  });

  it('a full group → AuthorizationLimitExceed (403)', async () => {
    const full = await groupId(port, 'legacy-monolith');
    const error = await failure(
      port.authorize(REGION, full, 'ingress', manyRules(1), 'token-full'),
    );
    expect(error).toMatchObject({
      code: 'AuthorizationLimitExceed',
      httpStatus: 403,
      retryable: false,
    });
  });

  it('a 21st group reference in a basic group → AuthorizedGroupRule.LimitExceed', async () => {
    const mesh = await groupId(port, 'mesh-prod');
    const peer = await groupId(port, 'svc-orders');
    const rule = vpcRule({
      direction: 'ingress',
      protocol: 'tcp',
      portRange: '9999/9999',
      groupId: peer,
    });
    const error = await failure(port.authorize(REGION, mesh, 'ingress', [rule], 'token-mesh'));
    expect(error).toMatchObject({ code: 'AuthorizedGroupRule.LimitExceed', httpStatus: 403 });
  });

  it('advanced groups refuse Drop rules and group references', async () => {
    const core = await groupId(port, 'enterprise-core');
    const drop = await failure(
      port.authorize(REGION, core, 'ingress', [tcp({ policy: 'drop' })], 'token-ent-1'),
    );
    expect(drop.code).toMatch(/OperationDenied$/);
    const web = await groupId(port, 'web-prod');
    const reference = vpcRule({
      direction: 'ingress',
      protocol: 'tcp',
      portRange: '80/80',
      groupId: web,
    });
    const ref = await failure(port.authorize(REGION, core, 'ingress', [reference], 'token-ent-2'));
    expect(ref.code).toMatch(/OperationDenied$/);
  });

  it('group references across VPCs, across network types and to itself are refused', async () => {
    const staging = await groupId(port, 'web-staging');
    const classic = await groupId(port, 'classic-legacy');
    const ref = (id: string) =>
      vpcRule({ direction: 'ingress', protocol: 'tcp', portRange: '80/80', groupId: id });
    const web = await groupId(port, 'web-prod');
    expect(
      await failure(port.authorize(REGION, web, 'ingress', [ref(staging)], 'tk-1')),
    ).toMatchObject({
      code: 'InvalidSourceGroupId.Mismatch',
      httpStatus: 400,
    });
    expect(
      await failure(port.authorize(REGION, web, 'ingress', [ref(classic)], 'tk-2')),
    ).toMatchObject({
      code: 'InvalidNetworkType.Conflict',
      httpStatus: 403,
    });
    expect(await failure(port.authorize(REGION, web, 'ingress', [ref(web)], 'tk-3'))).toMatchObject(
      { code: 'InvalidParamter.Conflict' },
    );
    const egressRef = vpcRule({
      direction: 'egress',
      protocol: 'tcp',
      portRange: '80/80',
      groupId: staging,
    });
    expect(await failure(port.authorize(REGION, web, 'egress', [egressRef], 'tk-4'))).toMatchObject(
      { code: 'InvalidDestGroupId.Mismatch' },
    );
  });

  it('a service-managed group cannot be changed', async () => {
    const managed = await groupId(port, 'k8s-managed-sg');
    const error = await failure(
      port.authorize(REGION, managed, 'ingress', [tcp()], 'token-managed'),
    );
    expect(error).toMatchObject({
      code: 'InvalidOperation.ResourceManagedByCloudProduct',
      httpStatus: 403,
    });
  });

  it('unknown rule IDs on Revoke and Modify, and repeated IDs', async () => {
    expect(
      await failure(port.revoke(REGION, sandbox, 'ingress', ['sgr-nope'], 't-r1')),
    ).toMatchObject({
      code: 'InvalidParam.SecurityGroupRuleId',
      httpStatus: 400,
    });
    expect(
      await failure(port.revoke(REGION, sandbox, 'egress', ['sgr-nope'], 't-r2')),
    ).toMatchObject({
      code: 'InvalidSecurityGroupRule.RuleNotExist',
    });
    await port.authorize(REGION, sandbox, 'ingress', [tcp()], 't-r3');
    const ruleId = emulator.listRules(REGION, sandbox)[0]?.SecurityGroupRuleId ?? '';
    expect(
      await failure(port.revoke(REGION, sandbox, 'ingress', [ruleId, ruleId], 't-r4')),
    ).toMatchObject({
      code: 'InvalidParam.SecurityGroupRuleIdRepeated',
    });
    expect(
      await failure(port.modify(REGION, sandbox, 'ingress', 'sgr-nope', tcp(), 't-r5')),
    ).toMatchObject({
      code: 'InvalidParam.SecurityGroupRuleId',
    });
  });

  it('a reused ClientToken with other parameters → IdempotentParameterMismatch; the same parameters replay', async () => {
    const first = await port.authorize(REGION, sandbox, 'ingress', [tcp()], 'token-reused');
    const replay = await port.authorize(REGION, sandbox, 'ingress', [tcp()], 'token-reused');
    expect(replay.requestId).toBe(first.requestId);
    const error = await failure(
      port.authorize(REGION, sandbox, 'ingress', [tcp({ portRange: '9090/9090' })], 'token-reused'),
    );
    expect(error).toMatchObject({ code: 'IdempotentParameterMismatch', httpStatus: 400 });
  });

  it('malformed and unknown group IDs', async () => {
    expect(
      await failure(port.authorize(REGION, 'not-a-group', 'ingress', [tcp()], 't-g1')),
    ).toMatchObject({
      code: 'InvalidSecurityGroupId.Malformed',
    });
    expect(
      await failure(port.revoke(REGION, 'sg-bp1nosuchgroup00', 'ingress', ['sgr-x'], 't-g2')),
    ).toMatchObject({
      code: 'InvalidSecurityGroupId.NotFound',
      httpStatus: 404,
    });
    expect(await failure(port.describeGroup('xx-nowhere-1', 'sg-bp1nosuchgroup00'))).toMatchObject({
      code: 'InvalidRegionId.NotFound',
    });
  });

  it.each([
    ['Forbidden.RAM', 403],
    ['OperationConflict', 409],
    ['MissingParameter', 400],
    ['InvalidParameter', 400],
    ['InvalidSecurityGroupId.Malformed', 400],
  ])('an injected %s (%i) is reported as is and not retried', async (code, status) => {
    emulator.failCall('AuthorizeSecurityGroup', 1, { code, status, message: `${code} injected` });
    const error = await failure(port.authorize(REGION, sandbox, 'ingress', [tcp()], `t-${code}`));
    expect(error).toMatchObject({
      code,
      httpStatus: status,
      retryable: false,
      message: `${code} injected`,
    });
    expect(callsOf(emulator, 'AuthorizeSecurityGroup')).toHaveLength(1);
  });
});

describe('answers only a real service gives, served by msw directly', () => {
  const ALIYUN = /^https:\/\/[^/]+\.aliyuncs\.com\/$/;

  it('keeps the AccessDeniedDetail of Forbidden.RAM from the SDK error', async () => {
    mswServer().use(
      http.post(ALIYUN, () =>
        HttpResponse.json(
          {
            RequestId: 'req-ram',
            HostId: 'ecs.aliyuncs.com',
            Code: 'Forbidden.RAM',
            Message: 'User not authorized to operate on the specified resource.',
            AccessDeniedDetail: {
              AuthAction: 'ecs:AuthorizeSecurityGroup',
              AuthPrincipalDisplayName: 'restore-console',
              NoPermissionType: 'ImplicitDeny',
              PolicyType: 'AccountLevelIdentityBasedPolicy',
            },
          },
          { status: 403 },
        ),
      ),
    );
    const { port } = makePort();
    const error = await failure(
      port.authorize(REGION, 'sg-bp1anything000001', 'ingress', [tcp()], 'token-ram'),
    );
    expect(error).toMatchObject({
      code: 'Forbidden.RAM',
      httpStatus: 403,
      requestId: 'req-ram',
      retryable: false,
    });
    expect(error.message).toContain('User not authorized');
    expect(error.message).toContain('ecs:AuthorizeSecurityGroup');
    expect(error.message).toContain('ImplicitDeny');
  });

  it('reports a JSON answer of the wrong shape as UpstreamMalformed, without retrying', async () => {
    let calls = 0;
    mswServer().use(
      http.post(ALIYUN, () => {
        calls++;
        return HttpResponse.json({ RequestId: 'req-shape', Regions: 'not a list' });
      }),
    );
    const { port } = makePort();
    expect(await failure(port.describeRegions())).toMatchObject({
      code: 'UpstreamMalformed',
      httpStatus: 0,
      retryable: false,
    });
    expect(calls).toBe(1);
  });

  it('reports an attribute answer without the group ID as UpstreamMalformed naming the field', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'web-prod');
    mswServer().use(
      http.post(ALIYUN, ({ request }) =>
        request.headers.get('x-acs-action') === 'DescribeSecurityGroupAttribute'
          ? HttpResponse.json({ RequestId: 'req-noid', Permissions: { Permission: [] } })
          : undefined,
      ),
    );
    const error = await failure(port.describeGroup(REGION, id));
    expect(error).toMatchObject({ code: 'UpstreamMalformed', requestId: 'req-noid' });
    expect(error.message).toContain('SecurityGroupId');
  });
});
