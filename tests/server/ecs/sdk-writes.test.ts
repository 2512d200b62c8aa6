import { maxHeaderSize } from 'node:http';
import { normalizeRule, ruleIdentity } from '../../../src/domain/normalize';
import type { Rule } from '../../../src/domain/types';
import { EcsError } from '../../../src/ecs/ecs-port';
import { callsOf, groupId, makePort, manyRules, REGION, useEmulator, vpcRule } from './harness';

const emulator = useEmulator();

const identities = (rules: Rule[]) => rules.map(ruleIdentity).sort();

describe('SDK adapter writes against the emulator', () => {
  it('authorizes ingress and egress rules of every peer kind, passing the ClientToken', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'empty-sandbox');
    const app = await groupId(port, 'cache-staging');
    const ingress = [
      vpcRule({
        direction: 'ingress',
        protocol: 'tcp',
        portRange: '443/443',
        cidr: '0.0.0.0/0',
        priority: 10,
        description: 'https',
      }),
      vpcRule({
        direction: 'ingress',
        protocol: 'udp',
        portRange: '53/53',
        ipv6Cidr: '2001:db8::/32',
        localCidr: '10.1.0.0/16',
      }),
      vpcRule({
        direction: 'ingress',
        protocol: 'tcp',
        portRange: '6379/6379',
        groupId: app,
        policy: 'drop',
      }),
      vpcRule({
        direction: 'ingress',
        protocol: 'icmp',
        cidr: '192.168.0.0/16',
        sourcePortRange: '',
      }),
    ];
    const egress = [
      vpcRule({ direction: 'egress', protocol: 'all', cidr: '0.0.0.0/0' }),
      vpcRule({
        direction: 'egress',
        protocol: 'tcp',
        portRange: '1024/65535',
        sourcePortRange: '80/80',
        ipv6Cidr: '::/0',
      }),
    ];
    const first = await port.authorize(REGION, id, 'ingress', ingress, 'token-ingress-1');
    const second = await port.authorize(REGION, id, 'egress', egress, 'token-egress-1');
    expect(first.requestId).toBeTruthy();
    expect(second.requestId).not.toBe(first.requestId);

    const detail = await port.describeGroup(REGION, id);
    expect(identities(detail.rules)).toEqual(identities([...ingress, ...egress]));
    expect(detail.rules.find((r) => r.description === 'https')?.priority).toBe(10);
    expect(detail.rules.every((r) => r.meta.ruleId)).toBe(true);

    const [ingressCall] = callsOf(emulator, 'AuthorizeSecurityGroup');
    expect(ingressCall?.params).toMatchObject({
      RegionId: REGION,
      SecurityGroupId: id,
      ClientToken: 'token-ingress-1',
      'Permissions.1.IpProtocol': 'TCP',
      'Permissions.1.SourceCidrIp': '0.0.0.0/0',
      'Permissions.1.Priority': '10',
      'Permissions.3.SourceGroupId': app,
      'Permissions.3.Policy': 'drop',
    });
    expect(callsOf(emulator, 'AuthorizeSecurityGroupEgress')[0]?.params).toMatchObject({
      ClientToken: 'token-egress-1',
      'Permissions.2.Ipv6DestCidrIp': '::/0',
      'Permissions.2.SourcePortRange': '80/80',
    });
  });

  it('authorizes a prefix-list rule and reads its name back', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'empty-sandbox');
    const seeded = await port.describeGroup(REGION, await groupId(port, 'web-prod'));
    const withList = seeded.rules.find((r) => r.peer.kind === 'prefixList');
    if (withList?.peer.kind !== 'prefixList') throw new Error('seed has no prefix-list rule');
    const rule = vpcRule({
      direction: 'ingress',
      protocol: 'tcp',
      portRange: '8443/8443',
      prefixListId: withList.peer.prefixListId,
    });
    await port.authorize(REGION, id, 'ingress', [rule], 'token-pl');
    const [read] = (await port.describeGroup(REGION, id)).rules;
    expect(read?.peer).toEqual(rule.peer);
    expect(read?.meta.peerName).toBe(withList.meta.peerName);
  });

  it('authorizes into a classic group keeping each rule NIC type', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'classic-legacy-backup-20260301');
    const classic = (nicType: string, port_: string) =>
      normalizeRule(
        { direction: 'ingress', protocol: 'tcp', portRange: port_, cidr: '0.0.0.0/0', nicType },
        { vpc: false },
      );
    await port.authorize(
      REGION,
      id,
      'ingress',
      [classic('internet', '9000'), classic('intranet', '9001')],
      'token-classic',
    );
    const rules = (await port.describeGroup(REGION, id)).rules;
    expect(rules.find((r) => r.portRange === '9000/9000')?.nicType).toBe('internet');
    expect(rules.find((r) => r.portRange === '9001/9001')?.nicType).toBe('intranet');
  });

  it('authorizes 100 rules in one call through the SDK and msw', async () => {
    // The query string of this call is about 25 KiB; Node's HTTP parser, which msw/node uses,
    // drops requests whose head exceeds --max-http-header-size (16 KiB by default) silently.
    expect(
      maxHeaderSize,
      'run the node tests with NODE_OPTIONS=--max-http-header-size=65536 (see the report of the ECS adapter)',
    ).toBeGreaterThanOrEqual(65536);
    const { port } = makePort();
    const id = await groupId(port, 'empty-sandbox');
    const rules = manyRules(100);
    await port.authorize(REGION, id, 'ingress', rules, 'token-hundred');
    const [call] = callsOf(emulator, 'AuthorizeSecurityGroup');
    expect(call?.params['Permissions.100.IpProtocol']).toBe('TCP');
    expect(emulator.listRules(REGION, id)).toHaveLength(100);
  });

  it('refuses more than 100 rules, an empty batch or a rule of the other direction without calling ECS', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'empty-sandbox');
    await expect(port.authorize(REGION, id, 'ingress', manyRules(101), 't1')).rejects.toMatchObject(
      { code: 'InvalidBatch' },
    );
    await expect(port.authorize(REGION, id, 'ingress', [], 't2')).rejects.toMatchObject({
      code: 'InvalidBatch',
    });
    await expect(
      port.authorize(REGION, id, 'egress', manyRules(1, 'ingress'), 't3'),
    ).rejects.toMatchObject({ code: 'InvalidBatch' });
    const ids = Array.from({ length: 101 }, (_, i) => `sgr-${i}`);
    await expect(port.revoke(REGION, id, 'ingress', ids, 't4')).rejects.toMatchObject({
      code: 'InvalidBatch',
    });
    expect(emulator.calls).toHaveLength(1); // only the name lookup
  });

  it('revokes ingress and egress rules by ID', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'web-prod');
    const before = (await port.describeGroup(REGION, id)).rules;
    const ingress = before.filter((r) => r.direction === 'ingress').slice(0, 2);
    const egress = before.filter((r) => r.direction === 'egress').slice(0, 1);
    await port.revoke(
      REGION,
      id,
      'ingress',
      ingress.map((r) => r.meta.ruleId ?? ''),
      'token-revoke-in',
    );
    await port.revoke(
      REGION,
      id,
      'egress',
      egress.map((r) => r.meta.ruleId ?? ''),
      'token-revoke-out',
    );
    const after = (await port.describeGroup(REGION, id)).rules;
    expect(after).toHaveLength(before.length - 3);
    const gone = new Set([...ingress, ...egress].map((r) => r.meta.ruleId));
    expect(after.some((r) => gone.has(r.meta.ruleId))).toBe(false);
    expect(callsOf(emulator, 'RevokeSecurityGroup')[0]?.params).toMatchObject({
      ClientToken: 'token-revoke-in',
      'SecurityGroupRuleId.1': ingress[0]?.meta.ruleId,
      'SecurityGroupRuleId.2': ingress[1]?.meta.ruleId,
    });
    expect(callsOf(emulator, 'RevokeSecurityGroupEgress')[0]?.params.ClientToken).toBe(
      'token-revoke-out',
    );
  });

  it('modifies priority and description in place, keeping the rule ID', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'web-prod');
    const rules = (await port.describeGroup(REGION, id)).rules;
    const ingress = rules.find((r) => r.direction === 'ingress' && r.peer.kind === 'cidr');
    const egress = rules.find((r) => r.direction === 'egress');
    if (!ingress?.meta.ruleId || !egress?.meta.ruleId) throw new Error('seed changed');
    await port.modify(
      REGION,
      id,
      'ingress',
      ingress.meta.ruleId,
      { ...ingress, priority: 42, description: 'changed in place' },
      'token-mod-in',
    );
    await port.modify(
      REGION,
      id,
      'egress',
      egress.meta.ruleId,
      { ...egress, priority: 7 },
      'token-mod-out',
    );
    const after = (await port.describeGroup(REGION, id)).rules;
    expect(after).toHaveLength(rules.length);
    expect(after.find((r) => r.meta.ruleId === ingress.meta.ruleId)).toMatchObject({
      priority: 42,
      description: 'changed in place',
    });
    expect(after.find((r) => r.meta.ruleId === egress.meta.ruleId)?.priority).toBe(7);
    expect(callsOf(emulator, 'ModifySecurityGroupRule')[0]?.params).toMatchObject({
      SecurityGroupRuleId: ingress.meta.ruleId,
      ClientToken: 'token-mod-in',
      Priority: '42',
    });
    expect(callsOf(emulator, 'ModifySecurityGroupEgressRule')[0]?.params.ClientToken).toBe(
      'token-mod-out',
    );
  });

  it('cannot empty a description with Modify: ECS says so with InvalidParam.EmptyValue', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'web-prod');
    const rule = (await port.describeGroup(REGION, id)).rules.find((r) => r.description !== '');
    if (!rule?.meta.ruleId) throw new Error('seed changed');
    const error = await port
      .modify(
        REGION,
        id,
        rule.direction,
        rule.meta.ruleId,
        { ...rule, description: '' },
        'token-empty',
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcsError);
    expect(error).toMatchObject({
      code: 'InvalidParam.EmptyValue',
      httpStatus: 400,
      retryable: false,
    });
  });
});
