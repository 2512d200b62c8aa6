/**
 * How many ECS calls a group read and a preview cost, counted by action in the emulator's call
 * log through the real proxy and SDK adapter. Each group is listed once (for its type, creation
 * time and service-managed flag) and its rules read once per NIC type; the region is scanned only
 * when a target rule references another group.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestStack, groupIdByName, type TestStack } from '../support/test-stack';
import { apiOf, errorOf, preview, REGION } from './helpers';

let stack: TestStack;
const ids: Record<string, string> = {};

beforeAll(async () => {
  stack = await createTestStack();
  for (const name of [
    'web-prod',
    'web-prod-backup-20261120',
    'classic-legacy',
    'web-staging',
    'cache-staging',
  ])
    ids[name] = await groupIdByName(stack.app, REGION, name);
  ids['web-sh'] = await groupIdByName(stack.app, 'cn-shanghai', 'web-sh');
  ids['web-sh-backup'] = await groupIdByName(stack.app, 'cn-shanghai', 'web-sh-backup-20260101');
});
// Region lookups are cached by the proxy after the first request, so only group reads remain.
beforeEach(() => stack.emulator.clearCalls());
afterAll(() => stack.close());

/** The calls since the last clear, as action → count. */
function callsByAction(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of stack.emulator.calls) counts[call.action] = (counts[call.action] ?? 0) + 1;
  return counts;
}

describe('ECS calls of a group detail read', () => {
  it('lists a VPC group once and reads its rules in one page', async () => {
    const res = await apiOf(stack.app).regions[':region']['security-groups'][':id'].$get({
      param: { region: REGION, id: ids['web-prod']! },
    });
    expect(res.status).toBe(200);
    expect(callsByAction()).toEqual({
      DescribeSecurityGroups: 1,
      DescribeSecurityGroupAttribute: 1,
    });
    const listing = stack.emulator.calls.find((c) => c.action === 'DescribeSecurityGroups');
    expect(listing?.params['SecurityGroupId']).toBe(ids['web-prod']);
  });

  it('reads both NIC types of a classic group after one listing', async () => {
    const res = await apiOf(stack.app).regions[':region']['security-groups'][':id'].$get({
      param: { region: REGION, id: ids['classic-legacy']! },
    });
    expect(res.status).toBe(200);
    expect(callsByAction()).toEqual({
      DescribeSecurityGroups: 1,
      DescribeSecurityGroupAttribute: 2,
    });
    const nicTypes = stack.emulator.calls
      .filter((c) => c.action === 'DescribeSecurityGroupAttribute')
      .map((c) => c.params['NicType']);
    expect(nicTypes).toEqual(['internet', 'intranet']);
  });

  it('answers 404 for a missing group after one listing and one attribute call', async () => {
    const res = await apiOf(stack.app).regions[':region']['security-groups'][':id'].$get({
      param: { region: REGION, id: 'sg-bp1missing0000' },
    });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('InvalidSecurityGroupId.NotFound');
    expect(callsByAction()).toEqual({
      DescribeSecurityGroups: 1,
      DescribeSecurityGroupAttribute: 1,
    });
  });
});

describe('ECS calls of a restore preview', () => {
  it('reads each group once and does not scan the region when no rule references a group', async () => {
    await preview(stack.app, ids['web-sh']!, ids['web-sh-backup']!, 'completely', 'cn-shanghai');
    // Plus the per-ENI quota's listings of the source's instances and secondary ENIs.
    expect(callsByAction()).toEqual({
      DescribeSecurityGroups: 2,
      DescribeSecurityGroupAttribute: 2,
      DescribeInstances: 1,
      DescribeNetworkInterfaces: 1,
    });
    const filtered = stack.emulator.calls
      .filter((c) => c.action === 'DescribeSecurityGroups')
      .map((c) => c.params['SecurityGroupId'])
      .sort();
    expect(filtered).toEqual([ids['web-sh'], ids['web-sh-backup']].sort());
  });

  it('adds one unfiltered listing of the region for the VPCs of referenced groups', async () => {
    await preview(stack.app, ids['web-prod']!, ids['web-prod-backup-20261120']!);
    // The per-ENI quota also reads the other groups of web-prod's ENIs (svc-monitoring,
    // svc-logging) and sizes the prefix lists of the rules it weighs.
    expect(callsByAction()).toEqual({
      DescribeSecurityGroups: 5,
      DescribeSecurityGroupAttribute: 4,
      DescribeInstances: 1,
      DescribeNetworkInterfaces: 1,
      DescribePrefixListAttributes: 2,
    });
    const unfiltered = stack.emulator.calls.filter(
      (c) => c.action === 'DescribeSecurityGroups' && c.params['SecurityGroupId'] === undefined,
    );
    expect(unfiltered).toHaveLength(1);
  });

  it('does not scan the region when the only referenced group is one of the pair', async () => {
    // cache-staging's rules reference web-staging, the source: its VPC is already known.
    const planned = await preview(stack.app, ids['web-staging']!, ids['cache-staging']!);
    // The rule pointing at the source is judged as a self-reference, not as another VPC's group.
    expect(planned.ingress.notRestorable.map((entry) => entry.reason)).toEqual(['self-reference']);
    // Plus the per-ENI quota's listings of the source's instances and secondary ENIs.
    expect(callsByAction()).toEqual({
      DescribeSecurityGroups: 2,
      DescribeSecurityGroupAttribute: 2,
      DescribeInstances: 1,
      DescribeNetworkInterfaces: 1,
    });
  });

  it('still names the missing destination in its 404', async () => {
    const res = await apiOf(stack.app).regions[':region']['security-groups'][':id'][
      'restore-preview'
    ].$post({
      param: { region: REGION, id: ids['web-prod']! },
      json: { destinationId: 'sg-bp1missing0000', mode: 'completely' },
    });
    expect(res.status).toBe(404);
    const body = await errorOf(res);
    expect(body.code).toBe('InvalidSecurityGroupId.NotFound');
    expect(body.details).toEqual({ field: 'destinationId', groupId: 'sg-bp1missing0000' });
    expect(body.message).toContain('destination');
  });
});
