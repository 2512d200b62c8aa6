import { createEcsEmulator, type EcsEmulator } from '../../src/mocks/emulator';
import { useEmulator } from './harness';
import { Ecs, req } from './sdk';

const { client, groupId, emulator } = useEmulator();

const snapshot = async (e: EcsEmulator) => {
  const answer = await e.handle({
    action: 'DescribeSecurityGroups',
    host: 'h',
    params: { RegionId: 'cn-hangzhou', MaxResults: '100' },
  });
  const groups = (
    answer.body as { SecurityGroups: { SecurityGroup: Array<{ SecurityGroupId: string }> } }
  ).SecurityGroups.SecurityGroup;
  return groups.map((g) => [
    g.SecurityGroupId,
    e.listRules('cn-hangzhou', g.SecurityGroupId).map((r) => r.SecurityGroupRuleId),
  ]);
};

describe('demo seed', () => {
  it('is deterministic: same seed, same group and rule IDs, also for rules added after a reset', async () => {
    const a = createEcsEmulator();
    const b = createEcsEmulator();
    expect(await snapshot(a)).toEqual(await snapshot(b));
    const add = (e: EcsEmulator) =>
      e.handle({
        action: 'AuthorizeSecurityGroup',
        host: 'h',
        params: {
          RegionId: 'cn-hangzhou',
          SecurityGroupId: 'sg-x',
          'Permissions.1.IpProtocol': 'ALL',
        },
      });
    await add(a);
    a.reset();
    expect(await snapshot(a)).toEqual(await snapshot(b));
  });

  it('has three or more regions, with groups outside cn-hangzhou too', async () => {
    const regions =
      (await client.describeRegions(new Ecs.DescribeRegionsRequest({}))).body?.regions?.region ??
      [];
    expect(regions.length).toBeGreaterThanOrEqual(3);
    for (const regionId of ['cn-shanghai', 'ap-southeast-1']) {
      const res = await client.describeSecurityGroups(req.groups({ regionId }));
      expect(res.body?.securityGroups?.securityGroup?.length).toBeGreaterThan(0);
    }
  });

  it('holds the situations the console is built for', async () => {
    const all =
      (await client.describeSecurityGroups(req.groups({ maxResults: 100 }))).body?.securityGroups
        ?.securityGroup ?? [];
    expect(all.length).toBeGreaterThanOrEqual(25);
    const rules = async (name: string) => emulator.listRules('cn-hangzhou', await groupId(name));
    expect(await rules('legacy-monolith')).toHaveLength(200);
    expect((await rules('mesh-prod')).filter((r) => r.SourceGroupId)).toHaveLength(20);
    expect((await rules('web-prod-backup-20261120')).some((r) => r.Priority === '110')).toBe(true);
    expect((await rules('db-prod')).some((r) => r.Priority === '110')).toBe(true);
    expect(
      (await rules('bastion-prod')).some(
        (r) => r.SourcePrefixListName === 'ops-ipv6' && r.Ipv6SourceCidrIp === '',
      ),
    ).toBe(true);
    expect((await rules('ipv6-edge')).some((r) => r.IpProtocol === 'ICMPv6')).toBe(true);
    expect(all.find((g) => g.securityGroupName === 'enterprise-core')?.securityGroupType).toBe(
      'enterprise',
    );
    expect(new Set(all.map((g) => g.vpcId)).size).toBe(3); // prod, staging and classic ('')
  });

  it('makes web-prod differ meaningfully from its backup', async () => {
    const key = (r: {
      Direction: string;
      IpProtocol: string;
      PortRange: string;
      SourceCidrIp: string;
      DestCidrIp: string;
      Policy: string;
    }) =>
      `${r.Direction} ${r.IpProtocol} ${r.PortRange} ${r.SourceCidrIp}${r.DestCidrIp} ${r.Policy}`;
    const live = emulator.listRules('cn-hangzhou', await groupId('web-prod'));
    const backup = emulator.listRules('cn-hangzhou', await groupId('web-prod-backup-20261120'));
    const liveKeys = new Set(live.map(key));
    const backupKeys = new Set(backup.map(key));
    expect(
      backupKeys.has('ingress TCP 443/443 0.0.0.0/0 Accept') &&
        !liveKeys.has('ingress TCP 443/443 0.0.0.0/0 Accept'),
    ).toBe(true);
    expect(
      liveKeys.has('ingress TCP 22/22 0.0.0.0/0 Accept') &&
        !backupKeys.has('ingress TCP 22/22 0.0.0.0/0 Accept'),
    ).toBe(true);
    expect(
      backupKeys.has('egress TCP 25/25 0.0.0.0/0 Drop') &&
        !liveKeys.has('egress TCP 25/25 0.0.0.0/0 Drop'),
    ).toBe(true);
    const icmp = (list: typeof live) => list.find((r) => r.IpProtocol === 'ICMP')?.Priority;
    expect([icmp(live), icmp(backup)]).toEqual(['20', '10']);
    const health = (list: typeof live) =>
      list.find((r) => r.PortRange === '8080/8080')?.Description;
    expect(health(live)).not.toBe(health(backup));
    expect(backup.find((r) => r.Ipv6SourceCidrIp)?.Ipv6SourceCidrIp).toBe('::0/0');
  });

  it('puts instances and ENIs on the demo groups, and a destination past the reference limit', async () => {
    const web = await groupId('web-prod');
    const instances =
      (
        await client.describeInstances(
          new Ecs.DescribeInstancesRequest({
            regionId: 'cn-hangzhou',
            securityGroupId: web,
            maxResults: 100,
          }),
        )
      ).body?.instances?.instance ?? [];
    expect([instances.length, instances.filter((i) => i.status === 'Running').length]).toEqual([
      6, 4,
    ]);
    const enis =
      (
        await client.describeNetworkInterfaces(
          new Ecs.DescribeNetworkInterfacesRequest({
            regionId: 'cn-hangzhou',
            securityGroupId: web,
          }),
        )
      ).body?.networkInterfaceSets?.networkInterfaceSet ?? [];
    expect(enis).toHaveLength(2);
    const next = emulator.listRules('cn-hangzhou', await groupId('mesh-prod-next'));
    expect(next.filter((r) => r.SourceGroupId)).toHaveLength(24);
    const vpcOf = async (name: string) =>
      (await client.describeSecurityGroups(req.groups({ securityGroupName: name }))).body
        ?.securityGroups?.securityGroup?.[0]?.vpcId;
    expect(await vpcOf('mesh-prod-next')).toBe(await vpcOf('mesh-prod'));
  });

  it("'empty' keeps the regions but no groups", async () => {
    const empty = createEcsEmulator({ seed: 'empty' });
    const answer = await empty.handle({
      action: 'DescribeSecurityGroups',
      host: 'h',
      params: { RegionId: 'cn-hangzhou' },
    });
    expect(answer.body).toMatchObject({ TotalCount: 0 });
    const id = empty.addGroup('cn-hangzhou', { name: 'fresh' });
    empty.addRules('cn-hangzhou', id, 'egress', [
      { IpProtocol: 'tcp', PortRange: '443/443', DestCidrIp: '0.0.0.0/0', Policy: 'drop' },
    ]);
    expect(empty.listRules('cn-hangzhou', id)).toEqual([
      expect.objectContaining({
        Direction: 'egress',
        IpProtocol: 'TCP',
        Policy: 'Drop',
        DestCidrIp: '0.0.0.0/0',
        NicType: 'intranet',
      }),
    ]);
  });
});
