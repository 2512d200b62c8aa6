import { bench, describe } from 'vitest';
import { diffRules } from '../../src/domain/diff';
import { normalizeRule } from '../../src/domain/normalize';
import { planRestore } from '../../src/domain/plan';
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
