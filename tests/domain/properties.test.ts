import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePacket } from '../../src/domain/evaluate';
import { normalizeRule, ruleIdentity, ruleToInput } from '../../src/domain/normalize';
import { planRestore } from '../../src/domain/plan';
import { applySteps, compareRuleSets } from '../../src/domain/plan-result';
import type { GroupType, RestoreMode, Rule, RuleInput } from '../../src/domain/types';
import {
  DESTINATION_ID,
  packet,
  packetFor,
  ruleInput,
  scenario,
  SOURCE_ID,
  type Scenario,
} from './arbitraries';

const RUNS = { seed: 20240611, numRuns: 300 };
const BIG = { batchSize: 100, ruleLimit: 10_000 };
const modes = fc.constantFrom<RestoreMode>('completely', 'partially');

function firstByIdentity(rules: Rule[]): Rule[] {
  const seen = new Set<string>();
  return rules.filter((rule) => {
    const key = ruleIdentity(rule);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The destination rule as the restore would create it, or null when ECS would refuse it. */
function restorable(rule: Rule, s: Scenario): Rule | null {
  let result = rule;
  if (
    s.options.retargetSelfReferences &&
    rule.peer.kind === 'group' &&
    rule.peer.groupId === DESTINATION_ID
  ) {
    result = { ...result, peer: { ...rule.peer, groupId: SOURCE_ID } };
  }
  if (s.options.recreateSystemRules && result.priority === 110)
    result = { ...result, priority: 100 };
  return result;
}

function refused(rule: Rule, s: Scenario): boolean {
  const vpcs: Record<string, string> = {
    ...s.groupVpcs,
    [SOURCE_ID]: 'vpc-1',
    [DESTINATION_ID]: s.destination.group.vpcId,
  };
  if (
    s.source.group.type === 'enterprise' &&
    (rule.policy === 'drop' || rule.peer.kind === 'group')
  )
    return true;
  if (rule.peer.kind === 'group' && rule.peer.groupId === SOURCE_ID) return true;
  if (
    rule.peer.kind === 'group' &&
    vpcs[rule.peer.groupId] !== undefined &&
    vpcs[rule.peer.groupId] !== 'vpc-1'
  )
    return true;
  return rule.priority === 110;
}

/** The source after a restore, stated per identity from SPEC.md sections 5 and 6. */
function oracle(s: Scenario, mode: RestoreMode): Rule[] {
  const destination = new Map<string, Rule>();
  for (const rule of s.destination.rules) {
    const target = restorable(rule, s) as Rule;
    const key = ruleIdentity(target);
    if (!destination.has(key)) destination.set(key, target);
  }
  const result: Rule[] = [];
  const sourceKeys = new Set<string>();
  for (const rule of s.source.rules) {
    const key = ruleIdentity(rule);
    sourceKeys.add(key);
    const wanted = destination.get(key);
    if (mode === 'partially') result.push(rule);
    else if (!wanted) {
      if (rule.priority === 110) result.push(rule);
    } else if (rule.priority === 110 || refused(wanted, s)) {
      result.push(rule);
    } else {
      // ECS cannot empty a description in place: the source's rule keeps its own.
      const description = wanted.description === '' ? rule.description : wanted.description;
      result.push({ ...rule, priority: wanted.priority, description });
    }
  }
  for (const [key, rule] of destination) {
    if (!sourceKeys.has(key) && !refused(rule, s)) result.push(rule);
  }
  return result;
}

/** Source groups as ECS holds them: at most one rule per identity. */
const uniqueScenario = scenario().map((s) => ({
  ...s,
  source: { ...s.source, rules: firstByIdentity(s.source.rules) },
}));

describe('plan properties', () => {
  it('applying the plan yields the restore result (Completely: destination restorable + kept; Partially: source + additions)', () => {
    fc.assert(
      fc.property(uniqueScenario, modes, (s, mode) => {
        const { plan } = planRestore(s.source, s.destination, mode, s.options, BIG, {
          groupVpcs: s.groupVpcs,
        });
        const after = applySteps(s.source.rules, plan.steps);
        expect(compareRuleSets(oracle(s, mode), after)).toEqual({ missing: [], unexpected: [] });
        expect(compareRuleSets(plan.expected, after)).toEqual({ missing: [], unexpected: [] });
      }),
      RUNS,
    );
  });

  it('never cuts traffic that both the old and the new rules allow, at any step (make before break)', () => {
    fc.assert(
      fc.property(
        scenario(),
        modes,
        fc.constantFrom<GroupType>('normal', 'enterprise'),
        fc.array(fc.tuple(packet, fc.nat(), fc.boolean()), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 4 }),
        (s, mode, groupType, seeds, batchSize) => {
          const { plan } = planRestore(
            s.source,
            s.destination,
            mode,
            s.options,
            { batchSize, ruleLimit: 10_000 },
            { groupVpcs: s.groupVpcs },
          );
          expect(plan.makeBeforeBreak).toBe(true);
          // Most packets aim at a rule of either group, so the interesting decisions happen.
          const all = [...s.source.rules, ...s.destination.rules];
          const packets = seeds.map(([base, pick, aimed]) =>
            aimed && all.length > 0 ? packetFor(all[pick % all.length] as Rule, base) : base,
          );
          const states = [s.source.rules];
          const phases: string[] = [];
          for (const step of plan.steps) {
            states.push(applySteps(states[states.length - 1] as Rule[], [step]));
            phases.push(step.phase);
          }
          const final = states[states.length - 1] as Rule[];
          for (const p of packets) {
            const before = evaluatePacket(s.source.rules, groupType, p) === 'allow';
            const after = evaluatePacket(final, groupType, p) === 'allow';
            states.forEach((state, i) => {
              const allowed = evaluatePacket(state, groupType, p) === 'allow';
              if (before && after) expect(allowed).toBe(true);
              // Stronger: opening steps only add to what the source allowed; closing steps
              // only take away from a superset of what the result allows.
              if (before && (i === 0 || phases[i - 1] === 'opening')) expect(allowed).toBe(true);
              if (after) expect(allowed || phases[i - 1] === 'opening' || i === 0).toBe(true);
            });
          }
        },
      ),
      RUNS,
    );
  });

  it('touches no unchanged rule, respects the batch size, uses the fewest calls and handles the rule limit', () => {
    fc.assert(
      fc.property(
        scenario(),
        modes,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 30 }),
        (s, mode, batchSize, ruleLimit) => {
          const limits = { batchSize, ruleLimit };
          const { diff, plan } = planRestore(s.source, s.destination, mode, s.options, limits, {
            groupVpcs: s.groupVpcs,
          });
          const unchanged = [...diff.ingress.unchanged, ...diff.egress.unchanged];
          const unchangedIds = new Set(unchanged.map((rule) => rule.meta.ruleId));
          const unchangedKeys = new Set(unchanged.map(ruleIdentity));
          const groups = new Map<string, number>();
          let modifies = 0;
          for (const step of plan.steps) {
            expect(step.rules.length).toBeGreaterThan(0);
            expect(step.rules.length).toBeLessThanOrEqual(step.action === 'modify' ? 1 : batchSize);
            for (const rule of step.rules) {
              if (step.action === 'authorize')
                expect(unchangedKeys.has(ruleIdentity(rule))).toBe(false);
              else expect(unchangedIds.has(rule.meta.ruleId)).toBe(false);
            }
            if (step.action === 'modify') modifies++;
            else {
              const key = `${step.phase}/${step.direction}/${step.action}`;
              groups.set(key, (groups.get(key) ?? 0) + step.rules.length);
            }
          }
          expect(new Set(plan.steps.map((step) => step.id)).size).toBe(plan.steps.length);
          expect(plan.steps.map((step) => step.index)).toEqual(plan.steps.map((_, i) => i));
          expect(plan.calls).toBe(plan.steps.length);
          const minimum = [...groups.values()].reduce(
            (sum, n) => sum + Math.ceil(n / batchSize),
            modifies,
          );
          if (plan.makeBeforeBreak) expect(plan.calls).toBe(minimum);
          else expect(plan.calls).toBeLessThanOrEqual(minimum + 2);

          // Opening additions fit under the limit unless every closing removal already runs first.
          const closingRevokes = plan.steps.filter(
            (step) => step.action === 'revoke' && step.phase === 'closing',
          );
          const allEarly = closingRevokes.every((step) => step.early);
          let rules = s.source.rules;
          for (const step of plan.steps) {
            rules = applySteps(rules, [step]);
            if (step.action === 'authorize' && step.phase === 'opening' && !allEarly)
              expect(rules.length).toBeLessThanOrEqual(ruleLimit);
          }
          expect(plan.makeBeforeBreak).toBe(plan.earlyRemovals.length === 0);
          expect(plan.steps.filter((step) => step.early).flatMap((step) => step.rules)).toEqual(
            plan.earlyRemovals,
          );
        },
      ),
      RUNS,
    );
  });

  it('copes with duplicate identities on both sides', () => {
    fc.assert(
      fc.property(scenario(16), modes, (s, mode) => {
        const { plan } = planRestore(s.source, s.destination, mode, s.options, BIG, {
          groupVpcs: s.groupVpcs,
        });
        for (const step of plan.steps.filter((st) => st.action === 'authorize')) {
          expect(new Set(step.rules.map(ruleIdentity)).size).toBe(step.rules.length);
        }
        const touched = plan.steps
          .filter((st) => st.action !== 'authorize')
          .flatMap((st) => st.rules.map((r) => r.meta.ruleId));
        expect(new Set(touched).size).toBe(touched.length);
        expect(touched.every((id) => id !== undefined)).toBe(true);
        expect(applySteps(s.source.rules, plan.steps)).toEqual(plan.expected);
        // Every destination identity whose first rule is restorable ends up in the result.
        const resultKeys = new Set(plan.expected.map(ruleIdentity));
        const targets = firstByIdentity(
          s.destination.rules.map((rule) => restorable(rule, s) as Rule),
        );
        for (const target of targets) {
          if (!refused(target, s)) expect(resultKeys.has(ruleIdentity(target))).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

/** Equivalent spellings of the same value. */
const cidrClasses = [
  ['10.0.0.0/8', '10.1.2.3/8', '10.255.0.1/8'],
  ['192.168.1.5/32', '192.168.1.5', ' 192.168.1.5 '],
  ['0.0.0.0/0', '1.2.3.4/0'],
];
const ipv6Classes = [
  ['::/0', '::0/0', '0:0::0/0', 'ffff::1/0'],
  ['2001:db8::/32', '2001:DB8:0::1/32', '2001:0db8:ffff::/32'],
  ['fe80::1', 'FE80:0:0:0:0:0:0:1/128'],
];
const portClasses = [
  ['22/22', '22', ' 22 '],
  ['1/65535', '0001/65535'],
];

function mixCase(text: string, mask: number): string {
  return [...text]
    .map((char, i) => ((mask >> (i % 30)) & 1 ? char.toUpperCase() : char.toLowerCase()))
    .join('');
}

const spelledPair = fc
  .record({
    direction: fc.constantFrom('ingress', 'egress'),
    protocol: fc.constantFrom('tcp', 'udp', 'icmp', 'all'),
    policy: fc.constantFrom('accept', 'drop', ''),
    peer: fc.oneof(
      fc.constantFrom(...cidrClasses).map((spellings) => ({ key: 'cidr' as const, spellings })),
      fc.constantFrom(...ipv6Classes).map((spellings) => ({ key: 'ipv6Cidr' as const, spellings })),
    ),
    ports: fc.constantFrom(...portClasses),
    priority: fc.integer({ min: 1, max: 100 }),
    picks: fc.tuple(
      fc.nat(),
      fc.nat(),
      fc.nat(),
      fc.nat(),
      fc.nat({ max: 2 ** 30 }),
      fc.nat({ max: 2 ** 30 }),
    ),
    vpc: fc.boolean(),
  })
  .map(({ direction, protocol, policy, peer, ports, priority, picks, vpc }) => {
    const [a, b, c, d, maskA, maskB] = picks;
    const spell = (
      peerPick: number,
      portPick: number,
      mask: number,
      asString: boolean,
    ): RuleInput => ({
      direction: mixCase(direction, mask),
      protocol: mixCase(protocol, mask >> 3),
      policy: policy === '' && mask % 2 === 0 ? undefined : mixCase(policy, mask >> 5),
      portRange: ports[portPick % ports.length],
      [peer.key]: peer.spellings[peerPick % peer.spellings.length],
      priority: asString ? String(priority) : priority,
      localCidr: mask % 3 === 0 ? undefined : '',
    });
    return { one: spell(a, b, maskA, true), other: spell(c, d, maskB, false), vpc };
  });

describe('normalization properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(ruleInput, fc.boolean(), (input, vpc) => {
        const rule = normalizeRule(input, { vpc });
        expect(normalizeRule(ruleToInput(rule), { vpc })).toEqual(rule);
      }),
      { ...RUNS, numRuns: 500 },
    );
  });

  it('gives equivalent spellings the same identity and priority', () => {
    fc.assert(
      fc.property(spelledPair, ({ one, other, vpc }) => {
        const a = normalizeRule(one, { vpc });
        const b = normalizeRule(other, { vpc });
        expect(ruleIdentity(a)).toBe(ruleIdentity(b));
        expect(a.priority).toBe(b.priority);
      }),
      { ...RUNS, numRuns: 500 },
    );
  });
});
