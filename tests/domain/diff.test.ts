import { describe, expect, it } from 'vitest';
import { diffRules, summarizeDiff } from '../../src/domain/diff';
import { DEFAULT_RESTORE_OPTIONS, type RestoreOptions } from '../../src/domain/types';
import { group, rule, stored } from './builders';

const opts = DEFAULT_RESTORE_OPTIONS;
const both: RestoreOptions = { recreateSystemRules: true, retargetSelfReferences: true };

describe('diffRules: categories', () => {
  const same = stored({ portRange: '80', description: 'web' });
  const onlySource = stored({ portRange: '8080' });
  const reprioritized = stored({ portRange: '443', priority: 10 });
  const redescribed = stored({ portRange: '3306', description: 'old' });
  const egressOnlySource = stored({ direction: 'egress', protocol: 'all', cidr: '0.0.0.0/0' });
  const source = group('sg-src', [same, onlySource, reprioritized, redescribed, egressOnlySource]);
  const destination = group('sg-dst', [
    stored({ protocol: 'TCP', portRange: '80/80', cidr: '10.1.2.3/8', description: 'web' }),
    stored({ portRange: '443', priority: '20' }),
    stored({ portRange: '3306', description: 'new' }),
    stored({ portRange: '9000' }),
  ]);

  it('sorts rules into added, removed, changed and unchanged per direction', () => {
    const diff = diffRules(source, destination, 'completely', opts);
    expect(diff.mode).toBe('completely');
    expect(diff.ingress.unchanged).toEqual([same]);
    expect(diff.ingress.removed).toEqual([onlySource]);
    expect(diff.ingress.added.map((r) => r.portRange)).toEqual(['9000/9000']);
    expect(diff.egress.removed).toEqual([egressOnlySource]);
    expect(diff.egress.added).toEqual([]);
    expect(diff.ingress.notRestorable).toEqual([]);
  });

  it('pairs a changed rule: before is the source rule, after carries the destination priority and description', () => {
    const diff = diffRules(source, destination, 'completely', opts);
    expect(diff.ingress.changed).toEqual([
      { before: reprioritized, after: { ...reprioritized, priority: 20 } },
      { before: redescribed, after: { ...redescribed, description: 'new' } },
    ]);
    expect(diff.ingress.changed[0]?.after.meta.ruleId).toBe(reprioritized.meta.ruleId);
  });

  it('keeps a description ECS cannot empty, says so, and still applies a priority change', () => {
    const described = stored({ portRange: '22', description: 'ssh from the office' });
    const alsoMoved = stored({ portRange: '25', priority: 5, description: 'mail' });
    const diff = diffRules(
      group('sg-src', [described, alsoMoved]),
      group('sg-dst', [
        stored({ portRange: '22', description: '' }),
        stored({ portRange: '25', priority: '7', description: '' }),
      ]),
      'completely',
      opts,
    );
    expect(diff.ingress.unchanged).toEqual([described]);
    expect(diff.ingress.changed).toEqual([
      { before: alsoMoved, after: { ...alsoMoved, priority: 7 } },
    ]);
    expect(diff.ingress.notRestorable.map((n) => [n.rule.portRange, n.side, n.reason])).toEqual([
      ['22/22', 'destination', 'description-not-clearable'],
      ['25/25', 'destination', 'description-not-clearable'],
    ]);
  });

  it('reports the same categories under Partially (removed = kept)', () => {
    const diff = diffRules(source, destination, 'partially', opts);
    expect(diff.mode).toBe('partially');
    expect(summarizeDiff(diff)).toEqual({
      added: 1,
      removed: 2,
      changed: 2,
      unchanged: 1,
      notRestorable: 0,
    });
  });

  it('summarizes over both directions', () => {
    expect(summarizeDiff(diffRules(source, destination, 'completely', opts))).toEqual({
      added: 1,
      removed: 2,
      changed: 2,
      unchanged: 1,
      notRestorable: 0,
    });
  });

  it('finds nothing to do for identical groups', () => {
    const rules = [stored(), stored({ direction: 'egress' })];
    const diff = diffRules(
      group('sg-a', rules),
      group(
        'sg-b',
        rules.map((r) => ({ ...r, meta: {} })),
      ),
      'completely',
      opts,
    );
    expect(summarizeDiff(diff)).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: 2,
      notRestorable: 0,
    });
  });
});

