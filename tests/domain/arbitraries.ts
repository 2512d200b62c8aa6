/**
 * fast-check generators for rules, groups and packets. Value pools are small and overlapping so
 * that identities collide often between (and within) the two groups.
 */
import fc from 'fast-check';
import type { Packet } from '../../src/domain/evaluate';
import { normalizeRule } from '../../src/domain/normalize';
import type {
  GroupRules,
  GroupType,
  RestoreOptions,
  Rule,
  RuleInput,
} from '../../src/domain/types';

export const SOURCE_ID = 'sg-src';
export const DESTINATION_ID = 'sg-dst';

const peerInput = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .constantFrom('0.0.0.0/0', '10.0.0.0/8', '10.1.0.0/16', '192.168.1.5/32')
      .map((cidr) => ({ cidr })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('::/0', '2001:db8::/32').map((ipv6Cidr) => ({ ipv6Cidr })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(SOURCE_ID, DESTINATION_ID, 'sg-near', 'sg-far')
      .map((groupId) => ({ groupId })),
  },
  { weight: 1, arbitrary: fc.constant({ prefixListId: 'pl-1' }) },
);

export const ruleInput: fc.Arbitrary<RuleInput> = fc
  .record({
    direction: fc.constantFrom('ingress', 'egress'),
    policy: fc.constantFrom('accept', 'accept', 'drop'),
    protocol: fc.constantFrom('tcp', 'tcp', 'udp', 'icmp', 'all', 'icmpv6', 'gre'),
    portRange: fc.constantFrom('22/22', '80/80', '1/65535', '20/30', '3389/3389'),
    sourcePortRange: fc.constantFrom('', '', '', '1000/2000'),
    localCidr: fc.constantFrom('', '', '', '10.0.0.0/8'),
    priority: fc.oneof(fc.constantFrom(1, 5, 50, 100, 110), fc.integer({ min: 1, max: 100 })),
    description: fc.constantFrom('', '', 'a', 'b'),
    peer: peerInput,
  })
  .map(({ peer, ...rest }) => ({ ...rest, ...peer }));

function withIds(rules: Rule[], prefix: string): Rule[] {
  return rules.map((rule, i) => ({ ...rule, meta: { ruleId: `sgr-${prefix}${i}` } }));
}

export interface Scenario {
  source: GroupRules;
  destination: GroupRules;
  options: RestoreOptions;
  groupVpcs: Record<string, string>;
}

/** Two VPC groups (the source basic or advanced) with up to `max` rules each. */
export function scenario(max = 12): fc.Arbitrary<Scenario> {
  return fc
    .record({
      sourceInputs: fc.array(ruleInput, { maxLength: max }),
      // Half of the destination's rules restate a source rule, often with another priority or
      // description, so that "changed" and "unchanged" pairs are common.
      destinationSeeds: fc.array(
        fc.tuple(
          ruleInput,
          fc.nat(),
          fc.boolean(),
          fc.constantFrom(1, 5, 50, 100, 110),
          fc.constantFrom('', 'a', 'b'),
          fc.nat(3),
        ),
        { maxLength: max },
      ),
      sourceType: fc.constantFrom<GroupType>('normal', 'normal', 'enterprise'),
      destinationVpc: fc.constantFrom('vpc-1', 'vpc-1', 'vpc-2'),
      options: fc.record({
        recreateSystemRules: fc.boolean(),
        retargetSelfReferences: fc.boolean(),
      }),
    })
    .map(({ sourceInputs, destinationSeeds, sourceType, destinationVpc, options }) => {
      const destinationInputs = destinationSeeds.map(
        ([fresh, pick, restate, priority, description, keep]): RuleInput => {
          const original = sourceInputs[pick % Math.max(1, sourceInputs.length)];
          if (!restate || !original) return fresh;
          // keep: 0 same state, 1 new priority, 2 new description, 3 both.
          return {
            ...original,
            priority: keep & 1 ? priority : original.priority,
            description: keep & 2 ? description : original.description,
          };
        },
      );
      return {
        source: {
          group: {
            id: SOURCE_ID,
            name: 'source',
            regionId: 'cn-hangzhou',
            vpcId: 'vpc-1',
            type: sourceType,
          },
          rules: withIds(
            sourceInputs.map((input) => normalizeRule(input, { vpc: true })),
            's',
          ),
        },
        destination: {
          group: {
            id: DESTINATION_ID,
            name: 'destination',
            regionId: 'cn-hangzhou',
            vpcId: destinationVpc,
            type: 'normal',
          },
          rules: withIds(
            destinationInputs.map((input) => normalizeRule(input, { vpc: true })),
            'd',
          ),
        },
        options,
        groupVpcs: { 'sg-near': 'vpc-1', 'sg-far': 'vpc-2' },
      };
    });
}

export const packet: fc.Arbitrary<Packet> = fc.record({
  direction: fc.constantFrom('ingress', 'egress'),
  protocol: fc.constantFrom('tcp', 'udp', 'icmp', 'icmpv6', 'gre'),
  port: fc.constantFrom(22, 25, 80, 1500, 3389, 65535),
  peer: fc.record({
    ip: fc.constantFrom('10.1.2.3', '10.2.0.1', '192.168.1.5', '8.8.8.8', '2001:db8::1', 'fe80::1'),
    groupId: fc.constantFrom(SOURCE_ID, DESTINATION_ID, 'sg-near', 'sg-far', 'sg-none'),
    prefixListIds: fc.constantFrom([], ['pl-1']),
  }),
  nicType: fc.constant('intranet'),
  sourcePort: fc.constantFrom(80, 1500, 40000),
  localIp: fc.constantFrom('10.9.9.9', '172.16.0.1'),
});

/** A packet that the given rule matches, starting from `base` for the fields the rule leaves open. */
export function packetFor(rule: Rule, base: Packet): Packet {
  const first = (range: string, fallback: number) =>
    range === '' || range === '-1/-1' ? fallback : Number(range.split('/')[0]);
  const network = (cidr: string) => cidr.split('/')[0] as string;
  const peer = { ...base.peer };
  if (rule.peer.kind === 'cidr' || rule.peer.kind === 'ipv6') peer.ip = network(rule.peer.cidr);
  else if (rule.peer.kind === 'group') peer.groupId = rule.peer.groupId;
  else peer.prefixListIds = [rule.peer.prefixListId];
  return {
    ...base,
    direction: rule.direction,
    protocol: rule.protocol === 'all' ? base.protocol : rule.protocol,
    port: first(rule.portRange, base.port),
    sourcePort: first(rule.sourcePortRange, base.sourcePort ?? 1500),
    localIp: rule.localCidr === '' ? base.localIp : network(rule.localCidr),
    nicType: rule.nicType,
    peer,
  };
}
