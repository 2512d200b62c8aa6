import { describe, expect, it } from 'vitest';
import { applySteps } from '../../src/domain/plan-result';
import {
  checkEniRuleLimit,
  groupRuleWeight,
  preflight,
  traceCount,
  type EniQuota,
} from '../../src/domain/preflight';
import type { RestoreMode, Rule } from '../../src/domain/types';
import { group, rule, stored } from './builders';
import {
  codes,
  handPlan,
  LIMITS,
  numbered,
  PEER_VPCS,
  planAndCheck,
  references,
} from './preflight-builders';

const MODES: RestoreMode[] = ['completely', 'partially'];
const isReference = (r: Rule) => r.peer.kind === 'group';

/** The checks on a hand-built plan that authorizes `rules` on an empty VPC source. */
function checkWritten(rules: Rule[], source = group('sg-src', [])) {
  return preflight({ source, plan: handPlan(rules), limits: LIMITS, groupVpcs: PEER_VPCS });
}

describe('rule-limit', () => {
  it.each(MODES)('%s: passes at the limit and fails one past it with the numbers', (mode) => {
    const kept = numbered(9);
    const source = group('sg-src', kept);
    // The destination restates the source's rules, so nothing is removed under either mode.
    const fits = group('sg-dst', [...kept, ...numbered(191, 100)]);
    expect(planAndCheck(source, fits, mode).failures).toEqual([]);

    const over = group('sg-dst', [...kept, ...numbered(192, 100)]);
    const { failures } = planAndCheck(source, over, mode);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      code: 'rule-limit',
      before: 9,
      added: 192,
      removed: 0,
      peak: 201,
      result: 201,
      limit: 200,
    });
    expect(failures[0]?.rules).toHaveLength(192);
  });

  it('Partially fails where Completely plans around the limit with early removals', () => {
    const source = group('sg-src', numbered(9));
    const destination = group('sg-dst', numbered(200, 100));
    expect(planAndCheck(source, destination, 'partially').failures).toMatchObject([
      { code: 'rule-limit', before: 9, added: 200, peak: 209, limit: 200 },
    ]);
    const { plan, failures } = planAndCheck(source, destination, 'completely');
    expect(failures).toEqual([]);
    expect(plan.earlyRemovals).toHaveLength(9);
    expect(applySteps(source.rules, plan.steps)).toHaveLength(200);
  });

  it('does not fail a plan that only removes from an over-full group', () => {
    const source = group('sg-src', numbered(205));
    const { failures } = planAndCheck(source, group('sg-dst', numbered(100)), 'completely');
    expect(failures).toEqual([]);
  });
});

describe('group-reference-limit', () => {
  it.each(MODES)('%s: passes at 20 references and fails at 21', (mode) => {
    const kept = references(10);
    const source = group('sg-src', kept);
    expect(
      planAndCheck(source, group('sg-dst', [...kept, ...references(10, 11)]), mode).failures,
    ).toEqual([]);
    const { failures } = planAndCheck(
      source,
      group('sg-dst', [...kept, ...references(11, 11)]),
      mode,
    );
    expect(failures).toMatchObject([
      { code: 'group-reference-limit', before: 10, added: 11, peak: 21, result: 21, limit: 20 },
    ]);
    expect(failures[0]?.rules).toHaveLength(11);
    expect(failures[0]?.rules.every(isReference)).toBe(true);
  });

  it('Completely removes references early, the fewest, and only references, to fit', () => {
    const oldReferences = references(20, 1);
    const others = numbered(5, 1000);
    const source = group('sg-src', [...oldReferences, ...others]);
    const destination = group('sg-dst', [...oldReferences.slice(1), ...references(1, 50)]);
    const { plan, failures } = planAndCheck(source, destination, 'completely');
    expect(failures).toEqual([]);
    expect(plan.earlyRemovals).toEqual([oldReferences[0]]);
    expect(plan.makeBeforeBreak).toBe(false);
    expect(plan.steps[0]).toMatchObject({ early: true, action: 'revoke' });
  });

  it('Completely frees room with opening removals (Drops) first, keeping make-before-break', () => {
    const drops = references(20, 1, 'drop');
    const source = group('sg-src', drops);
    const { plan, failures } = planAndCheck(
      source,
      group('sg-dst', references(20, 30)),
      'completely',
    );
    expect(failures).toEqual([]);
    expect(plan.earlyRemovals).toEqual([]);
    expect(plan.makeBeforeBreak).toBe(true);
  });

  it('Completely fails when the result itself holds too many references', () => {
    const kept = references(15);
    const source = group('sg-src', [...kept, ...numbered(3, 500)]);
    const destination = group('sg-dst', [...kept, ...references(6, 40)]);
    expect(planAndCheck(source, destination, 'completely').failures).toMatchObject([
      { code: 'group-reference-limit', before: 15, peak: 21, result: 21, limit: 20 },
    ]);
  });

  it('does not apply to an advanced group, whose references the diff already refuses', () => {
    const source = group('sg-src', [], { type: 'enterprise' });
    const { plan, failures } = planAndCheck(source, group('sg-dst', references(25)), 'partially');
    expect(plan.steps).toEqual([]);
    expect(failures).toEqual([]);
  });
});

