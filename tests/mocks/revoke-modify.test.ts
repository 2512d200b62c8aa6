import { createEcsEmulator } from '../../src/mocks/emulator';
import { useEmulator } from './harness';
import { Ecs, failureOf } from './sdk';

const { emulator, client, groupId } = useEmulator();
const rulesOf = (id: string) => emulator.listRules('cn-hangzhou', id);
const region = { regionId: 'cn-hangzhou' };

describe('RevokeSecurityGroup(Egress)', () => {
  it('removes rules by ID in each direction', async () => {
    const id = await groupId('web-prod');
    const [inbound] = rulesOf(id).filter((r) => r.Direction === 'ingress');
    const [outbound] = rulesOf(id).filter((r) => r.Direction === 'egress');
    await client.revokeSecurityGroup(
      new Ecs.RevokeSecurityGroupRequest({
        ...region,
        securityGroupId: id,
        securityGroupRuleId: [inbound?.SecurityGroupRuleId],
      }),
    );
    await client.revokeSecurityGroupEgress(
      new Ecs.RevokeSecurityGroupEgressRequest({
        ...region,
        securityGroupId: id,
        securityGroupRuleId: [outbound?.SecurityGroupRuleId],
      }),
    );
    expect(rulesOf(id).map((r) => r.SecurityGroupRuleId)).not.toContain(
      inbound?.SecurityGroupRuleId,
    );
    expect(rulesOf(id).filter((r) => r.Direction === 'egress')).toHaveLength(0);
  });

  it('answers the direction-specific error for an unknown rule ID and removes nothing', async () => {
    const id = await groupId('web-prod');
    const real = rulesOf(id)[0]?.SecurityGroupRuleId;
    const ingress = await failureOf(
      client.revokeSecurityGroup(
        new Ecs.RevokeSecurityGroupRequest({
          ...region,
          securityGroupId: id,
          securityGroupRuleId: [real, 'sgr-bpgone'],
        }),
      ),
    );
    expect(ingress).toMatchObject({ code: 'InvalidParam.SecurityGroupRuleId', statusCode: 400 });
    // An ingress rule's ID is not an egress rule.
    const egress = await failureOf(
      client.revokeSecurityGroupEgress(
        new Ecs.RevokeSecurityGroupEgressRequest({
          ...region,
          securityGroupId: id,
          securityGroupRuleId: [real],
        }),
      ),
    );
    expect(egress).toMatchObject({
      code: 'InvalidSecurityGroupRule.RuleNotExist',
      statusCode: 400,
    });
    expect(rulesOf(id)).toHaveLength(9);
  });

  it('rejects repeated IDs, and IDs together with Permissions', async () => {
    const id = await groupId('web-prod');
    const real = rulesOf(id)[0]?.SecurityGroupRuleId;
    expect(
      await failureOf(
        client.revokeSecurityGroup(
          new Ecs.RevokeSecurityGroupRequest({
            ...region,
            securityGroupId: id,
            securityGroupRuleId: [real, real],
          }),
        ),
      ),
    ).toMatchObject({ code: 'InvalidParam.SecurityGroupRuleIdRepeated' });
    const both = new Ecs.RevokeSecurityGroupRequest({
      ...region,
      securityGroupId: id,
      securityGroupRuleId: [real],
      permissions: [
        new Ecs.RevokeSecurityGroupRequestPermissions({
          ipProtocol: 'tcp',
          portRange: '80/80',
          sourceCidrIp: '0.0.0.0/0',
        }),
      ],
    });
    expect(await failureOf(client.revokeSecurityGroup(both))).toMatchObject({
      code: 'InvalidParameter.Conflict',
      statusCode: 400,
    });
    expect(
      await failureOf(
        client.revokeSecurityGroup(
          new Ecs.RevokeSecurityGroupRequest({ ...region, securityGroupId: id }),
        ),
      ),
    ).toMatchObject({ code: 'MissingParameter' });
    expect(rulesOf(id)).toHaveLength(9);
  });

  it('removes by tuple (any spelling of the same rule); a tuple that matches nothing succeeds', async () => {
    const id = await groupId('web-prod');
    const tuple = (p: Record<string, string>) =>
      new Ecs.RevokeSecurityGroupRequest({
        ...region,
        securityGroupId: id,
        permissions: [new Ecs.RevokeSecurityGroupRequestPermissions(p)],
      });
    await client.revokeSecurityGroup(
      tuple({
        ipProtocol: 'TCP',
        portRange: '80/80',
        sourceCidrIp: '0.0.0.0/0',
        policy: 'Accept',
        priority: '50',
      }),
    );
    expect(rulesOf(id).some((r) => r.PortRange === '80/80')).toBe(false);
    const res = await client.revokeSecurityGroup(
      tuple({ ipProtocol: 'udp', portRange: '1/1', sourceCidrIp: '198.51.100.7' }),
    );
    expect(res.statusCode).toBe(200);
    expect(rulesOf(id)).toHaveLength(8);
  });

  it('with priorityIsIdentity, a tuple that names a priority only removes that priority', async () => {
    const strict = createEcsEmulator({ priorityIsIdentity: true });
    const id = await groupId('web-prod');
    const params = {
      RegionId: 'cn-hangzhou',
      SecurityGroupId: id,
      'Permissions.1.IpProtocol': 'ICMP',
      'Permissions.1.SourceCidrIp': '10.0.0.0/8',
      'Permissions.1.Priority': '1',
    };
    await strict.handle({ action: 'RevokeSecurityGroup', host: 'h', params });
    expect(strict.listRules('cn-hangzhou', id)).toHaveLength(9);
    await strict.handle({
      action: 'RevokeSecurityGroup',
      host: 'h',
      params: { ...params, 'Permissions.1.Priority': '20' },
    });
    expect(strict.listRules('cn-hangzhou', id)).toHaveLength(8);
  });

  it('refuses service-managed groups', async () => {
    const id = await groupId('k8s-managed-sg');
    const ruleId = rulesOf(id)[0]?.SecurityGroupRuleId;
    expect(
      await failureOf(
        client.revokeSecurityGroup(
          new Ecs.RevokeSecurityGroupRequest({
            ...region,
            securityGroupId: id,
            securityGroupRuleId: [ruleId],
          }),
        ),
      ),
    ).toMatchObject({ code: 'InvalidOperation.ResourceManagedByCloudProduct', statusCode: 403 });
  });
});

