import { bench, describe } from 'vitest';
import { diffRules } from '../../src/domain/diff';
import { normalizeRule } from '../../src/domain/normalize';
import { planRestore } from '../../src/domain/plan';
import { trafficEffect } from '../../src/domain/traffic-effect';
import { DEFAULT_RESTORE_OPTIONS, type GroupRules, type Rule } from '../../src/domain/types';

/** Rule `i` of a deterministic family: distinct identities, both directions, both policies. */
function makeRule(i: number, priority: number, description: string, ruleId?: string): Rule {
  return normalizeRule(
    {
      direction: i % 3 === 0 ? 'egress' : 'ingress',
      policy: i % 7 === 0 ? 'drop' : 'accept',
      protocol: i % 2 === 0 ? 'TCP' : 'UDP',
      portRange: String((i % 60_000) + 1),
      cidr: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}/32`,
      priority,
      description,
      meta: ruleId ? { ruleId } : {},
    },
    { vpc: true },
  );
}

/** A source of n rules and a destination that shares 90% (a tenth of those re-prioritized). */
function groups(n: number): { source: GroupRules; destination: GroupRules } {
  const sourceRules: Rule[] = [];
  const destinationRules: Rule[] = [];
  for (let i = 0; i < n; i++) {
    sourceRules.push(makeRule(i, 1 + (i % 100), 'rule', `sgr-s${i}`));
    if (i % 10 !== 0)
      destinationRules.push(
        makeRule(i, i % 10 === 5 ? 100 - (i % 100) : 1 + (i % 100), 'rule', `sgr-d${i}`),
      );
    else destinationRules.push(makeRule(n + i, 50, 'new', `sgr-d${i}`));
  }
  const info = (id: string) => ({
    id,
    name: id,
    regionId: 'cn-hangzhou',
    vpcId: 'vpc-1',
    type: 'normal' as const,
  });
  return {
    source: { group: info('sg-src'), rules: sourceRules },
    destination: { group: info('sg-dst'), rules: destinationRules },
  };
}

const limits = { batchSize: 100, ruleLimit: 1_000_000 };
const SIZES = [100, 1_000, 10_000, 100_000];
const data = new Map(SIZES.map((n) => [n, groups(n)]));

// Target: 2 x 10,000 under 20 ms, and 10x the rules in at most about 12x the time.
describe('diff + plan (Completely)', () => {
  for (const [n, { source, destination }] of data) {
    bench(`2 x ${n.toLocaleString('en')} rules`, () => {
      planRestore(source, destination, 'completely', DEFAULT_RESTORE_OPTIONS, limits);
    });
  }
});

// The diff alone, to tell its share from the plan's (steps, expected rules, revision hash).
describe('diff only (Completely)', () => {
  for (const n of [10_000, 100_000]) {
    const { source, destination } = data.get(n) ?? groups(n);
    bench(`2 x ${n.toLocaleString('en')} rules`, () => {
      diffRules(source, destination, 'completely', DEFAULT_RESTORE_OPTIONS);
    });
  }
});

/** A small seeded generator (mulberry32), so both sides of a bench case are reproducible. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REAL_CIDRS = [
  '0.0.0.0/0',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  ...Array.from({ length: 24 }, (_, i) => `10.${i}.${(i * 37) % 256}.0/${[16, 24, 28, 32][i % 4]}`),
  '::/0',
  '2001:db8::/32',
  '2001:db8:1::/48',
];
const REAL_PORTS = [
  '22/22',
  '80/80',
  '443/443',
  '3306/3306',
  '6379/6379',
  '8080/8080',
  '8443/8443',
  '9000/9100',
  '1/65535',
  '53/53',
  '123/123',
  '25/25',
  '3389/3389',
  '5432/5432',
  '27017/27017',
  '30000/32767',
  ...Array.from({ length: 14 }, (_, i) => `${7000 + i * 10}/${7000 + i * 10}`),
];

/** Rules drawn as real groups look: a few dozen addresses and ports, mostly TCP Accepts. */
function realisticRule(next: () => number): Rule {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const cidr = pick(REAL_CIDRS);
  const protocol = pick(['TCP', 'TCP', 'TCP', 'TCP', 'UDP', 'ICMP', 'ALL']);
  return normalizeRule(
    {
      direction: next() < 0.8 ? 'ingress' : 'egress',
      policy: next() < 0.85 ? 'accept' : 'drop',
      protocol,
      portRange: protocol === 'TCP' || protocol === 'UDP' ? pick(REAL_PORTS) : '-1/-1',
      ...(cidr.includes(':') ? { ipv6Cidr: cidr } : { cidr }),
      priority: pick([1, 1, 1, 10, 50, 100]),
    },
    { vpc: true },
  );
}

/** Both sides share about 90% of the rules; the rest are removed, added or re-prioritized. */
function realisticSides(n: number): { before: Rule[]; after: Rule[] } {
  const next = seeded(n);
  const before = Array.from({ length: n }, () => realisticRule(next));
  const after: Rule[] = [];
  for (const rule of before) {
    const roll = next();
    if (roll < 0.04) continue;
    after.push(roll < 0.07 ? { ...rule, priority: 1 + Math.floor(next() * 100) } : rule);
  }
  while (after.length < n) after.push(realisticRule(next));
  return { before, after };
}

/** Adversarial: every rule its own port range and CIDR; the sides share half of them. */
function adversarialSides(n: number): { before: Rule[]; after: Rule[] } {
  const next = seeded(7 * n);
  const make = (): Rule => {
    const from = 1 + Math.floor(next() * 65000);
    const address = Math.floor(next() * 2 ** 32);
    const prefix = 16 + Math.floor(next() * 17);
    const octets = [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join('.');
    return normalizeRule(
      {
        direction: 'ingress',
        policy: next() < 0.7 ? 'accept' : 'drop',
        protocol: next() < 0.8 ? 'TCP' : 'UDP',
        portRange: `${from}/${from + Math.floor(next() * 500)}`,
        cidr: `${octets}/${prefix}`,
        priority: 1 + Math.floor(next() * 100),
      },
      { vpc: true },
    );
  };
  const before = Array.from({ length: n }, make);
  return { before, after: [...before.slice(0, n / 2), ...Array.from({ length: n / 2 }, make)] };
}

const TRAFFIC_SIZES = [100, 1_000, 5_000];
const basicGroup = { type: 'normal' as const };

// Target: 2 x 1,000 realistic rules under 50 ms, growing no worse than n log n. The output is
// at most 50 statements per direction (the rest counted in `more`) whatever the input.
describe('traffic effect (realistic groups)', () => {
  for (const n of TRAFFIC_SIZES) {
    const { before, after } = realisticSides(n);
    bench(`2 x ${n.toLocaleString('en')} rules`, () => {
      trafficEffect(before, after, basicGroup);
    });
  }
});

describe('traffic effect (adversarial: every rule its own ports and CIDR)', () => {
  for (const n of TRAFFIC_SIZES) {
    const { before, after } = adversarialSides(n);
    bench(`2 x ${n.toLocaleString('en')} rules`, () => {
      trafficEffect(before, after, basicGroup);
    });
  }
});
