import { describe, expect, it } from 'vitest';
import { planRestore } from '../../src/domain/plan';
import { revisionOf } from '../../src/domain/revision';
import { DEFAULT_PLAN_LIMITS, DEFAULT_RESTORE_OPTIONS, type Rule } from '../../src/domain/types';
import { group, stored } from './builders';

const opts = DEFAULT_RESTORE_OPTIONS;

describe('revisionOf', () => {
  const rules = [stored({ portRange: '1' }), stored({ portRange: '2', description: 'x' })];
  const source = group('sg-src', rules);
  const destination = group('sg-dst', [stored({ portRange: '3' })]);
  const revision = revisionOf(source, destination, 'completely', opts);

  it('is 16 hex characters and stable', () => {
    expect(revision).toMatch(/^[0-9a-f]{16}$/);
    expect(revisionOf(source, destination, 'completely', opts, DEFAULT_PLAN_LIMITS)).toBe(revision);
    expect(planRestore(source, destination, 'completely', opts).plan.revision).toBe(revision);
  });

  it('ignores rule order, rule IDs and creation times', () => {
    const reordered = group(
      'sg-src',
      [...rules].reverse().map((r) => ({ ...r, meta: { createTime: 'now' } })),
    );
    expect(revisionOf(reordered, destination, 'completely', opts)).toBe(revision);
  });

  it('changes with rules, priority, description, mode, options, limits, groups and context', () => {
    const variants = [
      revisionOf(group('sg-src', [rules[0] as Rule]), destination, 'completely', opts),
      revisionOf(
        group('sg-src', [rules[0] as Rule, { ...(rules[1] as Rule), priority: 2 }]),
        destination,
        'completely',
        opts,
      ),
      revisionOf(
        group('sg-src', [rules[0] as Rule, { ...(rules[1] as Rule), description: 'y' }]),
        destination,
        'completely',
        opts,
      ),
      revisionOf(source, destination, 'partially', opts),
      revisionOf(source, destination, 'completely', { ...opts, recreateSystemRules: true }),
      revisionOf(source, destination, 'completely', { ...opts, retargetSelfReferences: true }),
      revisionOf(source, destination, 'completely', opts, { batchSize: 50, ruleLimit: 200 }),
      revisionOf(source, group('sg-other', destination.rules), 'completely', opts),
      revisionOf(source, destination, 'completely', opts, DEFAULT_PLAN_LIMITS, {
        groupVpcs: { 'sg-x': 'vpc-2' },
      }),
      revisionOf(destination, source, 'completely', opts),
    ];
    expect(new Set([revision, ...variants]).size).toBe(variants.length + 1);
  });

  it('counts duplicates', () => {
    const doubled = group('sg-src', [...rules, rules[0] as Rule]);
    expect(revisionOf(doubled, destination, 'completely', opts)).not.toBe(revision);
  });
});
