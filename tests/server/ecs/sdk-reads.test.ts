import { ruleIdentity } from '../../../src/domain/normalize';
import { EcsError } from '../../../src/ecs/ecs-port';
import {
  allGroups,
  callsOf,
  groupId,
  interceptedUrls,
  makePort,
  REGION,
  useEmulator,
} from './harness';

const emulator = useEmulator();

describe('SDK adapter reads against the emulator', () => {
  it('describes regions in English and in Chinese', async () => {
    const { port } = makePort();
    const english = await port.describeRegions('en-US');
    expect(english.map((r) => r.regionId)).toEqual(
      expect.arrayContaining(['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1']),
    );
    expect(english.find((r) => r.regionId === 'cn-hangzhou')).toMatchObject({
      localName: 'China (Hangzhou)',
      status: 'available',
    });
    expect(english.find((r) => r.regionId === 'cn-wuhan-lr')?.status).toBe('soldOut');
    const chinese = await port.describeRegions('zh-CN');
    expect(chinese.find((r) => r.regionId === 'cn-hangzhou')?.localName).toBe('华东1（杭州）');
    expect(callsOf(emulator, 'DescribeRegions').map((c) => c.params.AcceptLanguage)).toEqual([
      'en-US',
      'zh-CN',
    ]);
  });

  it('pages DescribeSecurityGroups with MaxResults and NextToken', async () => {
    const { port } = makePort();
    const first = await port.describeSecurityGroups(REGION, {}, { maxResults: 10 });
    expect(first.groups).toHaveLength(10);
    expect(first.nextToken).not.toBe('');
    const everything = await allGroups(port, REGION, 10);
    const ids = everything.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(20);
    const listCalls = callsOf(emulator, 'DescribeSecurityGroups');
    expect(listCalls.every((c) => c.params.MaxResults === '10')).toBe(true);
    expect(listCalls.slice(1).filter((c) => c.params.NextToken).length).toBeGreaterThan(1);
    // One listing with the maximum page size holds the same groups.
    expect((await allGroups(port, REGION, 100)).map((g) => g.id).sort()).toEqual([...ids].sort());
  });

  it('filters groups by name and by VPC and maps the summary', async () => {
    const { port } = makePort();
    const byName = await port.describeSecurityGroups(REGION, { securityGroupName: 'web-prod' }, {});
    const web = byName.groups.find((g) => g.name === 'web-prod');
    expect(web).toMatchObject({
      regionId: REGION,
      type: 'normal',
      description: 'Public web tier',
      serviceManaged: false,
    });
    expect(web?.vpcId).toMatch(/^vpc-/);
    expect(web?.ruleCount).toBeGreaterThan(0);
    const inVpc = await port.describeSecurityGroups(
      REGION,
      { vpcId: web?.vpcId ?? '' },
      { maxResults: 100 },
    );
    expect(inVpc.groups.length).toBeGreaterThan(1);
    expect(inVpc.groups.every((g) => g.vpcId === web?.vpcId)).toBe(true);
    const byId = await port.describeSecurityGroups(REGION, { securityGroupId: web?.id ?? '' }, {});
    expect(byId.groups.map((g) => g.id)).toEqual([web?.id]);
    const managed = await port.describeSecurityGroups(
      REGION,
      { securityGroupName: 'k8s-managed-sg' },
      {},
    );
    expect(managed.groups[0]?.serviceManaged).toBe(true);
  });

  it('describes a group: attributes and every rule of both directions, normalized', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'web-prod');
    const detail = await port.describeGroup(REGION, id);
    expect(detail.group).toMatchObject({ id, name: 'web-prod', regionId: REGION, type: 'normal' });
    expect(detail.group.vpcId).toMatch(/^vpc-/);
    expect(detail.group.description).toBe('Public web tier');
    expect(detail.innerAccessPolicy).toBe('Accept');
    expect(detail.rules).toHaveLength(emulator.listRules(REGION, id).length);
    // The summary the listing gave, with the rule count of the rules just read.
    const [listed] = (await port.describeSecurityGroups(REGION, { securityGroupId: id }, {}))
      .groups;
    expect(detail.group).toEqual({ ...listed, ruleCount: detail.rules.length });
    expect(new Set(detail.rules.map((r) => r.direction))).toEqual(new Set(['ingress', 'egress']));
    expect(
      detail.rules.every((r) => r.meta.ruleId?.startsWith('sgr-') && r.nicType === 'intranet'),
    ).toBe(true);
    const prefixList = detail.rules.find((r) => r.peer.kind === 'prefixList');
    expect(prefixList?.meta.peerName).toBeTruthy();
    const reference = detail.rules.find((r) => r.peer.kind === 'group');
    expect(reference?.peer).toMatchObject({ kind: 'group' });
    expect(reference?.meta.peerName).toBe('app-prod');
    expect(detail.rules.find((r) => r.peer.kind === 'ipv6')?.peer).toEqual({
      kind: 'ipv6',
      cidr: '::/0',
    });
    const attributeCalls = callsOf(emulator, 'DescribeSecurityGroupAttribute');
    expect(attributeCalls).toHaveLength(1);
    expect(attributeCalls[0]?.params).toMatchObject({
      Direction: 'all',
      MaxResults: '1000',
      SecurityGroupId: id,
    });
    expect(attributeCalls[0]?.params.NicType).toBe('intranet');
  });

  it('sees the backup clone and the live group as the same rule despite ::0/0 vs ::/0', async () => {
    const { port } = makePort();
    const live = await port.describeGroup(REGION, await groupId(port, 'web-prod'));
    const backup = await port.describeGroup(
      REGION,
      await groupId(port, 'web-prod-backup-20261120'),
    );
    const ipv6 = (rules: typeof live.rules) =>
      rules.filter((r) => r.peer.kind === 'ipv6').map(ruleIdentity);
    expect(ipv6(live.rules)).toEqual(ipv6(backup.rules));
    expect(backup.rules.some((r) => r.priority === 110)).toBe(true);
  });

  it('follows NextToken across pages of rules (the 200-rule group, 50 per page)', async () => {
    const { port } = makePort({ maxResultsPerPage: 50 });
    const id = await groupId(port, 'legacy-monolith');
    const detail = await port.describeGroup(REGION, id);
    expect(detail.rules).toHaveLength(200);
    expect(new Set(detail.rules.map((r) => r.meta.ruleId)).size).toBe(200);
    expect(detail.rules.filter((r) => r.direction === 'egress')).toHaveLength(50);
    const pages = callsOf(emulator, 'DescribeSecurityGroupAttribute');
    expect(pages).toHaveLength(4);
    expect(pages.map((c) => c.params.MaxResults)).toEqual(['50', '50', '50', '50']);
    expect(pages[0]?.params.NextToken).toBeUndefined();
    expect(pages.slice(1).every((c) => c.params.NextToken)).toBe(true);
  });

  it('reads both NIC types of a classic group and merges them', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'classic-legacy');
    const detail = await port.describeGroup(REGION, id);
    expect(detail.group.vpcId).toBe('');
    expect(detail.rules).toHaveLength(emulator.listRules(REGION, id).length);
    const nicTypes = detail.rules.map((r) => `${r.direction}:${r.nicType}`);
    expect(nicTypes).toEqual(
      expect.arrayContaining([
        'ingress:internet',
        'ingress:intranet',
        'egress:internet',
        'egress:intranet',
      ]),
    );
    const outbound = detail.rules.filter((r) => r.direction === 'egress');
    expect(outbound).toHaveLength(2);
    expect(new Set(outbound.map(ruleIdentity)).size).toBe(2);
    const nicParams = callsOf(emulator, 'DescribeSecurityGroupAttribute').map(
      (c) => c.params.NicType,
    );
    expect(nicParams).toEqual(['internet', 'intranet']);
  });

  it('reads an advanced group as enterprise', async () => {
    const { port } = makePort();
    const detail = await port.describeGroup(REGION, await groupId(port, 'enterprise-core'));
    expect(detail.group.type).toBe('enterprise');
  });

  it('refuses to read a group holding a rule it cannot normalize, naming the rule', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'empty-sandbox');
    emulator.addRules(REGION, id, 'ingress', [
      { IpProtocol: 'TCP', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' },
    ]);
    emulator.addRules(REGION, id, 'ingress', [
      { IpProtocol: 'SCTP', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' },
    ]);
    const badId = emulator.listRules(REGION, id)[1]?.SecurityGroupRuleId ?? '';
    const error = await port.describeGroup(REGION, id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcsError);
    expect(error).toMatchObject({ code: 'UnsupportedRule', retryable: false });
    expect((error as EcsError).message).toContain(badId);
    expect((error as EcsError).message).toContain('protocol');
  });

  it('reports an unknown group and an unknown region with the ECS code, status and RequestId', async () => {
    const { port } = makePort();
    const missing = await port
      .describeGroup(REGION, 'sg-bp1doesnotexist00')
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({
      code: 'InvalidSecurityGroupId.NotFound',
      httpStatus: 404,
      retryable: false,
    });
    expect((missing as EcsError).requestId).toBeTruthy();
    const region = await port
      .describeSecurityGroups('xx-nowhere-1', {}, {})
      .catch((e: unknown) => e);
    expect(region).toMatchObject({
      code: 'InvalidRegionId.NotFound',
      httpStatus: 404,
      retryable: false,
    });
  });

  it('uses one regional endpoint per region, or the ECS_ENDPOINT override with its scheme', async () => {
    const { port } = makePort();
    await port.describeSecurityGroups('cn-hangzhou', {}, {});
    await port.describeSecurityGroups('cn-shanghai', {}, {});
    expect(interceptedUrls.map((url) => new URL(url).origin)).toEqual([
      'https://ecs-cn-hangzhou.aliyuncs.com',
      'https://ecs.cn-shanghai.aliyuncs.com',
    ]);
    interceptedUrls.length = 0;
    const overridden = makePort({ endpoint: 'http://ecs-vpc.emulator.aliyuncs.com:9100' }).port;
    await overridden.describeSecurityGroups('cn-shanghai', {}, { maxResults: 10 });
    await overridden.describeRegions();
    expect(interceptedUrls.map((url) => new URL(url).origin)).toEqual([
      'http://ecs-vpc.emulator.aliyuncs.com:9100',
      'http://ecs-vpc.emulator.aliyuncs.com:9100',
    ]);
  });

  it('reports a group deleted between the listing and the attribute read', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'svc-orders');
    emulator.deleteGroup(REGION, id);
    await expect(port.describeGroup(REGION, id)).rejects.toMatchObject({
      code: 'InvalidSecurityGroupId.NotFound',
      httpStatus: 404,
    });
  });
});
