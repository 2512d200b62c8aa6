import { useEmulator } from './harness';
import { Ecs, failureOf } from './sdk';

const { emulator, client, groupId } = useEmulator();
const regionId = 'cn-hangzhou';

type Instance = NonNullable<
  NonNullable<NonNullable<Ecs.DescribeInstancesResponseBody['instances']>['instance']>[number]
>;
type Eni = NonNullable<
  NonNullable<
    NonNullable<
      Ecs.DescribeNetworkInterfacesResponseBody['networkInterfaceSets']
    >['networkInterfaceSet']
  >[number]
>;

/** Every instance of a query, following NextToken to the end, and the number of pages. */
async function allInstances(
  p: ConstructorParameters<typeof Ecs.DescribeInstancesRequest>[0],
): Promise<{ items: Instance[]; pages: number }> {
  const items: Instance[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const res = await client.describeInstances(
      new Ecs.DescribeInstancesRequest({ regionId, ...p, ...(nextToken ? { nextToken } : {}) }),
    );
    items.push(...(res.body?.instances?.instance ?? []));
    nextToken = res.body?.nextToken || undefined;
    pages++;
  } while (nextToken);
  return { items, pages };
}

async function allEnis(
  p: ConstructorParameters<typeof Ecs.DescribeNetworkInterfacesRequest>[0],
): Promise<{ items: Eni[]; pages: number }> {
  const items: Eni[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const res = await client.describeNetworkInterfaces(
      new Ecs.DescribeNetworkInterfacesRequest({
        regionId,
        ...p,
        ...(nextToken ? { nextToken } : {}),
      }),
    );
    items.push(...(res.body?.networkInterfaceSets?.networkInterfaceSet ?? []));
    nextToken = res.body?.nextToken || undefined;
    pages++;
  } while (nextToken);
  return { items, pages };
}

