import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePacket } from '../../src/domain/evaluate';
import { ruleIdentity } from '../../src/domain/normalize';
import { planRestore } from '../../src/domain/plan';
import { applySteps, compareRuleSets } from '../../src/domain/plan-result';
import { preflight } from '../../src/domain/preflight';
import type { PlanLimits, RestoreMode, Rule } from '../../src/domain/types';
import { DESTINATION_ID, packet, packetFor, scenario, SOURCE_ID } from './arbitraries';

const RUNS = { seed: 20250310, numRuns: 400 };
const LIMIT_CODES = new Set(['rule-limit', 'group-reference-limit']);

const isReference = (rule: Rule) => rule.peer.kind === 'group';
const references = (rules: Rule[]) => rules.filter(isReference).length;

function firstByIdentity(rules: Rule[]): Rule[] {
  const seen = new Set<string>();
  return rules.filter((rule) => {
    const key = ruleIdentity(rule);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// Groups of up to 14 rules against limits of 3 to 14 rules and 0 to 4 references: sources and
// results at, just under and just over both limits are common.
const setting = fc.record({
  s: scenario(14).map((s) => ({
    ...s,
    source: { ...s.source, rules: firstByIdentity(s.source.rules) },
  })),
  mode: fc.constantFrom<RestoreMode>('completely', 'partially'),
  limits: fc.record<PlanLimits>({
    batchSize: fc.integer({ min: 1, max: 4 }),
    ruleLimit: fc.integer({ min: 3, max: 14 }),
    groupReferenceLimit: fc.integer({ min: 0, max: 4 }),
  }),
  packets: fc.array(fc.tuple(packet, fc.nat(), fc.boolean()), { minLength: 1, maxLength: 8 }),
});

describe('pre-flight properties', () => {
  it('passing plans stay under both limits at every step, reach the expected rules and keep make-before-break; failing ones have no fitting order', () => {
    fc.assert(
      fc.property(setting, ({ s, mode, limits, packets }) => {
        const { plan } = planRestore(s.source, s.destination, mode, s.options, limits, {
          groupVpcs: s.groupVpcs,
        });
        const groupVpcs = {
          ...s.groupVpcs,
          [SOURCE_ID]: s.source.group.vpcId,
          [DESTINATION_ID]: s.destination.group.vpcId,
        };
        const failures = preflight({ source: s.source, plan, limits, groupVpcs });
        const referenceLimit = limits.groupReferenceLimit ?? 20;
        const basic = s.source.group.type === 'normal';

        // Any order fits exactly when the result does: all removals first, then the additions.
        const additions = plan.steps
          .filter((st) => st.action === 'authorize')
          .flatMap((st) => st.rules);
        const rulesFit = additions.length === 0 || plan.expected.length <= limits.ruleLimit;
        const referencesFit =
          !basic || references(additions) === 0 || references(plan.expected) <= referenceLimit;
        const limitFailed = failures.some((failure) => LIMIT_CODES.has(failure.code));
        expect(limitFailed).toBe(!(rulesFit && referencesFit));
        if (failures.length > 0) return;

        const states = [s.source.rules];
        for (const step of plan.steps) {
          const state = applySteps(states[states.length - 1] as Rule[], [step]);
          states.push(state);
          expect(state.length).toBeLessThanOrEqual(
            Math.max(limits.ruleLimit, s.source.rules.length),
          );
          if (step.action !== 'authorize') continue;
          expect(state.length).toBeLessThanOrEqual(limits.ruleLimit);
          if (basic && step.rules.some(isReference))
            expect(references(state)).toBeLessThanOrEqual(referenceLimit);
        }
        const final = states[states.length - 1] as Rule[];
        expect(compareRuleSets(plan.expected, final)).toEqual({ missing: [], unexpected: [] });
        expect(plan.makeBeforeBreak).toBe(plan.earlyRemovals.length === 0);
        if (!plan.makeBeforeBreak) return;

        const all = [...s.source.rules, ...s.destination.rules];
        const type = s.source.group.type;
        for (const [base, pick, aimed] of packets) {
          const p =
            aimed && all.length > 0 ? packetFor(all[pick % all.length] as Rule, base) : base;
          const before = evaluatePacket(s.source.rules, type, p) === 'allow';
          const after = evaluatePacket(final, type, p) === 'allow';
          if (!(before && after)) continue;
          for (const state of states) expect(evaluatePacket(state, type, p)).toBe('allow');
        }
      }),
      RUNS,
    );
  });
});