describe('enterprise-group-reference', () => {
  it('fires only for a plan that would write a reference into an advanced group', () => {
    const source = group('sg-src', [], { type: 'enterprise' });
    expect(codes(checkWritten(references(1), source))).toEqual(['enterprise-group-reference']);
    expect(checkWritten(numbered(1), source)).toEqual([]);
  });
});

describe('references', () => {
  it.each(MODES)('%s: a reference to a group that does not exist fails', (mode) => {
    const gone = stored({ cidr: undefined, groupId: 'sg-gone' });
    const { failures } = planAndCheck(group('sg-src', []), group('sg-dst', [gone]), mode);
    expect(failures).toEqual([
      { code: 'reference-missing', rules: [{ ...gone, meta: {} }], groupIds: ['sg-gone'] },
    ]);
    const known = stored({ cidr: undefined, groupId: 'sg-peer1' });
    expect(planAndCheck(group('sg-src', []), group('sg-dst', [known]), mode).failures).toEqual([]);
  });

  it("leaves another account's groups to ECS", () => {
    const theirs = stored({ cidr: undefined, groupId: 'sg-gone', groupOwnerAccount: '123' });
    expect(checkWritten([theirs])).toEqual([]);
  });

  it.each(MODES)(
    '%s: cross-VPC and self references stay not restorable in the diff, with no check failing',
    (mode) => {
      const far = stored({ cidr: undefined, groupId: 'sg-far' });
      const self = stored({ cidr: undefined, groupId: 'sg-src' });
      const { plan, failures } = planAndCheck(
        group('sg-src', []),
        group('sg-dst', [far, self]),
        mode,
        LIMITS,
        { groupVpcs: { 'sg-far': 'vpc-2' } },
      );
      expect(plan.steps).toEqual([]);
      expect(failures).toEqual([]);
    },
  );

  it('reports each written reference for one reason only', () => {
    const far = stored({ cidr: undefined, groupId: 'sg-far' });
    const self = stored({ cidr: undefined, groupId: 'sg-src' });
    const failures = preflight({
      source: group('sg-src', []),
      plan: handPlan([far, self]),
      limits: LIMITS,
      groupVpcs: { 'sg-far': 'vpc-2' },
    });
    expect(failures).toEqual([
      { code: 'reference-self', rules: [self], groupIds: ['sg-src'] },
      { code: 'reference-other-vpc', rules: [far], groupIds: ['sg-far'] },
    ]);
  });
});

describe('field checks', () => {
  it('priority: 1 and 100 pass, 0 and 101 fail', () => {
    expect(
      checkWritten([stored({ priority: 1 }), stored({ portRange: '2', priority: 100 })]),
    ).toEqual([]);
    const bad = [stored({ priority: 1 }), stored({ portRange: '2', priority: 1 })].map((r, i) => ({
      ...r,
      priority: i === 0 ? 0 : 101,
    }));
    expect(checkWritten(bad)).toEqual([{ code: 'field-priority', rules: bad, min: 1, max: 100 }]);
  });

  it.each(MODES)('%s: a description of 512 characters passes, 513 fail', (mode) => {
    const at = stored({ description: 'é'.repeat(512) });
    expect(planAndCheck(group('sg-src', []), group('sg-dst', [at]), mode).failures).toEqual([]);
    const past = stored({ description: '字'.repeat(513) });
    const { failures } = planAndCheck(group('sg-src', []), group('sg-dst', [past]), mode);
    expect(failures).toMatchObject([{ code: 'field-description', limit: 512, longest: 513 }]);
  });

  it('the description check covers Modify too', () => {
    const changed = stored({ description: 'x'.repeat(600) });
    expect(
      codes(
        preflight({
          source: group('sg-src', [changed]),
          plan: handPlan([changed], 'modify'),
          limits: LIMITS,
          groupVpcs: {},
        }),
      ),
    ).toEqual(['field-description']);
  });

  it('port ranges: 1/65535 and a port-range list pass; -1/-1 for TCP, 0/1 and 1/65536 fail', () => {
    const fine = [
      rule({ portRange: '1/65535' }),
      rule({ portRange: '80', portRangeListId: 'prl-1' }),
      rule({ protocol: 'icmp' }),
    ];
    expect(checkWritten(fine)).toEqual([]);
    const base = rule();
    const bad = [
      { ...base, portRange: '-1/-1' },
      { ...base, portRange: '0/1' },
      { ...base, portRange: '1/65536' },
      { ...base, sourcePortRange: '9/8' },
      { ...rule({ protocol: 'icmp' }), portRange: '1/1' },
    ];
    expect(checkWritten(bad)).toEqual([{ code: 'field-port-range', rules: bad }]);
  });

  it('CIDRs: canonical ones pass, malformed peers and local CIDRs fail', () => {
    expect(checkWritten([rule({ cidr: '0.0.0.0/0', localCidr: '2001:db8::/32' })])).toEqual([]);
    const base = rule();
    const bad: Rule[] = [
      { ...base, peer: { kind: 'cidr', cidr: '10.0.0.0/33' } },
      { ...base, peer: { kind: 'ipv6', cidr: 'not-an-ip/64' } },
      { ...base, localCidr: '300.0.0.0/8' },
    ];
    expect(checkWritten(bad)).toEqual([{ code: 'field-cidr', rules: bad }]);
  });
});

