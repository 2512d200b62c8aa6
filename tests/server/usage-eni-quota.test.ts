/**
 * `eniQuotaOf` over the real SDK adapter and the emulator: the per-ENI quota input of the
 * pre-flight check for bastion-prod, whose ENIs include gateway-prod-01's (four groups on one ENI).
 */
import { planRestore } from '../../src/domain/plan';
import { checkEniRuleLimit } from '../../src/domain/preflight';
import { DEFAULT_PLAN_LIMITS, DEFAULT_RESTORE_OPTIONS, type Rule } from '../../src/domain/types';
import type { EcsPort } from '../../src/ecs/ecs-port';
import { createSdkEcsPort } from '../../src/server/ecs/sdk-ecs-port';
import { eniQuotaOf } from '../../src/server/usage';
import { groupIdByName } from '../support/test-stack';
import { REGION, useSharedStack } from './helpers';

const shared = useSharedStack();

/** The same adapter the stack uses, on the stack's interception of ECS. */
const ecs: EcsPort = createSdkEcsPort({
  accessKey: { id: 'test-access-key-id', secret: 'test-access-key-secret' },
  retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
});

const idOf = (name: string) => groupIdByName(shared.stack.app, REGION, name);

async function groupIds() {
  const [bastion, legacy, app, mesh] = await Promise.all(
    ['bastion-prod', 'legacy-monolith', 'app-prod', 'mesh-prod'].map(idOf),
  );
  return { bastion: bastion!, legacy: legacy!, app: app!, mesh: mesh! };
}

/** Prefix-list IDs by name, from the rules that reference them. */
function prefixListIds(rules: readonly Rule[]): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const rule of rules)
    if (rule.peer.kind === 'prefixList' && rule.meta?.peerName)
      ids[rule.meta.peerName] = rule.peer.prefixListId;
  return ids;
}

/** The primary ENI of the instance named `name`, through the usage route. */
async function primaryEniOf(groupId: string, name: string): Promise<string> {
  const res = await shared.stack.app.request(
    `/api/regions/${REGION}/security-groups/${groupId}/usage`,
  );
  const body = (await res.json()) as {
    instances: { instances: Array<{ name: string; networkInterfaceId: string }> };
  };
  const instance = body.instances.instances.find((i) => i.name === name);
  if (!instance) throw new Error(`no instance ${name}`);
  return instance.networkInterfaceId;
}

