/**
 * Cherry-pick properties (SPEC section 13): for random pairs and random selections, the plan
 * touches only the selected rows, stays make-before-break, and its result is the source with
 * exactly the selected changes applied, defined per identity against the full restore.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleIdentity } from '../../src/domain/normalize';
import { planRestore } from '../../src/domain/plan';
import { applySteps, compareRuleSets } from '../../src/domain/plan-result';
import { revisionOf } from '../../src/domain/revision';
import { selectDiff } from '../../src/domain/selection';
import { DIRECTIONS, type RestoreMode, type Rule, type RuleDiff } from '../../src/domain/types';
import { scenario } from './arbitraries';

const RUNS = { seed: 20261201, numRuns: 300 };
const BIG = { batchSize: 3, ruleLimit: 10_000 };
const modes = fc.constantFrom<RestoreMode>('completely', 'partially');

/** The identities of the rows a restore of `mode` would change: what a checkbox can exclude. */
function changeable(diff: RuleDiff): string[] {
  return DIRECTIONS.flatMap((direction) => {
    const part = diff[direction];
    return [
      ...part.added.map(ruleIdentity),
      ...(diff.mode === 'completely'
        ? [...part.removed.map(ruleIdentity), ...part.changed.map((c) => ruleIdentity(c.before))]
        : []),
    ];
  });
}

function byIdentity(rules: Rule[]): Map<string, Rule[]> {
  const map = new Map<string, Rule[]>();
  for (const rule of rules)
    map.set(ruleIdentity(rule), [...(map.get(ruleIdentity(rule)) ?? []), rule]);
  return map;
}

/** Per identity: the source's own rules when excluded, else what the full restore leaves. */
function oracle(source: Rule[], full: Rule[], excluded: ReadonlySet<string>): Rule[] {
  const before = byIdentity(source);
  const after = byIdentity(full);
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].flatMap((key) => (excluded.has(key) ? before.get(key) : after.get(key)) ?? []);
}

const withSelection = fc
  .tuple(scenario(), modes, fc.array(fc.boolean(), { maxLength: 30 }))
  .map(([s, mode, picks]) => {
    // One rule per identity in the source, so "the source's rule of an identity" is one rule.
    const seen = new Set<string>();
    const rules = s.source.rules.filter(
      (rule) => !seen.has(ruleIdentity(rule)) && seen.add(ruleIdentity(rule)),
    );
    return { s: { ...s, source: { ...s.source, rules } }, mode, picks };
  });

describe('cherry-pick properties', () => {
  it('touches only selected rows, stays make-before-break and yields the source with exactly the selected changes', () => {
    fc.assert(
      fc.property(withSelection, ({ s, mode, picks }) => {
        const context = { groupVpcs: s.groupVpcs };
        const full = planRestore(s.source, s.destination, mode, s.options, BIG, context);
        const keys = changeable(full.diff);
        const excluded = keys.filter((_, i) => picks[i % Math.max(1, picks.length)] === true);
        const excludedSet = new Set(excluded);
        const { plan, selection } = planRestore(s.source, s.destination, mode, s.options, BIG, {
          ...context,
          excluded,
        });

        expect(selection.unmatched).toEqual([]);
        expect(selection.excluded).toEqual([...excludedSet].sort());
        const touched = plan.steps.flatMap((step) => step.rules.map(ruleIdentity));
        for (const key of touched) expect(excludedSet.has(key)).toBe(false);
        expect(new Set(touched)).toEqual(new Set(keys.filter((key) => !excludedSet.has(key))));

        expect(plan.makeBeforeBreak).toBe(true);
        const phases = plan.steps.map((step) => step.phase);
        expect(phases).toEqual(
          [...phases].sort((a, b) => (a === b ? 0 : a === 'opening' ? -1 : 1)),
        );

        const after = applySteps(s.source.rules, plan.steps);
        const wanted = oracle(
          s.source.rules,
          applySteps(s.source.rules, full.plan.steps),
          excludedSet,
        );
        expect(compareRuleSets(wanted, after)).toEqual({ missing: [], unexpected: [] });
        expect(compareRuleSets(plan.expected, after)).toEqual({ missing: [], unexpected: [] });
        if (excluded.length > 0) expect(plan.revision).not.toBe(full.plan.revision);
      }),
      RUNS,
    );
  });
});

describe('selectDiff', () => {
  it('reports exclusions that name no changeable row, and nothing else, as unmatched', () => {
    fc.assert(
      fc.property(withSelection, ({ s, mode }) => {
        const { diff } = planRestore(s.source, s.destination, mode, s.options, BIG, {
          groupVpcs: s.groupVpcs,
        });
        const keys = changeable(diff);
        const ghost = 'ingress|accept|tcp|1/1|-1/-1|cidr:203.0.113.250/32|||intranet';
        const result = selectDiff(diff, [...keys, ghost]);
        expect(result.unmatched).toEqual(keys.includes(ghost) ? [] : [ghost]);
        expect(changeable(result.diff)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('leaves the revision of a full restore unchanged when nothing is excluded', () => {
    fc.assert(
      fc.property(withSelection, ({ s, mode }) => {
        const plain = revisionOf(s.source, s.destination, mode, s.options, BIG);
        expect(revisionOf(s.source, s.destination, mode, s.options, BIG, { excluded: [] })).toBe(
          plain,
        );
      }),
      { ...RUNS, numRuns: 50 },
    );
  });
});
