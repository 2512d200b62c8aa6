/** Every limit the emulator enforces, through the SDK: one call at the limit, one past it. */
import { useEmulator } from './harness';
import { Ecs, failureOf, req } from './sdk';

const { emulator, client, groupId } = useEmulator();
const regionId = 'cn-hangzhou';
const rulesOf = (id: string) => emulator.listRules(regionId, id);
const cidrRule = (port: number) => ({
  ipProtocol: 'tcp',
  portRange: `${port}/${port}`,
  sourceCidrIp: '192.0.2.0/24',
});
const authorize = (id: string, permissions: Array<Record<string, string>>) =>
  client.authorizeSecurityGroup(req.authorize(id, permissions));

describe('rules per group (inbound + outbound, ruleLimit 200)', () => {
  it('takes the 200th rule and refuses the 201st with AuthorizationLimitExceed', async () => {
    const id = await groupId('legacy-monolith');
    const egress = rulesOf(id).find((r) => r.Direction === 'egress');
    await client.revokeSecurityGroupEgress(
      new Ecs.RevokeSecurityGroupEgressRequest({
        regionId,
        securityGroupId: id,
        securityGroupRuleId: [egress?.SecurityGroupRuleId ?? ''],
      }),
    );
    expect((await authorize(id, [cidrRule(1)])).statusCode).toBe(200);
    expect(rulesOf(id)).toHaveLength(200);
    expect(await failureOf(authorize(id, [cidrRule(2)]))).toMatchObject({
      code: 'AuthorizationLimitExceed',
      statusCode: 403,
    });
    expect(rulesOf(id)).toHaveLength(200);
  });

  it('applies nothing of a call that would pass the limit, even the rules that would fit', async () => {
    const id = await groupId('legacy-monolith');
    const ingress = rulesOf(id).find((r) => r.Direction === 'ingress');
    await client.revokeSecurityGroup(
      new Ecs.RevokeSecurityGroupRequest({
        regionId,
        securityGroupId: id,
        securityGroupRuleId: [ingress?.SecurityGroupRuleId ?? ''],
      }),
    );
    const before = rulesOf(id);
    expect(await failureOf(authorize(id, [cidrRule(1), cidrRule(2)]))).toMatchObject({
      code: 'AuthorizationLimitExceed',
    });
    expect(rulesOf(id)).toEqual(before);
  });
});

describe('group references in a basic group (at most 20)', () => {
  it('takes the 20th reference and refuses the 21st, counting both directions', async () => {
    const id = await groupId('mesh-prod');
    const app = await groupId('app-prod');
    const first = rulesOf(id)[0];
    await client.revokeSecurityGroup(
      new Ecs.RevokeSecurityGroupRequest({
        regionId,
        securityGroupId: id,
        securityGroupRuleId: [first?.SecurityGroupRuleId ?? ''],
      }),
    );
    await client.authorizeSecurityGroupEgress(
      req.authorizeEgress(id, [{ ipProtocol: 'tcp', portRange: '9000/9000', destGroupId: app }]),
    );
    expect(rulesOf(id).filter((r) => r.SourceGroupId || r.DestGroupId)).toHaveLength(20);
    expect(
      await failureOf(
        authorize(id, [{ ipProtocol: 'tcp', portRange: '9001/9001', sourceGroupId: app }]),
      ),
    ).toMatchObject({ code: 'AuthorizedGroupRule.LimitExceed', statusCode: 403 });
  });

  it('refuses group references in an advanced group with InvalidGroupAuthParameter, Drop with InvalidGroupParameter', async () => {
    const id = await groupId('enterprise-core');
    expect(
      await failureOf(
        authorize(id, [
          { ipProtocol: 'tcp', portRange: '1/1', sourceGroupId: await groupId('app-prod') },
        ]),
      ),
    ).toMatchObject({ code: 'InvalidGroupAuthParameter.OperationDenied', statusCode: 403 });
    expect(await failureOf(authorize(id, [{ ...cidrRule(1), policy: 'drop' }]))).toMatchObject({
      code: 'InvalidGroupParameter.OperationDenied',
      statusCode: 403,
    });
    expect((await authorize(id, [{ ...cidrRule(1), policy: 'accept' }])).statusCode).toBe(200);
  });
});