describe('the per-ENI quota data', () => {
  it("weighs the other groups of gateway-prod-01's ENI, a prefix-list rule at its MaxEntries", async () => {
    const g = await groupIds();
    const bastion = await ecs.describeGroup(REGION, g.bastion);
    const web = await ecs.describeGroup(REGION, shared.webProd);
    const lists = prefixListIds([...bastion.rules, ...web.rules]);
    // The planned rules bring a prefix list the source does not use yet: it is sized too.
    const cdnRule = web.rules.find((rule) => rule.meta?.peerName === 'cdn-back-to-origin');
    if (!cdnRule) throw new Error('web-prod has no CDN rule');
    const gateway = await primaryEniOf(g.bastion, 'gateway-prod-01');
    const jumpHost = await primaryEniOf(g.bastion, 'bastion-prod-01');

    const result = await eniQuotaOf(ecs, REGION, g.bastion, {
      sourceRules: [...bastion.rules, cdnRule],
      limit: 1000,
    });

    expect(result).toEqual({
      status: 'ok',
      quota: {
        limit: 1000,
        // Newest instance first, as DescribeInstances lists them.
        enis: [
          { id: gateway, groupIds: [g.legacy, g.bastion, g.app, g.mesh] },
          { id: jumpHost, groupIds: [g.bastion] },
        ],
        // legacy-monolith: 200 plain rules; app-prod: 3 plus one office-egress rule (20);
        // mesh-prod: 20 group references.
        groupWeights: { [g.legacy]: 200, [g.app]: 23, [g.mesh]: 20 },
        prefixListSizes: {
          [lists['office-egress']!]: 20,
          [lists['ops-ipv6']!]: 50,
          [lists['cdn-back-to-origin']!]: 200,
        },
      },
    });
  });

  it('reads each other group once however many ENIs share it', async () => {
    const g = await groupIds();
    const { emulator } = shared.stack;
    const extra = emulator.addInstance(REGION, {
      name: 'gateway-prod-02',
      securityGroupIds: [g.bastion, g.legacy, g.app],
    });
    const secondary = emulator.addNetworkInterface(REGION, {
      name: 'bastion-mesh-eni',
      securityGroupIds: [g.bastion, g.mesh],
      instanceId: extra.instanceId,
    });
    emulator.clearCalls();

    const result = await eniQuotaOf(ecs, REGION, g.bastion, { sourceRules: [] });
    if (result.status !== 'ok') throw new Error(`unavailable: ${result.code}`);
    expect(result.quota.limit).toBe(1000);
    expect(result.quota.enis.map((eni) => eni.id)).toEqual([
      extra.networkInterfaceId,
      await primaryEniOf(g.bastion, 'gateway-prod-01'),
      await primaryEniOf(g.bastion, 'bastion-prod-01'),
      secondary,
    ]);
    expect(result.quota.enis[3]).toEqual({ id: secondary, groupIds: [g.bastion, g.mesh] });
    expect(Object.keys(result.quota.groupWeights).sort()).toEqual([g.legacy, g.app, g.mesh].sort());
    const reads = emulator.calls
      .filter((call) => call.action === 'DescribeSecurityGroupAttribute')
      .map((call) => call.params.SecurityGroupId);
    expect(reads.sort()).toEqual([g.legacy, g.app, g.mesh].sort());
    // Only the other groups' prefix list: the source's own rules were not given.
    expect(Object.values(result.quota.prefixListSizes)).toEqual([20]);
  });

  it('answers unavailable with the ECS error and the action when a read fails', async () => {
    const g = await groupIds();
    shared.stack.emulator.failCall('DescribePrefixListAttributes', 1, {
      code: 'Forbidden.RAM',
      status: 403,
      message: 'User not authorized to operate on the specified resource.',
    });
    const result = await eniQuotaOf(ecs, REGION, g.bastion, { sourceRules: [] });
    expect(result).toMatchObject({
      status: 'unavailable',
      code: 'Forbidden.RAM',
      message: 'User not authorized to operate on the specified resource.',
      action: 'DescribePrefixListAttributes',
    });

    shared.stack.emulator.failCall('DescribeNetworkInterfaces', 1, {
      code: 'Forbidden.RAM',
      status: 403,
    });
    const enis = await eniQuotaOf(ecs, REGION, g.bastion, { sourceRules: [] });
    expect(enis).toMatchObject({
      status: 'unavailable',
      code: 'Forbidden.RAM',
      action: 'DescribeNetworkInterfaces',
    });
  });

  it('gives checkEniRuleLimit what it needs to find the ENI a planned restore would overfill', async () => {
    const g = await groupIds();
    const source = await ecs.describeGroup(REGION, g.bastion);
    const web = await ecs.describeGroup(REGION, shared.webProd);
    const cdn = prefixListIds(web.rules)['cdn-back-to-origin']!;
    // A destination that brings a CDN prefix-list rule (200) and one plain rule.
    const destinationId = shared.stack.emulator.addGroup(REGION, {
      name: 'bastion-prod-next',
      vpcId: source.group.vpcId,
    });
    shared.stack.emulator.addRules(REGION, destinationId, 'ingress', [
      { IpProtocol: 'TCP', PortRange: '443/443', SourcePrefixListId: cdn, Policy: 'accept' },
      { IpProtocol: 'TCP', PortRange: '8443/8443', SourceCidrIp: '10.1.0.0/16', Policy: 'accept' },
    ]);
    const destination = await ecs.describeGroup(REGION, destinationId);
    const { plan } = planRestore(source, destination, 'partially', DEFAULT_RESTORE_OPTIONS);
    const result = await eniQuotaOf(ecs, REGION, g.bastion, {
      sourceRules: [...source.rules, ...plan.steps.flatMap((step) => step.rules)],
      limit: 500,
    });
    if (result.status !== 'ok') throw new Error(`unavailable: ${result.code}`);
    const failure = checkEniRuleLimit({
      source,
      plan,
      limits: DEFAULT_PLAN_LIMITS,
      groupVpcs: {},
      eni: result.quota,
    });
    // bastion-prod weighs 4 plain rules + two office-egress rules (20 each, one per direction)
    // + ops-ipv6 (50) = 94, and the restore adds 200 + 1. Only the gateway's ENI, with 243 of
    // other groups, passes 500.
    expect(failure).toMatchObject({
      code: 'eni-rule-limit',
      limit: 500,
      enis: [
        {
          eniId: await primaryEniOf(g.bastion, 'gateway-prod-01'),
          others: 243,
          source: 295,
          total: 538,
        },
      ],
    });
  });
});