describe('ModifySecurityGroupRule / ModifySecurityGroupEgressRule', () => {
  const icmpRule = (id: string) => rulesOf(id).find((r) => r.IpProtocol === 'ICMP');

  it('changes priority, description, policy, ports, protocol and the peer in place, keeping the ID', async () => {
    const id = await groupId('web-prod');
    const rule = icmpRule(id);
    await client.modifySecurityGroupRule(
      new Ecs.ModifySecurityGroupRuleRequest({
        ...region,
        securityGroupId: id,
        securityGroupRuleId: rule?.SecurityGroupRuleId,
        priority: '10',
        description: 'ping, restored',
      }),
    );
    expect(icmpRule(id)).toMatchObject({
      SecurityGroupRuleId: rule?.SecurityGroupRuleId,
      Priority: '10',
      Description: 'ping, restored',
      CreateTime: rule?.CreateTime,
    });
    await client.modifySecurityGroupRule(
      new Ecs.ModifySecurityGroupRuleRequest({
        ...region,
        securityGroupId: id,
        securityGroupRuleId: rule?.SecurityGroupRuleId,
        ipProtocol: 'tcp',
        portRange: '8443/8443',
        sourceCidrIp: '172.16.0.0/12',
        policy: 'drop',
      }),
    );
    expect(
      rulesOf(id).find((r) => r.SecurityGroupRuleId === rule?.SecurityGroupRuleId),
    ).toMatchObject({
      IpProtocol: 'TCP',
      PortRange: '8443/8443',
      SourceCidrIp: '172.16.0.0/12',
      Policy: 'Drop',
    });
    const egress = rulesOf(id).find((r) => r.Direction === 'egress');
    await client.modifySecurityGroupEgressRule(
      new Ecs.ModifySecurityGroupEgressRuleRequest({
        ...region,
        securityGroupId: id,
        securityGroupRuleId: egress?.SecurityGroupRuleId,
        destCidrIp: '10.0.0.0/8',
      }),
    );
    expect(rulesOf(id).find((r) => r.Direction === 'egress')).toMatchObject({
      DestCidrIp: '10.0.0.0/8',
      IpProtocol: 'ALL',
    });
  });

  it('cannot change the kind of peer, the NIC type, or empty a field', async () => {
    const id = await groupId('web-prod');
    const ruleId = icmpRule(id)?.SecurityGroupRuleId;
    const modify = (p: Record<string, string>) =>
      client.modifySecurityGroupRule(
        new Ecs.ModifySecurityGroupRuleRequest({
          ...region,
          securityGroupId: id,
          securityGroupRuleId: ruleId,
          ...p,
        }),
      );
    expect(await failureOf(modify({ sourceGroupId: await groupId('app-prod') }))).toMatchObject({
      code: 'InvalidParam.AuthorizationObject',
      statusCode: 400,
    });
    expect(await failureOf(modify({ nicType: 'internet' }))).toMatchObject({
      code: 'InvalidParam.NicType',
      statusCode: 400,
    });
    expect(await failureOf(modify({ description: '' }))).toMatchObject({
      code: 'InvalidParam.EmptyValue',
      statusCode: 400,
    });
    expect(await failureOf(modify({ priority: '110' }))).toMatchObject({
      code: 'InvalidPriority.ValueNotSupported',
    });
    expect(
      await failureOf(modify({ sourceCidrIp: '0.0.0.0/0', ipProtocol: 'tcp', portRange: '80/80' })),
    ).toMatchObject({ code: 'InvalidParam.DuplicatePermissions' });
    expect(icmpRule(id)).toMatchObject({ Priority: '20', Description: 'ping from the VPC' });
  });

  it('answers the Revoke not-found codes for an unknown rule ID', async () => {
    const id = await groupId('web-prod');
    expect(
      await failureOf(
        client.modifySecurityGroupRule(
          new Ecs.ModifySecurityGroupRuleRequest({
            ...region,
            securityGroupId: id,
            securityGroupRuleId: 'sgr-bpgone',
            priority: '2',
          }),
        ),
      ),
    ).toMatchObject({ code: 'InvalidParam.SecurityGroupRuleId' });
    expect(
      await failureOf(
        client.modifySecurityGroupEgressRule(
          new Ecs.ModifySecurityGroupEgressRuleRequest({
            ...region,
            securityGroupId: id,
            securityGroupRuleId: 'sgr-bpgone',
            priority: '2',
          }),
        ),
      ),
    ).toMatchObject({ code: 'InvalidSecurityGroupRule.RuleNotExist' });
  });

  it('is idempotent under a ClientToken', async () => {
    const id = await groupId('web-prod');
    const ruleId = icmpRule(id)?.SecurityGroupRuleId;
    const call = (priority: string) =>
      client.modifySecurityGroupRule(
        new Ecs.ModifySecurityGroupRuleRequest({
          ...region,
          securityGroupId: id,
          securityGroupRuleId: ruleId,
          priority,
          clientToken: 'm-1',
        }),
      );
    const first = await call('10');
    emulator.addRules('cn-hangzhou', id, 'ingress', [
      { IpProtocol: 'ALL', SourceCidrIp: '100.100.0.0/16', Priority: '110' },
    ]);
    expect((await call('10')).body?.requestId).toBe(first.body?.requestId);
    expect(await failureOf(call('30'))).toMatchObject({ code: 'IdempotentParameterMismatch' });
    expect(rulesOf(id).find((r) => r.Priority === '110')).toMatchObject({
      SourceCidrIp: '100.100.0.0/16',
      NicType: 'intranet',
    });
  });
});
