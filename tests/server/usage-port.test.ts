/**
 * The port methods the blast radius, the quota and the clone use, through the real SDK adapter
 * and the emulator: the request each sends and the answer each gives.
 */
import { EcsError, type EcsPort } from '../../src/ecs/ecs-port';
import { createSdkEcsPort } from '../../src/server/ecs/sdk-ecs-port';
import { groupIdByName } from '../support/test-stack';
import { REGION, useSharedStack } from './helpers';

const shared = useSharedStack();

const ecs: EcsPort = createSdkEcsPort({
  accessKey: { id: 'test-access-key-id', secret: 'test-access-key-secret' },
  retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
});

const lastCall = (action: string) =>
  shared.stack.emulator.calls.filter((call) => call.action === action).at(-1);

describe('the usage and clone port methods', () => {
  it('pages DescribeNetworkInterfaces by NextToken at the page size asked', async () => {
    for (let i = 0; i < 12; i += 1)
      shared.stack.emulator.addNetworkInterface(REGION, {
        name: `extra-${i}`,
        securityGroupIds: [shared.webProd],
      });
    const first = await ecs.describeNetworkInterfaces(
      REGION,
      { securityGroupId: shared.webProd },
      { maxResults: 10 },
    );
    expect(first.networkInterfaces).toHaveLength(10);
    expect(lastCall('DescribeNetworkInterfaces')?.params).toMatchObject({
      SecurityGroupId: shared.webProd,
      MaxResults: '10',
    });
    const second = await ecs.describeNetworkInterfaces(
      REGION,
      { securityGroupId: shared.webProd },
      { maxResults: 10, nextToken: first.nextToken },
    );
    expect(second.networkInterfaces).toHaveLength(4);
    expect(second.nextToken).toBe('');
    const ids = new Set([...first.networkInterfaces, ...second.networkInterfaces].map((n) => n.id));
    expect(ids.size).toBe(14);
  });

  it('lists groups by SecurityGroupIds for their names', async () => {
    const app = await groupIdByName(shared.stack.app, REGION, 'app-prod');
    const page = await ecs.describeSecurityGroups(
      REGION,
      { securityGroupIds: [shared.webProd, app] },
      { maxResults: 100 },
    );
    expect(page.groups.map((group) => group.name).sort()).toEqual(['app-prod', 'web-prod']);
    expect(lastCall('DescribeSecurityGroups')?.params.SecurityGroupIds).toBe(
      JSON.stringify([shared.webProd, app]),
    );
  });

  it('sends DescribeSecurityGroupReferences 1 to 10 groups, refusing more before any call', async () => {
    const answer = await ecs.describeSecurityGroupReferences(REGION, [shared.webProd]);
    expect(answer).toHaveLength(1);
    expect(answer[0]!.groupId).toBe(shared.webProd);
    expect(answer[0]!.referencingGroups).toHaveLength(3);
    shared.stack.emulator.clearCalls();
    const eleven = Array.from({ length: 11 }, () => shared.webProd);
    await expect(ecs.describeSecurityGroupReferences(REGION, eleven)).rejects.toMatchObject({
      code: 'InvalidBatch',
    });
    await expect(ecs.describeSecurityGroupReferences(REGION, [])).rejects.toBeInstanceOf(EcsError);
    expect(shared.stack.emulator.calls).toHaveLength(0);
  });

  it("reads a prefix list's MaxEntries and answers ECS's NotFound for an unknown one", async () => {
    const web = await ecs.describeGroup(REGION, shared.webProd);
    const rule = web.rules.find((r) => r.meta?.peerName === 'office-egress');
    if (rule?.peer.kind !== 'prefixList') throw new Error('web-prod has no office-egress rule');
    expect(await ecs.describePrefixList(REGION, rule.peer.prefixListId)).toEqual({
      id: rule.peer.prefixListId,
      name: 'office-egress',
      maxEntries: 20,
      entryCount: 3,
      cidrs: ['203.0.113.0/28', '198.51.100.16/29', '192.0.2.64/27'],
    });
    await expect(ecs.describePrefixList(REGION, 'pl-doesnotexist')).rejects.toMatchObject({
      code: 'InvalidPrefixListId.NotFound',
    });
  });

  it('creates a group with its name, VPC, type and tags, once per ClientToken', async () => {
    const web = await ecs.describeGroup(REGION, shared.webProd);
    const input = {
      name: 'web-prod-clone',
      description: 'clone of web-prod',
      vpcId: web.group.vpcId,
      type: 'normal' as const,
      tags: [{ key: 'origin', value: shared.webProd }],
    };
    const created = await ecs.createSecurityGroup(REGION, input, 'clone-token-1');
    expect(created.groupId).toMatch(/^sg-/);
    expect(created.requestId).not.toBe('');
    expect(lastCall('CreateSecurityGroup')?.params).toMatchObject({
      SecurityGroupName: 'web-prod-clone',
      Description: 'clone of web-prod',
      VpcId: web.group.vpcId,
      SecurityGroupType: 'normal',
      ClientToken: 'clone-token-1',
      'Tag.1.Key': 'origin',
      'Tag.1.Value': shared.webProd,
    });
    const replay = await ecs.createSecurityGroup(REGION, input, 'clone-token-1');
    expect(replay.groupId).toBe(created.groupId);
    const clone = await ecs.describeGroup(REGION, created.groupId);
    expect(clone.group).toMatchObject({ name: 'web-prod-clone', vpcId: web.group.vpcId });
    expect(clone.rules).toEqual([]);
  });
});
