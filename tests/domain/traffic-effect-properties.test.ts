/**
 * The traffic effect against the evaluator, packet by packet: a packet lies in a statement
 * exactly when its verdict changes, and then with that change. Packets are drawn mostly on and
 * around the rules' boundaries (ports and addresses just inside and just outside each rule).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrRange, formatAddress } from '../../src/domain/address-space';
import { evaluatePacket, type Packet, type PacketProtocol } from '../../src/domain/evaluate';
import { normalizeRule } from '../../src/domain/normalize';
import { trafficEffect, type TrafficStatement } from '../../src/domain/traffic-effect';
import { statementCovers } from '../../src/domain/traffic-statement';
import type { GroupType, Rule, RuleInput } from '../../src/domain/types';

const PLANS = 300;
const PACKETS_PER_PLAN = 2_000;

const ipv4 = fc.oneof(
  fc.constantFrom(
    '0.0.0.0/0',
    '10.0.0.0/8',
    '10.1.0.0/16',
    '10.1.2.0/24',
    '10.1.2.3/32',
    '10.128.0.0/9',
    '172.16.0.0/12',
    '192.168.0.0/16',
  ),
  fc
    .tuple(fc.constantFrom(10, 172, 192), fc.nat(255), fc.nat(255), fc.integer({ min: 8, max: 32 }))
    .map(([a, b, c, prefix]) => `${a}.${b}.${c}.0/${prefix}`),
);
const ipv6 = fc.oneof(
  fc.constantFrom('::/0', '2001:db8::/32', '2001:db8:1::/48', 'fe80::/10', '2001:db8::1/128'),
  fc
    .tuple(fc.nat(0xffff), fc.integer({ min: 16, max: 128 }))
    .map(([group, prefix]) => `2001:db8:${group.toString(16)}::/${prefix}`),
);
const peer = fc.oneof(
  { weight: 6, arbitrary: ipv4.map((cidr) => ({ cidr })) },
  { weight: 3, arbitrary: ipv6.map((ipv6Cidr) => ({ ipv6Cidr })) },
  { weight: 1, arbitrary: fc.constantFrom('sg-a', 'sg-b').map((groupId) => ({ groupId })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('pl-1', 'pl-2').map((prefixListId) => ({ prefixListId })),
  },
);
const portRange = fc.oneof(
  fc.constantFrom('22/22', '80/80', '1/65535', '20/30', '25/80', '1000/2000', '65535/65535', '1/1'),
  fc
    .tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 0, max: 3000 }))
    .map(([from, width]) => `${from}/${Math.min(65535, from + width)}`),
);

function ruleInput(conditions: boolean, classic: boolean): fc.Arbitrary<RuleInput> {
  return fc
    .record({
      direction: fc.constantFrom('ingress', 'ingress', 'egress'),
      policy: fc.constantFrom('accept', 'accept', 'drop'),
      protocol: fc.constantFrom('tcp', 'tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'),
      portRange,
      priority: fc.constantFrom(1, 2, 5, 5, 50, 100),
      nicType: classic ? fc.constantFrom('internet', 'intranet') : fc.constant('intranet'),
      sourcePortRange: conditions ? fc.constantFrom('', '', '1000/2000') : fc.constant(''),
      localCidr: conditions ? fc.constantFrom('', '', '', '10.0.0.0/8') : fc.constant(''),
      peer,
    })
    .map(({ peer: p, ...rest }) => ({ ...rest, ...p }));
}

interface Plan {
  type: GroupType;
  before: Rule[];
  after: Rule[];
  conditional: boolean;
  seed: number;
}

const plan: fc.Arbitrary<Plan> = fc
  .record({
    type: fc.constantFrom<GroupType>('normal', 'normal', 'enterprise'),
    classic: fc.boolean(),
    conditional: fc.constantFrom(false, false, false, true),
    seed: fc.integer(),
  })
  .chain(({ type, classic, conditional, seed }) => {
    const input = ruleInput(conditional, classic);
    const edit = fc.record({
      keep: fc.constantFrom('same', 'same', 'same', 'drop', 'priority', 'policy'),
      priority: fc.constantFrom(1, 3, 5, 60),
    });
    return fc
      .record({
        before: fc.array(input, { maxLength: 10 }),
        edits: fc.array(edit, { minLength: 10, maxLength: 10 }),
        added: fc.array(input, { maxLength: 4 }),
      })
      .map(({ before, edits, added }): Plan => {
        const ctx = { vpc: !classic };
        const beforeRules = before.map((r) => normalizeRule(r, ctx));
        const after: Rule[] = [];
        beforeRules.forEach((r, i) => {
          const e = edits[i] ?? { keep: 'same', priority: 1 };
          if (e.keep === 'same') after.push(r);
          else if (e.keep === 'priority') after.push({ ...r, priority: e.priority });
          else if (e.keep === 'policy')
            after.push({ ...r, policy: r.policy === 'accept' ? 'drop' : 'accept' });
        });
        after.push(...added.map((r) => normalizeRule(r, ctx)));
        return { type, before: beforeRules, after, conditional, seed };
      });
  });

/** A small seeded generator (mulberry32), so each plan's packets are reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PACKET_PROTOCOLS: PacketProtocol[] = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre'];

function packets(p: Plan): Packet[] {
  const next = random(p.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const rules = [...p.before, ...p.after];
  const near = (lo: bigint, hi: bigint, max: bigint): bigint => {
    const span = hi - lo + 1n;
    const inside = lo + (BigInt(Math.floor(next() * 2 ** 30)) % span);
    const value = pick([lo - 1n, lo, hi, hi + 1n, inside, inside]);
    return value < 0n ? 0n : value > max ? max : value;
  };
  const result: Packet[] = [];
  for (let i = 0; i < PACKETS_PER_PLAN; i++) {
    const aim = rules.length > 0 && next() < 0.85 ? pick(rules) : undefined;
    const protocol =
      aim && aim.protocol !== 'all' && next() < 0.8 ? aim.protocol : pick(PACKET_PROTOCOLS);
    const [lo = 1, hi = 65535] =
      aim && aim.portRange !== '-1/-1' ? aim.portRange.split('/').map(Number) : [1, 65535];
    const port = Math.min(65535, Math.max(1, Number(near(BigInt(lo), BigInt(hi), 65535n))));
    let packetPeer: Packet['peer'];
    const kind = aim?.peer.kind ?? pick(['cidr', 'ipv6', 'group', 'prefixList'] as const);
    const aimed = aim?.peer;
    if (kind === 'cidr' || kind === 'ipv6') {
      const family = kind === 'cidr' ? 4 : 6;
      const cidr =
        aimed && 'cidr' in aimed ? aimed.cidr : family === 4 ? '10.1.2.0/24' : '2001:db8::/32';
      const range = cidrRange(cidr, family) ?? { lo: 0n, hi: 0n };
      const max = (1n << (family === 4 ? 32n : 128n)) - 1n;
      packetPeer = { ip: formatAddress(near(range.lo, range.hi, max), family) };
    } else if (kind === 'group') {
      packetPeer = { groupId: pick(['sg-a', 'sg-b', 'sg-c']) };
    } else {
      packetPeer = { prefixListIds: [pick(['pl-1', 'pl-2', 'pl-3'])] };
    }
    result.push({
      direction: aim?.direction ?? pick(['ingress', 'egress'] as const),
      protocol,
      port,
      peer: packetPeer,
      nicType: aim?.nicType ?? 'intranet',
      sourcePort: pick([500, 1000, 1500, 2000, 40000]),
      localIp: pick(['10.9.9.9', '172.16.0.1']),
    });
  }
  return result;
}

function adjacentOrOverlapping(x: string | null, y: string | null): boolean {
  if (x === null || y === null) return x === y;
  const [xLo = 0, xHi = 0] = x.split('/').map(Number);
  const [yLo = 0, yHi = 0] = y.split('/').map(Number);
  return xLo <= yHi + 1 && yLo <= xHi + 1;
}

function sameSet(x: TrafficStatement, y: TrafficStatement): boolean {
  return (
    x.direction === y.direction &&
    x.nicType === y.nicType &&
    x.protocol === y.protocol &&
    x.from === y.from &&
    x.approximate === y.approximate &&
    JSON.stringify(x.peer) === JSON.stringify(y.peer)
  );
}

describe('trafficEffect agrees with the evaluator', () => {
  it(`on ${PACKETS_PER_PLAN} packets for each of ${PLANS} plans, and its statements are merged`, () => {
    let changedPackets = 0;
    fc.assert(
      fc.property(plan, (p) => {
        const effect = trafficEffect(p.before, p.after, { type: p.type }, { limit: Infinity });
        const statements = [...effect.ingress.statements, ...effect.egress.statements];
        if (!p.conditional) expect(statements.filter((s) => s.approximate)).toEqual([]);
        for (const packet of packets(p)) {
          const before =
            evaluatePacket(p.before, p.type, packet) === 'allow' ? 'allowed' : 'blocked';
          const after = evaluatePacket(p.after, p.type, packet) === 'allow' ? 'allowed' : 'blocked';
          const covering = statements.filter((s) => statementCovers(s, packet));
          for (const s of covering.filter((c) => !c.approximate)) {
            expect({ packet, from: s.from, to: s.to }).toEqual({ packet, from: before, to: after });
          }
          if (before !== after) {
            changedPackets++;
            const stated = covering.some((s) => s.from === before && s.to === after);
            expect({ packet, before, after, stated }).toEqual({
              packet,
              before,
              after,
              stated: true,
            });
          }
        }
        // Same traffic set and change on touching port ranges would have been one statement.
        statements.forEach((x, i) =>
          statements.slice(i + 1).forEach((y) => {
            if (sameSet(x, y)) expect(adjacentOrOverlapping(x.ports, y.ports)).toBe(false);
          }),
        );
      }),
      { numRuns: PLANS, seed: 15 },
    );
    // The packets must actually probe changes, or the property says little.
    expect(changedPackets).toBeGreaterThan(PLANS * 100);
  }, 120_000);
});