describe('field limits', () => {
  it('takes priorities 1 and 100 and refuses 0 and 101', async () => {
    const id = await groupId('empty-sandbox');
    expect(
      (
        await authorize(id, [
          { ...cidrRule(1), priority: '1' },
          { ...cidrRule(2), priority: '100' },
        ])
      ).statusCode,
    ).toBe(200);
    for (const priority of ['0', '101'])
      expect(await failureOf(authorize(id, [{ ...cidrRule(3), priority }]))).toMatchObject({
        code: expect.stringMatching(/^InvalidPriority\./),
        statusCode: 400,
      });
    expect(await failureOf(authorize(id, [{ ...cidrRule(3), priority: '1.5' }]))).toMatchObject({
      code: 'InvalidPriority.Malformed',
    });
  });

  it('takes a 512-character description and refuses 513', async () => {
    const id = await groupId('empty-sandbox');
    expect(
      (await authorize(id, [{ ...cidrRule(1), description: 'd'.repeat(512) }])).statusCode,
    ).toBe(200);
    expect(
      await failureOf(authorize(id, [{ ...cidrRule(2), description: 'd'.repeat(513) }])),
    ).toMatchObject({
      code: 'InvalidDescription.Malformed',
      statusCode: 400,
    });
  });

  it('takes TCP 1/65535 and ICMP -1/-1, refuses TCP and UDP -1/-1 and ports outside 1–65535', async () => {
    const id = await groupId('empty-sandbox');
    expect(
      (
        await authorize(id, [
          { ipProtocol: 'tcp', portRange: '1/65535', sourceCidrIp: '10.0.0.0/8' },
          { ipProtocol: 'icmp', portRange: '-1/-1', sourceCidrIp: '10.0.0.0/8' },
        ])
      ).statusCode,
    ).toBe(200);
    const bad: Array<[string, string]> = [
      ['tcp', '-1/-1'],
      ['udp', '-1/-1'],
      ['tcp', '0/80'],
      ['tcp', '1/65536'],
      ['udp', '90/80'],
      ['tcp', ''],
    ];
    for (const [ipProtocol, portRange] of bad)
      expect(
        await failureOf(authorize(id, [{ ipProtocol, portRange, sourceCidrIp: '10.0.0.0/8' }])),
      ).toMatchObject({ code: 'InvalidPortRange.Malformed', statusCode: 400 });
  });
});

describe('port range lists', () => {
  const listId = async () =>
    rulesOf(await groupId('bastion-prod')).find((r) => r.PortRangeListId)?.PortRangeListId ?? '';

  it('takes a TCP rule with PortRangeListId and no PortRange, and keeps the list', async () => {
    const id = await groupId('empty-sandbox');
    const portRangeListId = await listId();
    await authorize(id, [{ ipProtocol: 'tcp', portRangeListId, sourceCidrIp: '10.0.0.0/8' }]);
    expect(rulesOf(id)[0]).toMatchObject({ PortRangeListId: portRangeListId, PortRange: '-1/-1' });
  });

  it('ignores the list when PortRange is given, so -1/-1 with a list is refused', async () => {
    const id = await groupId('empty-sandbox');
    const portRangeListId = await listId();
    expect(
      await failureOf(
        authorize(id, [
          { ipProtocol: 'tcp', portRange: '-1/-1', portRangeListId, sourceCidrIp: '10.0.0.0/8' },
        ]),
      ),
    ).toMatchObject({ code: 'InvalidPortRange.Malformed', statusCode: 400 });
    await authorize(id, [
      { ipProtocol: 'tcp', portRange: '80/80', portRangeListId, sourceCidrIp: '10.0.0.0/8' },
    ]);
    expect(rulesOf(id)[0]).toMatchObject({ PortRange: '80/80', PortRangeListId: '' });
  });

  it('refuses a port range list on a classic group, and an unknown list', async () => {
    const classic = await groupId('classic-legacy');
    expect(
      await failureOf(
        authorize(classic, [
          { ipProtocol: 'tcp', portRangeListId: await listId(), sourceCidrIp: '10.0.0.0/8' },
        ]),
      ),
    ).toMatchObject({ code: 'InvalidPortRangeListId.ClassicNetworkNotSupported', statusCode: 403 });
    expect(
      await failureOf(
        authorize(await groupId('empty-sandbox'), [
          { ipProtocol: 'tcp', portRangeListId: 'prl-bp0000000000', sourceCidrIp: '10.0.0.0/8' },
        ]),
      ),
    ).toMatchObject({ code: 'InvalidPortRangeListId.NotFound', statusCode: 404 });
  });

  it('modifies a rule with a port range list in place, and revokes it by its list', async () => {
    const id = await groupId('bastion-prod');
    const rule = rulesOf(id).find((r) => r.PortRangeListId);
    await client.modifySecurityGroupRule(
      new Ecs.ModifySecurityGroupRuleRequest({
        regionId,
        securityGroupId: id,
        securityGroupRuleId: rule?.SecurityGroupRuleId,
        priority: '5',
      }),
    );
    expect(rulesOf(id).find((r) => r.PortRangeListId)).toMatchObject({
      Priority: '5',
      PortRange: '-1/-1',
    });
    await client.revokeSecurityGroup(
      new Ecs.RevokeSecurityGroupRequest({
        regionId,
        securityGroupId: id,
        permissions: [
          new Ecs.RevokeSecurityGroupRequestPermissions({
            ipProtocol: 'tcp',
            portRangeListId: rule?.PortRangeListId,
            sourceCidrIp: rule?.SourceCidrIp,
          }),
        ],
      }),
    );
    expect(rulesOf(id).some((r) => r.PortRangeListId)).toBe(false);
  });
});

describe('service-managed groups', () => {
  it('refuse Modify with InvalidOperation.ResourceManagedByCloudProduct', async () => {
    const id = await groupId('k8s-managed-sg');
    const rule = rulesOf(id)[0];
    expect(
      await failureOf(
        client.modifySecurityGroupRule(
          new Ecs.ModifySecurityGroupRuleRequest({
            regionId,
            securityGroupId: id,
            securityGroupRuleId: rule?.SecurityGroupRuleId,
            description: 'changed',
          }),
        ),
      ),
    ).toMatchObject({ code: 'InvalidOperation.ResourceManagedByCloudProduct', statusCode: 403 });
    expect(rulesOf(id)[0]?.Description).toBe(rule?.Description);
  });
});