describe('DescribeInstances', () => {
  it('finds the instances of a group with their status, VPC, groups and primary ENI', async () => {
    const web = await groupId('web-prod');
    const { items } = await allInstances({ securityGroupId: web, maxResults: 100 });
    expect(items).toHaveLength(6);
    expect(items.filter((i) => i.status === 'Running')).toHaveLength(4);
    expect(items.filter((i) => i.status === 'Stopped')).toHaveLength(2);
    const first = items.find((i) => i.instanceName === 'web-prod-01');
    expect(first).toMatchObject({
      instanceId: expect.stringMatching(/^i-bp[a-z0-9]{18}$/),
      instanceNetworkType: 'vpc',
      vpcAttributes: { vpcId: expect.stringMatching(/^vpc-bp1/) },
      securityGroupIds: { securityGroupId: [web, await groupId('svc-monitoring')] },
    });
    expect(first?.networkInterfaces?.networkInterface).toEqual([
      expect.objectContaining({
        networkInterfaceId: expect.stringMatching(/^eni-bp/),
        type: 'Primary',
      }),
    ]);
  });

  it('lists an attached secondary ENI after the primary one, typed Secondary', async () => {
    const { items } = await allInstances({ instanceName: 'app-prod-01' });
    expect(items[0]?.networkInterfaces?.networkInterface?.map((n) => n.type)).toEqual([
      'Primary',
      'Secondary',
    ]);
  });

  it('pages with MaxResults clamped to 10–100 and an opaque NextToken, without repeats', async () => {
    const { items, pages } = await allInstances({ maxResults: 1 });
    expect(items.length).toBeGreaterThan(20);
    expect(pages).toBe(Math.ceil(items.length / 10));
    expect(new Set(items.map((i) => i.instanceId)).size).toBe(items.length);
    const big = await client.describeInstances(
      new Ecs.DescribeInstancesRequest({ regionId, maxResults: 1000 }),
    );
    expect(big.body?.instances?.instance).toHaveLength(items.length);
    expect(big.body?.nextToken).toBe('');
    expect(big.body?.totalCount).toBeUndefined();
    const other = await failureOf(
      client.describeInstances(
        new Ecs.DescribeInstancesRequest({
          regionId,
          status: 'Running',
          nextToken: (
            await client.describeInstances(new Ecs.DescribeInstancesRequest({ regionId }))
          ).body?.nextToken,
        }),
      ),
    );
    expect(other).toMatchObject({ code: 'InvalidParameter.NextToken', statusCode: 400 });
  });

  it('pages past 100 instances added by a test', async () => {
    const id = await groupId('empty-sandbox');
    for (let i = 0; i < 120; i++)
      emulator.addInstance(regionId, { name: `bulk-${i}`, securityGroupIds: [id] });
    const { items, pages } = await allInstances({ securityGroupId: id, maxResults: 100 });
    expect(items).toHaveLength(120);
    expect(pages).toBe(2);
  });

  it('shows a classic instance without VPC or ENIs', async () => {
    const { items } = await allInstances({ securityGroupId: await groupId('classic-legacy') });
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      instanceNetworkType: 'classic',
      vpcAttributes: { vpcId: '' },
      networkInterfaces: { networkInterface: [] },
    });
    expect(items[0]?.innerIpAddress?.ipAddress).toHaveLength(1);
  });

  it('refuses a malformed InstanceIds even when no instance is left to compare it with', async () => {
    const fresh = emulator.addGroup(regionId, { name: 'no-instances' });
    expect(
      await failureOf(
        client.describeInstances(
          new Ecs.DescribeInstancesRequest({
            regionId,
            securityGroupId: fresh,
            instanceIds: 'i-1',
          }),
        ),
      ),
    ).toMatchObject({ code: 'InvalidParameter.InstanceIds', statusCode: 400 });
  });

  it('answers the legacy paging with TotalCount, and 404 for an unknown region', async () => {
    const res = await client.describeInstances(
      new Ecs.DescribeInstancesRequest({ regionId, pageSize: 5, pageNumber: 2 }),
    );
    expect(res.body?.instances?.instance).toHaveLength(5);
    expect(res.body?.totalCount).toBeGreaterThan(20);
    expect(
      await failureOf(
        client.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: 'moon-1' })),
      ),
    ).toMatchObject({ code: 'InvalidRegionId.NotFound', statusCode: 404 });
  });
});

describe('DescribeNetworkInterfaces', () => {
  it('finds only the secondary ENIs of a group by SecurityGroupId', async () => {
    const web = await groupId('web-prod');
    const { items } = await allEnis({ securityGroupId: web });
    expect(items.map((n) => n.networkInterfaceName).sort()).toEqual([
      'web-prod-lb-eni',
      'web-prod-spare-eni',
    ]);
    expect(items.every((n) => n.type === 'Secondary')).toBe(true);
    const spare = items.find((n) => n.networkInterfaceName === 'web-prod-spare-eni');
    expect(spare).toMatchObject({
      status: 'Available',
      instanceId: '',
      securityGroupIds: { securityGroupId: [web, await groupId('svc-logging')] },
    });
    expect(items.find((n) => n.instanceId !== '')?.status).toBe('InUse');
  });

  it('filters by Type and pages with MaxResults clamped to 10–500', async () => {
    const primary = await allEnis({ type: 'Primary', maxResults: 10 });
    expect(primary.items.every((n) => n.type === 'Primary')).toBe(true);
    // Classic instances have no ENIs: every VPC instance has exactly one primary ENI listed.
    const vpcInstances = (await allInstances({ maxResults: 100 })).items.filter(
      (i) => i.instanceNetworkType === 'vpc',
    );
    expect(primary.items).toHaveLength(vpcInstances.length);
    expect(primary.pages).toBe(Math.ceil(vpcInstances.length / 10));
    expect(
      await failureOf(
        client.describeNetworkInterfaces(
          new Ecs.DescribeNetworkInterfacesRequest({ regionId, type: 'Tertiary' }),
        ),
      ),
    ).toMatchObject({ code: 'InvalidParameter.Type', statusCode: 400 });
  });
});