describe('diffRules: not restorable', () => {
  it('marks destination priority-110 rules system-rule', () => {
    const system = stored({ priority: 110 });
    const diff = diffRules(group('sg-src', []), group('sg-dst', [system]), 'completely', opts);
    expect(diff.ingress.notRestorable).toEqual([
      { rule: system, side: 'destination', reason: 'system-rule' },
    ]);
    expect(diff.ingress.added).toEqual([]);
  });

  it('recreates them at priority 100 with the opt-in', () => {
    const system = stored({ priority: 110 });
    const diff = diffRules(group('sg-src', []), group('sg-dst', [system]), 'completely', {
      ...opts,
      recreateSystemRules: true,
    });
    expect(diff.ingress.added).toEqual([{ ...system, priority: 100 }]);
    expect(diff.ingress.notRestorable).toEqual([]);
  });

  it('compares a recreated system rule with the source at priority 100', () => {
    const existing = stored({ priority: 100 });
    const diff = diffRules(
      group('sg-src', [existing]),
      group('sg-dst', [stored({ priority: 110 })]),
      'completely',
      {
        ...opts,
        recreateSystemRules: true,
      },
    );
    expect(diff.ingress.unchanged).toEqual([existing]);
  });

  it('keeps a source rule whose destination version is a system rule', () => {
    const mine = stored({ priority: 5 });
    const theirs = stored({ priority: 110 });
    const diff = diffRules(group('sg-src', [mine]), group('sg-dst', [theirs]), 'completely', opts);
    expect(diff.ingress.notRestorable).toEqual([
      { rule: theirs, side: 'destination', reason: 'system-rule' },
    ]);
    expect(diff.ingress.unchanged).toEqual([mine]);
    expect(diff.ingress.removed).toEqual([]);
  });

  it('keeps source priority-110 rules under Completely (system-rule-kept), never removed or modified', () => {
    const kept = stored({ priority: 110, portRange: '1' });
    const differing = stored({ priority: 110, portRange: '2' });
    const diff = diffRules(
      group('sg-src', [kept, differing]),
      group('sg-dst', [stored({ portRange: '2', priority: 3 })]),
      'completely',
      opts,
    );
    expect(diff.ingress.notRestorable).toEqual([
      { rule: differing, side: 'source', reason: 'system-rule-kept' },
      { rule: kept, side: 'source', reason: 'system-rule-kept' },
    ]);
    expect(diff.ingress.removed).toEqual([]);
    expect(diff.ingress.changed).toEqual([]);
  });

  it('counts identical system rules on both sides as unchanged', () => {
    const mine = stored({ priority: 110 });
    const diff = diffRules(
      group('sg-src', [mine]),
      group('sg-dst', [stored({ priority: 110 })]),
      'completely',
      opts,
    );
    expect(diff.ingress.unchanged).toEqual([mine]);
    expect(diff.ingress.notRestorable).toEqual([]);
  });

  it('lists source priority-110 rules as kept under Partially, without a reason', () => {
    const mine = stored({ priority: 110 });
    const diff = diffRules(group('sg-src', [mine]), group('sg-dst', []), 'partially', opts);
    expect(diff.ingress.removed).toEqual([mine]);
    expect(diff.ingress.notRestorable).toEqual([]);
  });

  it('marks references to a group in another VPC cross-vpc-reference', () => {
    const foreign = stored({ cidr: undefined, groupId: 'sg-far' });
    const near = stored({ cidr: undefined, groupId: 'sg-near' });
    const unknown = stored({ cidr: undefined, groupId: 'sg-unknown' });
    const diff = diffRules(
      group('sg-src', []),
      group('sg-dst', [foreign, near, unknown]),
      'completely',
      opts,
      {
        groupVpcs: { 'sg-far': 'vpc-2', 'sg-near': 'vpc-1' },
      },
    );
    expect(diff.ingress.notRestorable).toEqual([
      { rule: foreign, side: 'destination', reason: 'cross-vpc-reference' },
    ]);
    expect(diff.ingress.added).toEqual([near, unknown]);
  });

  it('treats a destination in another VPC referencing itself as cross-VPC', () => {
    const self = stored({ cidr: undefined, groupId: 'sg-dst' });
    const diff = diffRules(
      group('sg-src', []),
      group('sg-dst', [self], { vpcId: 'vpc-9' }),
      'completely',
      opts,
    );
    expect(diff.ingress.notRestorable).toEqual([
      { rule: self, side: 'destination', reason: 'cross-vpc-reference' },
    ]);
  });

  it('refuses Drop rules and group references on an advanced (enterprise) source', () => {
    const drop = stored({ policy: 'drop' });
    const reference = stored({ cidr: undefined, groupId: 'sg-other' });
    const fine = stored({ portRange: '443' });
    const diff = diffRules(
      group('sg-src', [], { type: 'enterprise' }),
      group('sg-dst', [drop, reference, fine]),
      'completely',
      opts,
    );
    expect(diff.ingress.notRestorable).toEqual([
      { rule: drop, side: 'destination', reason: 'enterprise-drop' },
      { rule: reference, side: 'destination', reason: 'enterprise-group-reference' },
    ]);
    expect(diff.ingress.added).toEqual([fine]);
  });

  it('allows Drop rules when only the destination is advanced', () => {
    const drop = stored({ policy: 'drop' });
    const diff = diffRules(
      group('sg-src', []),
      group('sg-dst', [drop], { type: 'enterprise' }),
      'completely',
      opts,
    );
    expect(diff.ingress.added).toEqual([drop]);
  });
});

