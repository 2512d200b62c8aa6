import { useEmulator } from './harness';
import { Ecs, ecsClient, failureOf, req } from './sdk';

const { emulator, client, groupId } = useEmulator();

describe('DescribeRegions', () => {
  it('lists regions with Chinese local names by default and English ones on request', async () => {
    const zh = await client.describeRegions(new Ecs.DescribeRegionsRequest({}));
    const en = await client.describeRegions(
      new Ecs.DescribeRegionsRequest({ acceptLanguage: 'en-US' }),
    );
    const byId = (list: typeof zh) =>
      new Map((list.body?.regions?.region ?? []).map((r) => [r.regionId, r]));
    expect(byId(zh).get('cn-hangzhou')?.localName).toBe('华东1（杭州）');
    expect(byId(en).get('cn-hangzhou')).toMatchObject({
      localName: 'China (Hangzhou)',
      regionEndpoint: 'ecs.aliyuncs.com',
      status: 'available',
    });
    expect(byId(en).get('ap-southeast-1')?.localName).toBe('Singapore');
    expect([...byId(en).values()].some((r) => r.status === 'soldOut')).toBe(true);
    expect(zh.body?.requestId).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/,
    );
  });
});

describe('DescribeSecurityGroups', () => {
  it('returns every documented field, VpcId empty for classic groups', async () => {
    const res = await client.describeSecurityGroups(req.groups({ maxResults: 100 }));
    const groups = res.body?.securityGroups?.securityGroup ?? [];
    const web = groups.find((g) => g.securityGroupName === 'web-prod');
    expect(web).toMatchObject({
      securityGroupType: 'normal',
      description: 'Public web tier',
      serviceManaged: false,
      resourceGroupId: expect.stringMatching(/^rg-/),
    });
    expect(web?.securityGroupId).toMatch(/^sg-bp[a-z0-9]{18}$/);
    expect(web?.vpcId).toMatch(/^vpc-bp1/);
    expect(web?.creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(web?.ruleCount).toBe(9);
    expect(web?.groupToGroupRuleCount).toBe(1);
    expect(web?.tags?.tag).toContainEqual(
      expect.objectContaining({ tagKey: 'env', tagValue: 'prod' }),
    );
    expect(groups.find((g) => g.securityGroupName === 'classic-legacy')?.vpcId).toBe('');
    expect(groups.find((g) => g.securityGroupName === 'k8s-managed-sg')?.serviceManaged).toBe(true);
    expect(res.body?.totalCount).toBeUndefined();
  });

  it('pages with MaxResults and NextToken until the token is empty, without repeats', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const res = await client.describeSecurityGroups(
        req.groups({ maxResults: 10, ...(nextToken ? { nextToken } : {}) }),
      );
      seen.push(
        ...(res.body?.securityGroups?.securityGroup ?? []).map((g) => g.securityGroupId ?? ''),
      );
      nextToken = res.body?.nextToken || undefined;
      pages++;
    } while (nextToken);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeGreaterThanOrEqual(25);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('pages the legacy way with PageNumber/PageSize and TotalCount', async () => {
    const first = await client.describeSecurityGroups(req.groups({ pageNumber: 1, pageSize: 10 }));
    const third = await client.describeSecurityGroups(req.groups({ pageNumber: 3, pageSize: 10 }));
    expect(first.body?.totalCount).toBeGreaterThanOrEqual(25);
    expect(first.body?.securityGroups?.securityGroup).toHaveLength(10);
    expect(third.body).toMatchObject({ pageNumber: 3, pageSize: 10 });
    const failure = await failureOf(client.describeSecurityGroups(req.groups({ pageSize: 51 })));
    expect(failure).toMatchObject({ code: 'InvalidParameter.PageSize', statusCode: 400 });
  });

  it('rejects MaxResults over 100 and a NextToken from another query', async () => {
    expect(
      await failureOf(client.describeSecurityGroups(req.groups({ maxResults: 101 }))),
    ).toMatchObject({ code: 'InvalidParameter.MaxResults' });
    const page = await client.describeSecurityGroups(req.groups({ maxResults: 5 }));
    const failure = await failureOf(
      client.describeSecurityGroups(
        req.groups({ maxResults: 5, vpcId: 'vpc-other', nextToken: page.body?.nextToken }),
      ),
    );
    expect(failure).toMatchObject({ code: 'InvalidParameter.NextToken', statusCode: 400 });
  });

  it('filters by VpcId, NetworkType, SecurityGroupType, id, name, ids and tags', async () => {
    const names = async (p: Record<string, unknown>) =>
      (
        (await client.describeSecurityGroups(req.groups({ maxResults: 100, ...p }))).body
          ?.securityGroups?.securityGroup ?? []
      ).map((g) => g.securityGroupName);
    const webId = await groupId('web-prod');
    const all = await client.describeSecurityGroups(
      req.groups({ maxResults: 100, securityGroupId: webId }),
    );
    const vpcId = all.body?.securityGroups?.securityGroup?.[0]?.vpcId;
    expect(await names({ securityGroupId: webId })).toEqual(['web-prod']);
    expect(await names({ securityGroupName: 'web-prod' })).toEqual(['web-prod']);
    expect(await names({ securityGroupName: 'web-prod', fuzzyQuery: true })).toEqual([
      'web-prod-backup-20261120',
      'web-prod',
    ]);
    expect(await names({ networkType: 'classic' })).toEqual(
      expect.arrayContaining(['classic-legacy', 'classic-legacy-backup-20260301']),
    );
    expect(await names({ networkType: 'classic' })).toHaveLength(2);
    expect(await names({ securityGroupType: 'enterprise' })).toEqual(['enterprise-core']);
    const inVpc = await names({ vpcId });
    expect(inVpc).toContain('web-prod');
    expect(inVpc).not.toContain('web-staging');
    const appId = await groupId('app-prod');
    expect((await names({ securityGroupIds: JSON.stringify([webId, appId]) })).sort()).toEqual([
      'app-prod',
      'web-prod',
    ]);
    expect(
      await names({
        tag: [new Ecs.DescribeSecurityGroupsRequestTag({ key: 'backup', value: 'true' })],
      }),
    ).toEqual(['web-prod-backup-20261120']);
    expect(
      await failureOf(client.describeSecurityGroups(req.groups({ securityGroupIds: 'sg-1,sg-2' }))),
    ).toMatchObject({ code: 'InvalidParameter.SecurityGroupIds' });
  });

  it('answers 404 InvalidRegionId.NotFound for an unknown region', async () => {
    const failure = await failureOf(
      ecsClient('xx-nowhere-1').describeSecurityGroups(req.groups({ regionId: 'xx-nowhere-1' })),
    );
    expect(failure).toMatchObject({
      name: 'ClientError',
      code: 'InvalidRegionId.NotFound',
      statusCode: 404,
    });
    expect(failure.data).toMatchObject({
      Code: 'InvalidRegionId.NotFound',
      RequestId: expect.any(String),
      HostId: expect.any(String),
      Message: expect.any(String),
      Recommend: expect.any(String),
    });
  });
});

describe('DescribeSecurityGroupAttribute', () => {
  it('returns every Permission field, "" when unused, in the ECS casing', async () => {
    const id = await groupId('web-prod');
    const res = await client.describeSecurityGroupAttribute(
      req.attribute(id, { direction: 'all' }),
    );
    expect(res.body).toMatchObject({
      securityGroupId: id,
      securityGroupName: 'web-prod',
      innerAccessPolicy: 'Accept',
      nextToken: '',
    });
    const perms = res.body?.permissions?.permission ?? [];
    expect(perms).toHaveLength(9);
    const http = perms.find((p) => p.description === 'HTTP from anywhere');
    expect(http).toEqual({
      securityGroupRuleId: expect.stringMatching(/^sgr-bp[a-z0-9]{18}$/),
      direction: 'ingress',
      ipProtocol: 'TCP',
      portRange: '80/80',
      sourcePortRange: '',
      sourceCidrIp: '0.0.0.0/0',
      ipv6SourceCidrIp: '',
      sourceGroupId: '',
      sourceGroupName: '',
      sourceGroupOwnerAccount: '',
      sourcePrefixListId: '',
      sourcePrefixListName: '',
      destCidrIp: '',
      ipv6DestCidrIp: '',
      destGroupId: '',
      destGroupName: '',
      destGroupOwnerAccount: '',
      destPrefixListId: '',
      destPrefixListName: '',
      portRangeListId: '',
      portRangeListName: '',
      policy: 'Accept',
      priority: '1',
      nicType: 'intranet',
      description: 'HTTP from anywhere',
      createTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    expect(perms.find((p) => p.sourceGroupId)?.sourceGroupName).toBe('app-prod');
    expect(perms.find((p) => p.sourcePrefixListId)?.sourcePrefixListName).toMatch(
      /office-egress|cdn-back-to-origin/,
    );
    expect(perms.find((p) => p.ipProtocol === 'ICMP')).toMatchObject({
      portRange: '-1/-1',
      priority: '20',
    });
    expect(perms.find((p) => p.direction === 'egress')).toMatchObject({
      ipProtocol: 'ALL',
      destCidrIp: '0.0.0.0/0',
      sourceCidrIp: '',
    });
  });

  it('filters by direction and pages with MaxResults and NextToken', async () => {
    const id = await groupId('legacy-monolith');
    const ingress = await client.describeSecurityGroupAttribute(
      req.attribute(id, { direction: 'ingress' }),
    );
    expect(ingress.body?.permissions?.permission).toHaveLength(150);
    const ids: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const res = await client.describeSecurityGroupAttribute(
        req.attribute(id, {
          direction: 'all',
          maxResults: 60,
          ...(nextToken ? { nextToken } : {}),
        }),
      );
      ids.push(
        ...(res.body?.permissions?.permission ?? []).map((p) => p.securityGroupRuleId ?? ''),
      );
      nextToken = res.body?.nextToken || undefined;
      pages++;
    } while (nextToken);
    expect(pages).toBe(4);
    expect(new Set(ids).size).toBe(200);
    expect(
      await failureOf(client.describeSecurityGroupAttribute(req.attribute(id, { maxResults: 5 }))),
    ).toMatchObject({ code: 'InvalidParameter.MaxResults' });
  });

  it('answers one NIC type per call for a classic group (internet by default)', async () => {
    const id = await groupId('classic-legacy');
    const internet = await client.describeSecurityGroupAttribute(req.attribute(id));
    const intranet = await client.describeSecurityGroupAttribute(
      req.attribute(id, { nicType: 'intranet' }),
    );
    const nics = (r: typeof internet) =>
      new Set((r.body?.permissions?.permission ?? []).map((p) => p.nicType));
    expect(nics(internet)).toEqual(new Set(['internet']));
    expect(nics(intranet)).toEqual(new Set(['intranet']));
    expect(
      (internet.body?.permissions?.permission?.length ?? 0) +
        (intranet.body?.permissions?.permission?.length ?? 0),
    ).toBe(6);
    expect(internet.body?.vpcId).toBe('');
  });

  it('matches listRules, which shows both NIC types', async () => {
    const id = await groupId('web-prod');
    const res = await client.describeSecurityGroupAttribute(req.attribute(id));
    expect(emulator.listRules('cn-hangzhou', id).map((p) => p.SecurityGroupRuleId)).toEqual(
      (res.body?.permissions?.permission ?? []).map((p) => p.securityGroupRuleId),
    );
    expect(emulator.listRules('cn-hangzhou', await groupId('classic-legacy'))).toHaveLength(6);
  });

  it('answers the ECS errors for malformed and unknown groups', async () => {
    expect(
      await failureOf(client.describeSecurityGroupAttribute(req.attribute('bogus'))),
    ).toMatchObject({ code: 'InvalidSecurityGroupId.Malformed', statusCode: 400 });
    expect(
      await failureOf(
        client.describeSecurityGroupAttribute(req.attribute('sg-bp0000000000000000')),
      ),
    ).toMatchObject({ code: 'InvalidSecurityGroupId.NotFound', statusCode: 404 });
    const id = await groupId('web-prod');
    emulator.deleteGroup('cn-hangzhou', id);
    expect(await failureOf(client.describeSecurityGroupAttribute(req.attribute(id)))).toMatchObject(
      { code: 'InvalidSecurityGroupId.NotFound' },
    );
    expect(
      await failureOf(
        client.describeSecurityGroupAttribute(req.attribute(id, { direction: 'sideways' })),
      ),
    ).toMatchObject({ code: 'InvalidSecurityGroupId.NotFound' });
  });
});

describe('the wire', () => {
  it('answers an unknown action with 404 InvalidAction.NotFound', async () => {
    const res = await fetch('https://ecs-cn-hangzhou.aliyuncs.com/?RegionId=cn-hangzhou', {
      method: 'POST',
      headers: { 'x-acs-action': 'DescribeDisks' },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      Code: 'InvalidAction.NotFound',
      Message: 'Specified api is not found, please check your url and method.',
      RequestId: expect.any(String),
    });
  });

  it('accepts the Action parameter and a form body (older signature)', async () => {
    const res = await fetch('http://ecs.cn-shanghai.aliyuncs.com/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeSecurityGroups&RegionId=cn-shanghai&Version=2014-05-26&Signature=abc',
    });
    const body = (await res.json()) as {
      SecurityGroups: { SecurityGroup: Array<{ SecurityGroupName: string }> };
    };
    expect(res.status).toBe(200);
    expect(body.SecurityGroups.SecurityGroup.map((g) => g.SecurityGroupName)).toContain('web-sh');
    expect(emulator.calls.at(-1)?.params).toEqual({ RegionId: 'cn-shanghai' });
  });
});
