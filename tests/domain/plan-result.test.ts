import { describe, expect, it } from 'vitest';
import { applySteps, compareRuleSets } from '../../src/domain/plan-result';
import type { PlanStep, Rule } from '../../src/domain/types';
import { stored } from './builders';

describe('applySteps', () => {
  const existing = stored({ portRange: '1' });
  const step = (action: PlanStep['action'], rules: Rule[]): PlanStep => ({
    id: `s-${action}`,
    index: 0,
    phase: 'opening',
    action,
    direction: 'ingress',
    rules,
    early: false,
  });

  it('ignores an Authorize of an existing identity, like ECS', () => {
    const after = applySteps(
      [existing],
      [step('authorize', [{ ...existing, priority: 9, meta: {} }])],
    );
    expect(after).toEqual([existing]);
  });

  it('adds new rules without a rule ID', () => {
    const fresh = stored({ portRange: '2' });
    expect(applySteps([existing], [step('authorize', [fresh])])).toEqual([
      existing,
      { ...fresh, meta: {} },
    ]);
  });

  it('revokes and modifies by rule ID only', () => {
    const twin = { ...existing, meta: {} };
    expect(applySteps([existing, twin], [step('revoke', [existing])])).toEqual([twin]);
    expect(
      applySteps([existing], [step('revoke', [{ ...existing, meta: { ruleId: 'sgr-none' } }])]),
    ).toEqual([existing]);
    expect(
      applySteps(
        [existing],
        [step('modify', [{ ...existing, priority: 3, meta: { ruleId: existing.meta.ruleId } }])],
      ),
    ).toEqual([{ ...existing, priority: 3 }]);
  });

  it('lets a revoked identity be added again', () => {
    const again = { ...existing, meta: {} };
    expect(
      applySteps([existing], [step('revoke', [existing]), step('authorize', [again])]),
    ).toEqual([again]);
  });
});

describe('compareRuleSets', () => {
  it('compares identity, priority and description as multisets, ignoring meta', () => {
    const a = stored({ portRange: '1' });
    const b = stored({ portRange: '2' });
    expect(compareRuleSets([a, b], [{ ...b, meta: {} }, a])).toEqual({
      missing: [],
      unexpected: [],
    });
    const moved = { ...b, priority: 5 };
    expect(compareRuleSets([a, b], [a, moved])).toEqual({ missing: [b], unexpected: [moved] });
    expect(compareRuleSets([a, a], [a])).toEqual({ missing: [a], unexpected: [] });
  });
});
