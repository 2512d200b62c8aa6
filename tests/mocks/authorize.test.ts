import { createEcsEmulator } from '../../src/mocks/emulator';
import { useEmulator } from './harness';
import { Ecs, failureOf, req } from './sdk';

const { emulator, client, groupId } = useEmulator();

const ssh = {
  ipProtocol: 'tcp',
  portRange: '22/22',
  sourceCidrIp: '192.0.2.0/24',
  description: 'ssh',
};
const rulesOf = (id: string) => emulator.listRules('cn-hangzhou', id);

describe('AuthorizeSecurityGroup(Egress)', () => {
  it('adds rules with new IDs, ECS casing and a CreateTime, answering only a RequestId', async () => {
    const id = await groupId('empty-sandbox');
    const res = await client.authorizeSecurityGroup(
      req.authorize(id, [
        ssh,
        {
          ipProtocol: 'icmp',
          portRange: '-1/-1',
          ipv6SourceCidrIp: '2001:db8::/32',
          policy: 'drop',
          priority: '5',
        },
      ]),
    );
    expect(Object.keys(res.body?.toMap() ?? {})).toEqual(['RequestId']);
    const egress = await client.authorizeSecurityGroupEgress(
      req.authorizeEgress(id, [
        { ipProtocol: 'udp', portRange: '53/53', destCidrIp: '10.0.0.2/32' },
      ]),
    );
    expect(egress.statusCode).toBe(200);
    const rules = rulesOf(id);
    expect(rules).toHaveLength(3);
    expect(rules[0]).toMatchObject({
      Direction: 'ingress',
      IpProtocol: 'TCP',
      PortRange: '22/22',
      SourceCidrIp: '192.0.2.0/24',
      Policy: 'Accept',
      Priority: '1',
      NicType: 'intranet',
      Description: 'ssh',
    });
    expect(rules[1]).toMatchObject({
      IpProtocol: 'ICMP',
      Ipv6SourceCidrIp: '2001:db8::/32',
      Policy: 'Drop',
      Priority: '5',
    });
    expect(rules[2]).toMatchObject({
      Direction: 'egress',
      IpProtocol: 'UDP',
      DestCidrIp: '10.0.0.2/32',
    });
    expect(
      rules.every(
        (r) => /^sgr-bp[a-z0-9]{18}$/.test(r.SecurityGroupRuleId) && /Z$/.test(r.CreateTime),
      ),
    ).toBe(true);
  });

  it('treats an existing tuple as a silent success that adds nothing, whatever the case, CIDR spelling, priority or description', async () => {
    const id = await groupId('web-prod');
    const before = rulesOf(id);
    await client.authorizeSecurityGroup(
      req.authorize(id, [
        {
          ipProtocol: 'TCP',
          portRange: '80/80',
          sourceCidrIp: '0.0.0.0/0',
          policy: 'ACCEPT',
          priority: '7',
          description: 'other words',
        },
      ]),
    );
    await client.authorizeSecurityGroup(
      req.authorize(id, [
        { ipProtocol: 'tcp', portRange: '443/443', ipv6SourceCidrIp: '0:0::0/0' },
      ]),
    );
    await client.authorizeSecurityGroup(
      req.authorize(id, [
        {
          ipProtocol: 'icmp',
          sourceCidrIp: '10.1.2.3/8',
          priority: '20',
          description: 'ping from the VPC',
        },
      ]),
    );
    expect(rulesOf(id)).toEqual(before);
  });

  it('with priorityIsIdentity, a tuple that differs only in priority is a new rule', async () => {
    const strict = createEcsEmulator({ priorityIsIdentity: true });
    const before = strict.listRules('cn-hangzhou', await groupId('web-prod')).length;
    const answer = await strict.handle({
      action: 'AuthorizeSecurityGroup',
      host: 'ecs-cn-hangzhou.aliyuncs.com',
      params: {
        RegionId: 'cn-hangzhou',
        SecurityGroupId: await groupId('web-prod'),
        'Permissions.1.IpProtocol': 'TCP',
        'Permissions.1.PortRange': '80/80',
        'Permissions.1.SourceCidrIp': '0.0.0.0/0',
        'Permissions.1.Priority': '7',
      },
    });
    expect(answer.status).toBe(200);
    expect(strict.listRules('cn-hangzhou', await groupId('web-prod'))).toHaveLength(before + 1);
  });

  it('rejects the same rule twice in one call', async () => {
    const id = await groupId('empty-sandbox');
    const failure = await failureOf(
      client.authorizeSecurityGroup(
        req.authorize(id, [ssh, { ...ssh, sourceCidrIp: '192.0.2.9/24', priority: '3' }]),
      ),
    );
    expect(failure).toMatchObject({
      name: 'ClientError',
      code: 'InvalidParam.DuplicatePermissions',
      statusCode: 400,
    });
    expect(rulesOf(id)).toHaveLength(0);
  });

  it.each([
    ['InvalidIpProtocol.ValueNotSupported', { ...ssh, ipProtocol: 'sctp' }],
    ['InvalidPortRange.Malformed', { ...ssh, portRange: '22' }],
    ['InvalidPortRange.Malformed', { ...ssh, portRange: '0/70000' }],
    [
      'InvalidPortRange.Malformed',
      { ipProtocol: 'icmp', portRange: '8/8', sourceCidrIp: '10.0.0.0/8' },
    ],
    ['InvalidPriority.Malformed', { ...ssh, priority: 'high' }],
    ['InvalidPriority.ValueNotSupported', { ...ssh, priority: '110' }],
    ['InvalidPriority.ValueNotSupported', { ...ssh, priority: '0' }],
    ['InvalidPolicy.Malformed', { ...ssh, policy: 'allow' }],
    ['InvalidNicType.ValueNotSupported', { ...ssh, nicType: 'wifi' }],
    ['MissingParameter', { ipProtocol: 'tcp', portRange: '22/22' }],
    ['MissingParameter', { portRange: '22/22', sourceCidrIp: '10.0.0.0/8' }],
    ['InvalidSourceCidrIp.Malformed', { ...ssh, sourceCidrIp: '10.0.0.0/33' }],
    [
      'InvalidIpv6SourceCidrIp.Malformed',
      { ipProtocol: 'tcp', portRange: '22/22', ipv6SourceCidrIp: '2001:db8::g/32' },
    ],
    ['InvalidParameter.Conflict', { ...ssh, sourcePrefixListId: 'pl-bp1' }],
    ['InvalidDescription.Malformed', { ...ssh, description: 'x'.repeat(513) }],
  ])('rejects a bad permission with %s (400) and applies nothing', async (code, permission) => {
    const id = await groupId('empty-sandbox');
    const good = { ipProtocol: 'tcp', portRange: '80/80', sourceCidrIp: '0.0.0.0/0' };
    expect(
      await failureOf(client.authorizeSecurityGroup(req.authorize(id, [good, permission]))),
    ).toMatchObject({ code, statusCode: 400 });
    expect(rulesOf(id)).toHaveLength(0);
  });

  it('checks referenced groups and prefix lists', async () => {
    const web = await groupId('web-prod');
    const staging = await groupId('web-staging');
    const classic = await groupId('classic-legacy');
    const tcp = { ipProtocol: 'tcp', portRange: '22/22' };
    const cases: Array<[string, number, Promise<unknown>]> = [
      [
        'InvalidSourceGroupId.NotFound',
        404,
        client.authorizeSecurityGroup(
          req.authorize(web, [{ ...tcp, sourceGroupId: 'sg-bp0000000000000000' }]),
        ),
      ],
      [
        'InvalidDestGroupId.NotFound',
        404,
        client.authorizeSecurityGroupEgress(
          req.authorizeEgress(web, [{ ...tcp, destGroupId: 'sg-bp0000000000000000' }]),
        ),
      ],
      [
        'InvalidParamter.Conflict',
        400,
        client.authorizeSecurityGroup(req.authorize(web, [{ ...tcp, sourceGroupId: web }])),
      ],
      [
        'InvalidSourceGroupId.Mismatch',
        400,
        client.authorizeSecurityGroup(req.authorize(web, [{ ...tcp, sourceGroupId: staging }])),
      ],
      [
        'InvalidDestGroupId.Mismatch',
        400,
        client.authorizeSecurityGroupEgress(
          req.authorizeEgress(web, [{ ...tcp, destGroupId: staging }]),
        ),
      ],
      [
        'InvalidNetworkType.Conflict',
        403,
        client.authorizeSecurityGroup(req.authorize(web, [{ ...tcp, sourceGroupId: classic }])),
      ],
      [
        'InvalidNicType.Conflict',
        400,
        client.authorizeSecurityGroup(
          req.authorize(classic, [
            {
              ...tcp,
              sourceGroupId: await groupId('classic-legacy-backup-20260301'),
              nicType: 'internet',
            },
          ]),
        ),
      ],
      [
        'InvalidPrefixListId.NotFound',
        404,
        client.authorizeSecurityGroup(
          req.authorize(web, [{ ...tcp, sourcePrefixListId: 'pl-bp0000000000000000' }]),
        ),
      ],
    ];
    for (const [code, statusCode, call] of cases)
      expect(await failureOf(call)).toMatchObject({ code, statusCode });
  });

  it('keeps advanced groups to Accept rules without group references', async () => {
    const id = await groupId('enterprise-core');
    const drop = {
      ipProtocol: 'tcp',
      portRange: '22/22',
      sourceCidrIp: '0.0.0.0/0',
      policy: 'drop',
    };
    expect(await failureOf(client.authorizeSecurityGroup(req.authorize(id, [drop])))).toMatchObject(
      { code: 'InvalidGroupParameter.OperationDenied', statusCode: 403 },
    );
    const ref = { ipProtocol: 'tcp', portRange: '22/22', sourceGroupId: await groupId('app-prod') };
    expect(await failureOf(client.authorizeSecurityGroup(req.authorize(id, [ref])))).toMatchObject({
      code: 'InvalidGroupAuthParameter.OperationDenied',
      statusCode: 403,
    });
  });

  it('limits a basic group to 20 group-reference rules', async () => {
    const id = await groupId('mesh-prod');
    const ref = {
      ipProtocol: 'tcp',
      portRange: '9999/9999',
      sourceGroupId: await groupId('db-prod'),
    };
    expect(await failureOf(client.authorizeSecurityGroup(req.authorize(id, [ref])))).toMatchObject({
      code: 'AuthorizedGroupRule.LimitExceed',
      statusCode: 403,
    });
    await client.authorizeSecurityGroup(req.authorize(id, [ssh]));
    expect(rulesOf(id)).toHaveLength(21);
  });

  it('fails a whole call that would pass the rule limit (inbound + outbound), adding nothing', async () => {
    const id = await groupId('legacy-monolith');
    expect(
      await failureOf(
        client.authorizeSecurityGroupEgress(
          req.authorizeEgress(id, [
            { ipProtocol: 'tcp', portRange: '1/1', destCidrIp: '10.0.0.0/8' },
          ]),
        ),
      ),
    ).toMatchObject({ code: 'AuthorizationLimitExceed', statusCode: 403 });
    const small = createEcsEmulator({ ruleLimit: 10 });
    const web = await groupId('web-prod');
    const answer = await small.handle({
      action: 'AuthorizeSecurityGroup',
      host: 'h',
      params: {
        RegionId: 'cn-hangzhou',
        SecurityGroupId: web,
        'Permissions.1.IpProtocol': 'TCP',
        'Permissions.1.PortRange': '1/1',
        'Permissions.1.SourceCidrIp': '1.1.1.1',
        'Permissions.2.IpProtocol': 'TCP',
        'Permissions.2.PortRange': '2/2',
        'Permissions.2.SourceCidrIp': '1.1.1.1',
      },
    });
    expect(answer).toMatchObject({ status: 403, body: { Code: 'AuthorizationLimitExceed' } });
    expect(small.listRules('cn-hangzhou', web)).toHaveLength(9);
  });

  it('refuses service-managed groups', async () => {
    const id = await groupId('k8s-managed-sg');
    expect(await failureOf(client.authorizeSecurityGroup(req.authorize(id, [ssh])))).toMatchObject({
      code: 'InvalidOperation.ResourceManagedByCloudProduct',
      statusCode: 403,
    });
  });

  it('refuses more than 100 permissions and legacy flat parameters mixed with Permissions', async () => {
    const id = await groupId('empty-sandbox');
    const params: Record<string, string> = {
      RegionId: 'cn-hangzhou',
      SecurityGroupId: id,
      'Permissions.101.IpProtocol': 'TCP',
    };
    expect(
      await emulator.handle({ action: 'AuthorizeSecurityGroup', host: 'h', params }),
    ).toMatchObject({ status: 400, body: { Code: 'InvalidParam.Permissions' } });
    const mixed = await failureOf(
      client.authorizeSecurityGroup(
        req.authorize(id, [ssh], {
          ipProtocol: 'tcp',
          portRange: '80/80',
          sourceCidrIp: '0.0.0.0/0',
        }),
      ),
    );
    expect(mixed).toMatchObject({ code: 'InvalidParam.Permissions', statusCode: 400 });
  });

  it('accepts the deprecated flat parameters alone as one rule', async () => {
    const id = await groupId('empty-sandbox');
    await client.authorizeSecurityGroup(
      req.authorize(id, [], { ipProtocol: 'tcp', portRange: '80/80', sourceCidrIp: '0.0.0.0/0' }),
    );
    expect(rulesOf(id)).toHaveLength(1);
  });

  it('answers 404 for unknown groups and regions, 400 MissingParameter without a group', async () => {
    expect(
      await failureOf(client.authorizeSecurityGroup(req.authorize('sg-bp0000000000000000', [ssh]))),
    ).toMatchObject({ code: 'InvalidSecurityGroupId.NotFound', statusCode: 404 });
    expect(
      await failureOf(
        client.authorizeSecurityGroup(req.authorize('sg-x', [ssh], { regionId: 'moon-1' })),
      ),
    ).toMatchObject({ code: 'InvalidRegionId.NotFound', statusCode: 404 });
    expect(await failureOf(client.authorizeSecurityGroup(req.authorize('', [ssh])))).toMatchObject({
      code: 'MissingParameter',
      statusCode: 400,
    });
  });
});

