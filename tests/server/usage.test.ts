/**
 * GET /api/regions/:region/security-groups/:id/usage through the real proxy, SDK and emulator:
 * web-prod's blast radius exactly, paging past one page, and each part failing on its own.
 */
import { groupUsageResponseSchema, type GroupUsageResponse } from '../../src/server/contract';
import { groupIdByName } from '../support/test-stack';
import { ECS_REQUEST_ID, errorOf, rawRequest, REGION, useSharedStack } from './helpers';

const shared = useSharedStack();

async function usageOf(groupId: string): Promise<GroupUsageResponse> {
  const res = await shared.api.regions[':region']['security-groups'][':id'].usage.$get({
    param: { region: REGION, id: groupId },
  });
  if (res.status !== 200) throw new Error(`usage answered ${res.status}: ${await res.text()}`);
  return groupUsageResponseSchema.parse(await res.json());
}

const idOf = (name: string) => groupIdByName(shared.stack.app, REGION, name);

function callsOf(action: string) {
  return shared.stack.emulator.calls.filter((call) => call.action === action);
}

describe('the blast radius of a group', () => {
  it("lists web-prod's 6 instances (4 running), its 2 secondary ENIs and the 3 groups that reference it", async () => {
    const usage = await usageOf(shared.webProd);
    expect(usage.groupId).toBe(shared.webProd);

    const { instances } = usage;
    if (instances.status !== 'ok') throw new Error(`instances ${instances.code}`);
    expect({ ...instances, instances: undefined }).toEqual({
      status: 'ok',
      total: 6,
      complete: true,
      running: 4,
      stopped: 2,
      other: 0,
      instances: undefined,
    });
    expect(instances.instances.map((i) => `${i.name} ${i.status}`).sort()).toEqual([
      'web-prod-01 Running',
      'web-prod-02 Running',
      'web-prod-03 Running',
      'web-prod-04 Running',
      'web-prod-05 Stopped',
      'web-prod-06 Stopped',
    ]);
    const monitoring = await idOf('svc-monitoring');
    const first = instances.instances.find((i) => i.name === 'web-prod-01');
    expect(first?.securityGroupIds).toEqual([shared.webProd, monitoring]);
    for (const instance of instances.instances) {
      expect(instance.id).toMatch(/^i-/);
      expect(instance.networkInterfaceId).toMatch(/^eni-/);
    }
    // Primary ENIs are the instances' own, each a different one.
    expect(new Set(instances.instances.map((i) => i.networkInterfaceId)).size).toBe(6);

    const { networkInterfaces } = usage;
    if (networkInterfaces.status !== 'ok') throw new Error(`ENIs ${networkInterfaces.code}`);
    expect(networkInterfaces.total).toBe(2);
    expect(networkInterfaces.complete).toBe(true);
    const logging = await idOf('svc-logging');
    const byGroups = networkInterfaces.networkInterfaces.map((eni) => ({
      type: eni.type,
      attached: eni.instanceId !== '',
      status: eni.status,
      securityGroupIds: eni.securityGroupIds,
    }));
    expect(byGroups).toEqual([
      { type: 'Secondary', attached: true, status: 'InUse', securityGroupIds: [shared.webProd] },
      {
        type: 'Secondary',
        attached: false,
        status: 'Available',
        securityGroupIds: [shared.webProd, logging],
      },
    ]);
    // The ENI on app-prod-01 is attached there, not to a web-prod instance.
    const onApp = networkInterfaces.networkInterfaces[0]!.instanceId;
    expect(instances.instances.some((i) => i.id === onApp)).toBe(false);
    // No ENI is counted twice: the secondary ones are not among the instances' primary ones.
    for (const eni of networkInterfaces.networkInterfaces)
      expect(instances.instances.some((i) => i.networkInterfaceId === eni.id)).toBe(false);

    const { references } = usage;
    if (references.status !== 'ok') throw new Error(`references ${references.code}`);
    const expected = await Promise.all(
      ['app-prod', 'mesh-prod', 'mesh-prod-next'].map(async (name) => ({
        id: await idOf(name),
        name,
      })),
    );
    expect(
      references.groups
        .map(({ id, name }) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual(expected);
    for (const group of references.groups) expect(group.aliUid).toMatch(/^\d+$/);
  });

  it('answers zeros, not unavailable, for a group nobody uses', async () => {
    const unused = shared.stack.emulator.addGroup(REGION, { name: 'unused-sg' });
    const usage = await usageOf(unused);
    expect(usage).toEqual({
      groupId: unused,
      instances: {
        status: 'ok',
        total: 0,
        complete: true,
        running: 0,
        stopped: 0,
        other: 0,
        instances: [],
      },
      networkInterfaces: { status: 'ok', total: 0, complete: true, networkInterfaces: [] },
      references: { status: 'ok', groups: [] },
    });
  });

  it('pages DescribeInstances and DescribeNetworkInterfaces to the end', async () => {
    const { emulator } = shared.stack;
    const added = Array.from({ length: 100 }, (_, i) =>
      emulator.addInstance(REGION, {
        name: `web-extra-${String(i).padStart(3, '0')}`,
        securityGroupIds: [shared.webProd],
        status: i % 4 === 0 ? 'Stopped' : 'Running',
      }),
    );
    for (let i = 0; i < 3; i += 1)
      emulator.addNetworkInterface(REGION, {
        name: `web-extra-eni-${i}`,
        securityGroupIds: [shared.webProd],
      });
    emulator.clearCalls();

    const usage = await usageOf(shared.webProd);
    if (usage.instances.status !== 'ok') throw new Error('instances unavailable');
    expect(usage.instances.total).toBe(106);
    expect(usage.instances.running).toBe(4 + 75);
    expect(usage.instances.stopped).toBe(2 + 25);
    expect(usage.instances.complete).toBe(true);
    const ids = new Set(usage.instances.instances.map((i) => i.id));
    expect(ids.size).toBe(106);
    for (const { instanceId } of added) expect(ids.has(instanceId)).toBe(true);
    if (usage.networkInterfaces.status !== 'ok') throw new Error('ENIs unavailable');
    expect(usage.networkInterfaces.total).toBe(5);

    // 106 instances at 100 a page: two pages, the second asked with the first's NextToken.
    const pages = callsOf('DescribeInstances');
    expect(pages).toHaveLength(2);
    expect(pages.map((call) => call.params.MaxResults)).toEqual(['100', '100']);
    expect(pages[0]!.params.NextToken).toBeUndefined();
    expect(pages[1]!.params.NextToken).toMatch(/.+/);
  });

  it('shows instances as unavailable on Forbidden.RAM while ENIs and references answer', async () => {
    shared.stack.emulator.failCall('DescribeInstances', 1, {
      code: 'Forbidden.RAM',
      status: 403,
      message: 'User not authorized to operate on the specified resource.',
    });
    const usage = await usageOf(shared.webProd);
    expect(usage.instances).toMatchObject({
      status: 'unavailable',
      code: 'Forbidden.RAM',
      message: 'User not authorized to operate on the specified resource.',
      action: 'DescribeInstances',
    });
    if (usage.instances.status !== 'unavailable') throw new Error('expected unavailable');
    expect(usage.instances.requestId).toMatch(ECS_REQUEST_ID);
    expect(usage.networkInterfaces).toMatchObject({ status: 'ok', total: 2 });
    expect(usage.references.status).toBe('ok');
    if (usage.references.status === 'ok') expect(usage.references.groups).toHaveLength(3);
  });

  it('shows references as unavailable with the code once throttling outlasts the retries', async () => {
    // The stack's SDK adapter tries each call 4 times.
    shared.stack.emulator.throttleNext(4, {
      action: 'DescribeSecurityGroupReferences',
      retryAfterMs: 1,
    });
    shared.stack.emulator.clearCalls();
    const usage = await usageOf(shared.webProd);
    expect(usage.references).toMatchObject({
      status: 'unavailable',
      code: 'Throttling.User',
      action: 'DescribeSecurityGroupReferences',
    });
    expect(callsOf('DescribeSecurityGroupReferences').map((call) => call.code)).toEqual([
      'Throttling.User',
      'Throttling.User',
      'Throttling.User',
      'Throttling.User',
    ]);
    expect(usage.instances).toMatchObject({ status: 'ok', total: 6, running: 4 });
    expect(usage.networkInterfaces).toMatchObject({ status: 'ok', total: 2 });
  });

  it('keeps the references when only their names cannot be listed', async () => {
    // The existence check is the first DescribeSecurityGroups call; the name lookup the second.
    shared.stack.emulator.failCall('DescribeSecurityGroups', 2, {
      code: 'Forbidden.RAM',
      status: 403,
    });
    const usage = await usageOf(shared.webProd);
    if (usage.references.status !== 'ok') throw new Error('references unavailable');
    expect(usage.references.groups.map((group) => group.name)).toEqual(['', '', '']);
    expect(usage.references.groups.map((group) => group.id).sort()).toEqual(
      (await Promise.all(['app-prod', 'mesh-prod', 'mesh-prod-next'].map(idOf))).sort(),
    );
  });

  it('answers 404 for a group that does not exist and 400 for a malformed ID', async () => {
    const missing = await rawRequest(
      shared.stack.app,
      `/api/regions/${REGION}/security-groups/sg-doesnotexist000/usage`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      code: 'InvalidSecurityGroupId.NotFound',
      details: { field: 'id', groupId: 'sg-doesnotexist000' },
    });
    const res = await shared.stack.app.request(
      `/api/regions/${REGION}/security-groups/not-a-group/usage`,
    );
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'ValidationError', details: { field: 'id' } });
  });
});