describe('service-managed and port-range-list-classic', () => {
  it.each(MODES)(
    '%s: a ServiceManaged source fails that check alone, unless nothing changes',
    (mode) => {
      const source = group('sg-src', [], { serviceManaged: true });
      const { plan, failures } = planAndCheck(source, group('sg-dst', numbered(201)), mode);
      expect(failures).toEqual([
        { code: 'service-managed', rules: plan.steps.flatMap((step) => step.rules) },
      ]);
      expect(planAndCheck(source, group('sg-dst', []), mode).failures).toEqual([]);
    },
  );

  it.each(MODES)(
    '%s: a port-range list on a classic source fails, on a VPC source passes',
    (mode) => {
      const listed = (vpc: boolean) => stored({ portRange: '', portRangeListId: 'prl-1' }, vpc);
      const classic = group('sg-src', [], { vpcId: '' });
      const onClassic = listed(false);
      expect(
        planAndCheck(classic, group('sg-dst', [onClassic], { vpcId: '' }), mode).failures,
      ).toEqual([{ code: 'port-range-list-classic', rules: [{ ...onClassic, meta: {} }] }]);
      expect(
        planAndCheck(group('sg-src', []), group('sg-dst', [listed(true)]), mode).failures,
      ).toEqual([]);
    },
  );
});

describe('eni-rule-limit', () => {
  const prefixListSizes = { 'pl-big': 50 };
  const sourceRules = numbered(10);
  const source = group('sg-src', sourceRules);
  const listRule = stored({ cidr: undefined, prefixListId: 'pl-big' });
  const quota = (others: number): EniQuota => ({
    limit: 1000,
    enis: [
      { id: 'eni-1', groupIds: ['sg-src', 'sg-other'] },
      { id: 'eni-2', groupIds: ['sg-src'] },
    ],
    groupWeights: { 'sg-other': others },
    prefixListSizes,
  });

  it('weighs a prefix-list rule as its MaxEntries, and an unknown list as the most a list holds', () => {
    expect(groupRuleWeight([...sourceRules, listRule], prefixListSizes)).toBe(60);
    expect(groupRuleWeight([stored({ cidr: undefined, prefixListId: 'pl-x' })], {})).toBe(200);
  });

  it.each(MODES)('%s: passes at 1,000 rules on an ENI and fails at 1,001', (mode) => {
    const destination = group('sg-dst', [...sourceRules, listRule]);
    expect(planAndCheck(source, destination, mode, LIMITS, { eni: quota(940) }).failures).toEqual(
      [],
    );
    const { failures } = planAndCheck(source, destination, mode, LIMITS, { eni: quota(941) });
    expect(failures).toEqual([
      {
        code: 'eni-rule-limit',
        limit: 1000,
        enis: [{ eniId: 'eni-1', others: 941, source: 60, total: 1001 }],
        rules: [{ ...listRule, meta: {} }],
      },
    ]);
  });

  it('is skipped without ENI data and when the plan adds nothing', () => {
    const { plan } = planAndCheck(source, group('sg-dst', [listRule]), 'completely');
    const input = { source, plan, limits: LIMITS, groupVpcs: {} };
    expect(checkEniRuleLimit(input)).toBeNull();
    const removal = planAndCheck(source, group('sg-dst', []), 'completely').plan;
    expect(checkEniRuleLimit({ ...input, plan: removal, eni: quota(5000) })).toBeNull();
  });
});

describe('traceCount', () => {
  it('follows the count through removals and additions and keeps the peak of the additions', () => {
    const source = group('sg-src', numbered(3));
    const { plan } = planAndCheck(source, group('sg-dst', numbered(4, 10)), 'completely');
    expect(traceCount(source.rules, plan.steps, () => 1)).toEqual({
      before: 3,
      added: 4,
      removed: 3,
      peak: 7,
      result: 4,
    });
  });
});

describe('rule-limit on an over-full source', () => {
  it('passes when early removals bring the group under the limit before the addition', () => {
    const source = group('sg-src', numbered(4));
    const { plan, failures } = planAndCheck(
      source,
      group('sg-dst', numbered(1, 50)),
      'completely',
      {
        batchSize: 1,
        ruleLimit: 3,
      },
    );
    expect(failures).toEqual([]);
    expect(plan.earlyRemovals).toHaveLength(2);
  });
});