describe('diffRules: self-references', () => {
  const self = stored({ cidr: undefined, groupId: 'sg-dst', description: 'peers' });

  it('restores a self-reference as it is without the opt-in', () => {
    const diff = diffRules(group('sg-src', []), group('sg-dst', [self]), 'completely', opts);
    expect(diff.ingress.added).toEqual([self]);
  });

  it('points it at the source with the opt-in, then compares; ECS refuses the self-reference', () => {
    const retargeted = diffRules(group('sg-src', []), group('sg-dst', [self]), 'completely', {
      ...opts,
      retargetSelfReferences: true,
    });
    expect(retargeted.ingress.added).toEqual([]);
    expect(retargeted.ingress.notRestorable).toEqual([
      {
        rule: { ...self, peer: { kind: 'group', groupId: 'sg-src', ownerAccount: '' } },
        side: 'destination',
        reason: 'self-reference',
      },
    ]);

    const existing = stored({ cidr: undefined, groupId: 'sg-src', description: 'peers' });
    const diff = diffRules(
      group('sg-src', [existing]),
      group('sg-dst', [self]),
      'completely',
      both,
    );
    expect(diff.ingress.unchanged).toEqual([existing]);
  });
});

describe('diffRules: a destination rule that references the source', () => {
  it('is not restorable: the source would reference itself', () => {
    const toLive = stored({
      cidr: undefined,
      groupId: 'sg-src',
      description: 'from the live group',
    });
    const diff = diffRules(group('sg-src', []), group('sg-dst', [toLive]), 'completely', opts);
    expect(diff.ingress.added).toEqual([]);
    expect(diff.ingress.notRestorable).toEqual([
      { rule: toLive, side: 'destination', reason: 'self-reference' },
    ]);
  });
});

describe('diffRules: duplicates', () => {
  it('keeps the first destination rule of an identity', () => {
    const first = stored({ priority: 4 });
    const diff = diffRules(
      group('sg-src', []),
      group('sg-dst', [first, stored({ priority: 9 })]),
      'completely',
      opts,
    );
    expect(diff.ingress.added).toEqual([first]);
  });

  it('pairs the exactly equal source duplicate and removes the others', () => {
    const a = stored({ priority: 4 });
    const b = stored({ priority: 9 });
    const diff = diffRules(
      group('sg-src', [a, b]),
      group('sg-dst', [stored({ priority: 9 })]),
      'completely',
      opts,
    );
    expect(diff.ingress.unchanged).toEqual([b]);
    expect(diff.ingress.removed).toEqual([a]);
  });

  it('prefers a modifiable source duplicate over a priority-110 one', () => {
    const system = stored({ priority: 110 });
    const normal = stored({ priority: 50 });
    const diff = diffRules(
      group('sg-src', [system, normal]),
      group('sg-dst', [stored({ priority: 7 })]),
      'completely',
      opts,
    );
    expect(diff.ingress.changed).toEqual([{ before: normal, after: { ...normal, priority: 7 } }]);
    expect(diff.ingress.notRestorable).toEqual([
      { rule: system, side: 'source', reason: 'system-rule-kept' },
    ]);
  });

  it('merges a retargeted self-reference with a reference to the source: neither can be created', () => {
    const toSource = stored({ cidr: undefined, groupId: 'sg-src' });
    const toSelf = stored({ cidr: undefined, groupId: 'sg-dst' });
    const diff = diffRules(
      group('sg-src', []),
      group('sg-dst', [toSource, toSelf]),
      'completely',
      both,
    );
    expect(diff.ingress.added).toEqual([]);
    expect(diff.ingress.notRestorable.map((n) => n.reason)).toContain('self-reference');
    expect(diff.ingress.notRestorable.map((n) => n.rule)).toContainEqual(toSource);
  });

  it('does not depend on the rules being equal objects', () => {
    const diff = diffRules(
      group('sg-src', [rule()]),
      group('sg-dst', [rule()]),
      'completely',
      opts,
    );
    expect(diff.ingress.unchanged).toHaveLength(1);
  });
});