describe('ClientToken idempotency', () => {
  it('replays the first answer (same RequestId) without applying again', async () => {
    const id = await groupId('empty-sandbox');
    const first = await client.authorizeSecurityGroup(
      req.authorize(id, [ssh], { clientToken: 'restore-1-step-1' }),
    );
    // Remove the rule: a replay that applied again would bring it back.
    await client.revokeSecurityGroup(
      new Ecs.RevokeSecurityGroupRequest({
        regionId: 'cn-hangzhou',
        securityGroupId: id,
        securityGroupRuleId: [rulesOf(id)[0]?.SecurityGroupRuleId ?? ''],
      }),
    );
    const replay = await client.authorizeSecurityGroup(
      req.authorize(id, [ssh], { clientToken: 'restore-1-step-1' }),
    );
    expect(replay.body?.requestId).toBe(first.body?.requestId);
    expect(rulesOf(id)).toHaveLength(0);
    expect(emulator.calls.at(-1)).toMatchObject({
      action: 'AuthorizeSecurityGroup',
      status: 200,
      applied: false,
      requestId: first.body?.requestId,
    });
  });

  it('answers IdempotentParameterMismatch for the same token with other parameters', async () => {
    const id = await groupId('empty-sandbox');
    await client.authorizeSecurityGroup(req.authorize(id, [ssh], { clientToken: 'tok-a' }));
    const failure = await failureOf(
      client.authorizeSecurityGroup(
        req.authorize(id, [{ ...ssh, portRange: '23/23' }], { clientToken: 'tok-a' }),
      ),
    );
    expect(failure).toMatchObject({ code: 'IdempotentParameterMismatch', statusCode: 400 });
  });

  it('scopes tokens to the action and the group', async () => {
    const a = await groupId('empty-sandbox');
    const b = await groupId('svc-orders');
    await client.authorizeSecurityGroup(req.authorize(a, [ssh], { clientToken: 'shared' }));
    await client.authorizeSecurityGroup(req.authorize(b, [ssh], { clientToken: 'shared' }));
    await client.authorizeSecurityGroupEgress(
      req.authorizeEgress(
        a,
        [{ ipProtocol: 'tcp', portRange: '22/22', destCidrIp: '192.0.2.0/24' }],
        { clientToken: 'shared' },
      ),
    );
    expect(rulesOf(a)).toHaveLength(2);
    expect(rulesOf(b).filter((r) => r.Description === 'ssh')).toHaveLength(1);
  });
});