describe('DescribeSecurityGroupReferences', () => {
  it('names the groups whose rules reference each group, with the owner', async () => {
    const web = await groupId('web-prod');
    const empty = await groupId('empty-sandbox');
    const res = await client.describeSecurityGroupReferences(
      new Ecs.DescribeSecurityGroupReferencesRequest({ regionId, securityGroupId: [web, empty] }),
    );
    const refs = res.body?.securityGroupReferences?.securityGroupReference ?? [];
    const referencing = refs.find((r) => r.securityGroupId === web)?.referencingSecurityGroups
      ?.referencingSecurityGroup;
    const names = await Promise.all(
      ['app-prod', 'mesh-prod', 'mesh-prod-next'].map((n) => groupId(n)),
    );
    expect(referencing?.map((r) => r.securityGroupId).sort()).toEqual(names.sort());
    expect(referencing?.every((r) => r.aliUid === '1863524780093512')).toBe(true);
    expect(
      refs.find((r) => r.securityGroupId === empty)?.referencingSecurityGroups
        ?.referencingSecurityGroup,
    ).toEqual([]);
  });

  it('takes 1 to 10 groups and answers 404 for an unknown one', async () => {
    const web = await groupId('web-prod');
    const call = (ids: string[]) =>
      client.describeSecurityGroupReferences(
        new Ecs.DescribeSecurityGroupReferencesRequest({ regionId, securityGroupId: ids }),
      );
    expect((await call(Array<string>(10).fill(web))).statusCode).toBe(200);
    expect(await failureOf(call(Array<string>(11).fill(web)))).toMatchObject({
      code: 'InvalidParameter.SecurityGroupId',
      statusCode: 400,
    });
    expect(await failureOf(call([]))).toMatchObject({ code: 'MissingParameter' });
    expect(await failureOf(call(['sg-bp0000000000000000']))).toMatchObject({
      code: 'InvalidSecurityGroupId.NotFound',
      statusCode: 404,
    });
  });
});

describe('DescribePrefixListAttributes', () => {
  it('answers MaxEntries and the entries, and 404 for an unknown list', async () => {
    const rules = emulator.listRules(regionId, await groupId('web-prod'));
    const prefixListId = rules.find(
      (r) => r.SourcePrefixListName === 'cdn-back-to-origin',
    )?.SourcePrefixListId;
    const res = await client.describePrefixListAttributes(
      new Ecs.DescribePrefixListAttributesRequest({ regionId, prefixListId }),
    );
    expect(res.body).toMatchObject({
      prefixListId,
      prefixListName: 'cdn-back-to-origin',
      addressFamily: 'IPv4',
      maxEntries: 200,
    });
    expect(res.body?.entries?.entry?.[0]).toMatchObject({ cidr: expect.stringMatching(/\/\d+$/) });
    expect(
      await failureOf(
        client.describePrefixListAttributes(
          new Ecs.DescribePrefixListAttributesRequest({
            regionId,
            prefixListId: 'pl-bp0000000000000000',
          }),
        ),
      ),
    ).toMatchObject({ code: 'InvalidPrefixListId.NotFound', statusCode: 404 });
  });
});

describe('faults on the new actions', () => {
  it('throttle and failCall apply to them as to any action', async () => {
    emulator.throttleNext(1, { action: 'DescribeInstances' });
    expect(
      await failureOf(client.describeInstances(new Ecs.DescribeInstancesRequest({ regionId }))),
    ).toMatchObject({ code: 'Throttling.User' });
    expect(
      (await client.describeInstances(new Ecs.DescribeInstancesRequest({ regionId }))).statusCode,
    ).toBe(200);
    emulator.failCall('DescribeSecurityGroupReferences', 1, { code: 'Forbidden.RAM', status: 403 });
    expect(
      await failureOf(
        client.describeSecurityGroupReferences(
          new Ecs.DescribeSecurityGroupReferencesRequest({
            regionId,
            securityGroupId: [await groupId('web-prod')],
          }),
        ),
      ),
    ).toMatchObject({ code: 'Forbidden.RAM', statusCode: 403 });
  });
});
