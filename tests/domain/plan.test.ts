import { describe, expect, it } from 'vitest';
import { modifyPhase, planRestore } from '../../src/domain/plan';
import { compareRuleSets } from '../../src/domain/plan-result';
import { DEFAULT_RESTORE_OPTIONS, type PlanStep } from '../../src/domain/types';
import { group, stored } from './builders';

const opts = DEFAULT_RESTORE_OPTIONS;

function summary(steps: PlanStep[]): string[] {
  return steps.map((step) => `${step.id}:${step.rules.length}`);
}

describe('planRestore: order', () => {
  it('runs opening steps (add Accept, remove Drop) before closing ones (add Drop, remove Accept)', () => {
    const oldAccept = stored({ portRange: '1' });
    const oldDrop = stored({ portRange: '2', policy: 'drop' });
    const source = group('sg-src', [oldAccept, oldDrop]);
    const destination = group('sg-dst', [
      stored({ portRange: '3' }),
      stored({ portRange: '4', policy: 'drop' }),
    ]);
    const { plan } = planRestore(source, destination, 'completely', opts);
    expect(summary(plan.steps)).toEqual([
      'open-revoke-ingress-1:1',
      'open-authorize-ingress-1:1',
      'close-revoke-ingress-1:1',
      'close-authorize-ingress-1:1',
    ]);
    expect(plan.steps.map((s) => s.phase)).toEqual(['opening', 'opening', 'closing', 'closing']);
    expect(plan.steps.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(plan.steps[0]?.rules).toEqual([oldDrop]);
    expect(plan.steps[2]?.rules).toEqual([oldAccept]);
    expect(plan.calls).toBe(4);
    expect(plan.makeBeforeBreak).toBe(true);
  });

  it('treats a new Drop as closing', () => {
    const { plan } = planRestore(
      group('sg-src', []),
      group('sg-dst', [stored({ policy: 'drop' })]),
      'completely',
      opts,
    );
    expect(plan.steps.map((s) => [s.phase, s.action])).toEqual([['closing', 'authorize']]);
  });

  it('treats a priority change as closing when it makes an Accept lose or a Drop win more often', () => {
    const accept = stored({ portRange: '1', priority: 5 });
    const drop = stored({ portRange: '2', policy: 'drop', priority: 50 });
    const { plan } = planRestore(
      group('sg-src', [accept, drop]),
      group('sg-dst', [
        stored({ portRange: '1', priority: 60 }),
        stored({ portRange: '2', policy: 'drop', priority: 3 }),
      ]),
      'completely',
      opts,
    );
    expect(summary(plan.steps)).toEqual(['close-modify-ingress-1:1', 'close-modify-ingress-2:1']);
    expect(plan.steps[0]?.rules).toEqual([{ ...accept, priority: 60 }]);
    expect(plan.steps[1]?.rules[0]?.meta.ruleId).toBe(drop.meta.ruleId);
  });

  it('classifies modifications', () => {
    const accept = stored({ priority: 50 });
    const drop = stored({ policy: 'drop', priority: 50 });
    expect(modifyPhase({ before: accept, after: { ...accept, priority: 10 } })).toBe('opening');
    expect(modifyPhase({ before: accept, after: { ...accept, priority: 90 } })).toBe('closing');
    expect(modifyPhase({ before: drop, after: { ...drop, priority: 90 } })).toBe('opening');
    expect(modifyPhase({ before: drop, after: { ...drop, priority: 10 } })).toBe('closing');
    expect(modifyPhase({ before: drop, after: { ...drop, description: 'x' } })).toBe('opening');
  });

  it('batches per phase, direction and action, and gives each modify its own call', () => {
    const adds = Array.from({ length: 5 }, (_, i) => stored({ portRange: String(100 + i) }));
    const egressAdds = Array.from({ length: 2 }, (_, i) =>
      stored({ direction: 'egress', portRange: String(200 + i) }),
    );
    const changed = stored({ portRange: '9', description: 'old' });
    const { plan } = planRestore(
      group('sg-src', [changed]),
      group('sg-dst', [...adds, ...egressAdds, stored({ portRange: '9', description: 'new' })]),
      'completely',
      opts,
      { batchSize: 2, ruleLimit: 200 },
    );
    expect(summary(plan.steps)).toEqual([
      'open-modify-ingress-1:1',
      'open-authorize-ingress-1:2',
      'open-authorize-ingress-2:2',
      'open-authorize-ingress-3:1',
      'open-authorize-egress-1:2',
    ]);
    expect(plan.calls).toBe(5);
  });

  it('adds only under Partially, and strips instance facts from added rules', () => {
    const theirs = stored({
      portRange: '3',
      meta: { createTime: '2024-01-01T00:00:00Z', peerName: 'x' },
    });
    const { plan } = planRestore(
      group('sg-src', [stored({ portRange: '1' }), stored({ portRange: '9', description: 'old' })]),
      group('sg-dst', [theirs, stored({ portRange: '9', description: 'new' })]),
      'partially',
      opts,
    );
    expect(summary(plan.steps)).toEqual(['open-authorize-ingress-1:1']);
    expect(plan.steps[0]?.rules[0]?.meta).toEqual({ peerName: 'x' });
    expect(plan.expected).toHaveLength(3);
  });

  it('plans nothing for identical groups', () => {
    const rules = [stored(), stored({ direction: 'egress', policy: 'drop' })];
    const { plan } = planRestore(group('sg-a', rules), group('sg-b', rules), 'completely', opts);
    expect(plan.steps).toEqual([]);
    expect(plan.calls).toBe(0);
    expect(compareRuleSets(plan.expected, rules)).toEqual({ missing: [], unexpected: [] });
  });

  it('describes the expected result', () => {
    const kept = stored({ portRange: '1' });
    const changed = stored({ portRange: '2', priority: 9 });
    const gone = stored({ portRange: '3' });
    const added = stored({ portRange: '4', description: 'new' });
    const { plan } = planRestore(
      group('sg-src', [kept, changed, gone]),
      group('sg-dst', [stored({ portRange: '1' }), stored({ portRange: '2', priority: 1 }), added]),
      'completely',
      opts,
    );
    expect(plan.expected).toEqual([kept, { ...changed, priority: 1 }, { ...added, meta: {} }]);
  });

  it('rejects nonsensical limits', () => {
    expect(() =>
      planRestore(group('a', []), group('b', []), 'completely', opts, {
        batchSize: 0,
        ruleLimit: 200,
      }),
    ).toThrow(RangeError);
    expect(() =>
      planRestore(group('a', []), group('b', []), 'completely', opts, {
        batchSize: 100,
        ruleLimit: 0.5,
      }),
    ).toThrow('ruleLimit 0.5 must be a positive integer');
  });
});

describe('planRestore: rule limit', () => {
  const limits = { batchSize: 100, ruleLimit: 4 };

  it('runs Drop removals first and keeps make-before-break when that makes room', () => {
    const source = group('sg-src', [
      stored({ portRange: '1' }),
      stored({ portRange: '2', policy: 'drop' }),
      stored({ portRange: '3', policy: 'drop' }),
    ]);
    const destination = group('sg-dst', [
      stored({ portRange: '1' }),
      stored({ portRange: '5' }),
      stored({ portRange: '6' }),
    ]);
    const { plan } = planRestore(source, destination, 'completely', opts, limits);
    expect(summary(plan.steps)).toEqual(['open-revoke-ingress-1:2', 'open-authorize-ingress-1:2']);
    expect(plan.makeBeforeBreak).toBe(true);
    expect(plan.earlyRemovals).toEqual([]);
  });

  it('moves just enough closing removals to the front, narrowest first', () => {
    const wide = stored({ portRange: '1/1000', cidr: '0.0.0.0/0' });
    const narrow = stored({ portRange: '2', cidr: '10.0.0.1' });
    const medium = stored({ portRange: '3', cidr: '10.0.0.0/24' });
    const keep = stored({ portRange: '9' });
    const source = group('sg-src', [wide, narrow, medium, keep]);
    const destination = group('sg-dst', [
      stored({ portRange: '9' }),
      stored({ portRange: '5' }),
      stored({ portRange: '6' }),
    ]);
    const { plan } = planRestore(source, destination, 'completely', opts, limits);
    expect(summary(plan.steps)).toEqual([
      'early-revoke-ingress-1:2',
      'open-authorize-ingress-1:2',
      'close-revoke-ingress-1:1',
    ]);
    expect(plan.earlyRemovals).toEqual([narrow, medium]);
    expect(plan.steps[0]).toMatchObject({ early: true, phase: 'closing', action: 'revoke' });
    expect(plan.steps[2]?.rules).toEqual([wide]);
    expect(plan.makeBeforeBreak).toBe(false);
  });

  it('still plans when nothing removable makes room (ECS will refuse the add)', () => {
    const source = group('sg-src', [
      stored({ portRange: '1', priority: 110 }),
      stored({ portRange: '2' }),
    ]);
    const destination = group('sg-dst', [
      stored({ portRange: '3' }),
      stored({ portRange: '4' }),
      stored({ portRange: '5' }),
      stored({ portRange: '6' }),
    ]);
    const { plan } = planRestore(source, destination, 'completely', opts, limits);
    expect(plan.earlyRemovals).toHaveLength(1);
    expect(summary(plan.steps)).toEqual(['early-revoke-ingress-1:1', 'open-authorize-ingress-1:4']);
  });

  it('never removes early under Partially', () => {
    const source = group('sg-src', [
      stored({ portRange: '1' }),
      stored({ portRange: '2' }),
      stored({ portRange: '3' }),
      stored({ portRange: '4' }),
    ]);
    const { plan } = planRestore(
      source,
      group('sg-dst', [stored({ portRange: '5' })]),
      'partially',
      opts,
      limits,
    );
    expect(plan.makeBeforeBreak).toBe(true);
    expect(summary(plan.steps)).toEqual(['open-authorize-ingress-1:1']);
  });

  it('does not remove early when only Drops are added (they run after the removals anyway)', () => {
    const source = group('sg-src', [
      stored({ portRange: '1' }),
      stored({ portRange: '2' }),
      stored({ portRange: '3' }),
      stored({ portRange: '4' }),
    ]);
    const { plan } = planRestore(
      source,
      group('sg-dst', [stored({ portRange: '5', policy: 'drop' })]),
      'completely',
      opts,
      limits,
    );
    expect(plan.makeBeforeBreak).toBe(true);
    expect(summary(plan.steps)).toEqual([
      'close-revoke-ingress-1:4',
      'close-authorize-ingress-1:1',
    ]);
  });
});
