/**
 * What a plan does to a group: the rules ECS should hold after it (`expectedAfter`), a model of
 * ECS applying steps one by one (`applySteps`), and the comparison of two rule sets that the
 * verification read uses (`compareRuleSets`).
 */
import { ruleIdentity } from './normalize';
import { ruleStateKey } from './revision';
import type { PlanStep, Rule } from './types';

/** The rule as Authorize sends it: instance facts of another group do not travel. */
export function forAuthorize(rule: Rule): Rule {
  const { ruleId: _ruleId, createTime: _createTime, ...meta } = rule.meta;
  return { ...rule, meta };
}

/**
 * The source's rules after the plan. Same result as `applySteps` (a property test holds them
 * equal) without recomputing identities: the plan only authorizes identities the source lacks.
 */
export function expectedAfter(rules: Rule[], steps: PlanStep[]): Rule[] {
  // By rule ID: the desired state of a modified rule, or null for a revoked one (one lookup per rule).
  const outcome = new Map<string, Rule | null>();
  const added: Rule[] = [];
  for (const step of steps) {
    for (const rule of step.rules) {
      const id = rule.meta.ruleId;
      if (step.action === 'authorize') added.push(forAuthorize(rule));
      else if (id === undefined) continue;
      else if (step.action === 'revoke') outcome.set(id, null);
      else if (outcome.get(id) !== null) outcome.set(id, rule);
    }
  }
  const result: Rule[] = [];
  for (const rule of rules) {
    const id = rule.meta.ruleId;
    const desired = id === undefined ? undefined : outcome.get(id);
    if (desired === null) continue;
    result.push(desired ? { ...desired, meta: rule.meta } : rule);
  }
  for (const rule of added) result.push(rule);
  return result;
}

/**
 * Simulates ECS applying steps to a group's rules: Authorize of an existing identity adds
 * nothing (new rules get no rule ID: ECS does not return one); Revoke and Modify act by rule ID.
 * Linear in rules + steps, so it also serves large plans.
 */
export function applySteps(rules: Rule[], steps: PlanStep[]): Rule[] {
  const slots: (Rule | null)[] = [...rules];
  const slotsById = new Map<string, number[]>();
  const identityCounts = new Map<string, number>();
  const count = (key: string, delta: number) =>
    identityCounts.set(key, (identityCounts.get(key) ?? 0) + delta);
  slots.forEach((rule, index) => {
    if (!rule) return;
    count(ruleIdentity(rule), 1);
    const id = rule.meta.ruleId;
    if (id !== undefined) slotsById.set(id, [...(slotsById.get(id) ?? []), index]);
  });

  for (const step of steps) {
    for (const desired of step.rules) {
      if (step.action === 'authorize') {
        const key = ruleIdentity(desired);
        if ((identityCounts.get(key) ?? 0) > 0) continue;
        count(key, 1);
        slots.push(forAuthorize(desired));
        continue;
      }
      const id = desired.meta.ruleId;
      if (id === undefined) continue;
      for (const index of slotsById.get(id) ?? []) {
        const existing = slots[index];
        if (!existing) continue;
        count(ruleIdentity(existing), -1);
        if (step.action === 'revoke') {
          slots[index] = null;
        } else {
          const modified: Rule = { ...desired, meta: existing.meta };
          slots[index] = modified;
          count(ruleIdentity(modified), 1);
        }
      }
    }
  }
  return slots.filter((rule): rule is Rule => rule !== null);
}

/**
 * Compares two rule multisets by identity, priority and description (rule IDs and other meta
 * ignored). `missing`: expected but absent; `unexpected`: present but not expected.
 */
export function compareRuleSets(
  expected: Rule[],
  actual: Rule[],
): { missing: Rule[]; unexpected: Rule[] } {
  const pending = new Map<string, number>();
  for (const rule of actual) {
    const key = ruleStateKey(rule);
    pending.set(key, (pending.get(key) ?? 0) + 1);
  }
  const missing: Rule[] = [];
  for (const rule of expected) {
    const key = ruleStateKey(rule);
    const count = pending.get(key) ?? 0;
    if (count === 0) missing.push(rule);
    else pending.set(key, count - 1);
  }
  const unexpected: Rule[] = [];
  for (const rule of actual) {
    const key = ruleStateKey(rule);
    const count = pending.get(key) ?? 0;
    if (count > 0) {
      unexpected.push(rule);
      pending.set(key, count - 1);
    }
  }
  return { missing, unexpected };
}
