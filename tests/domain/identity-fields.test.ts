import { describe, expect, it } from 'vitest';
import {
  IDENTITY_FIELDS,
  NON_IDENTITY_FIELDS,
  type IdentityField,
  type NonIdentityField,
} from '../../src/domain/identity-fields';
import { IdentityIndex } from '../../src/domain/identity-index';
import { ruleIdentity } from '../../src/domain/normalize';
import { revisionOf } from '../../src/domain/revision';
import { DEFAULT_RESTORE_OPTIONS, type Rule } from '../../src/domain/types';
import { group, stored } from './builders';

const base = stored({ sourcePortRange: '1000/2000', localCidr: '10.9.0.0/16', priority: 7 });

// One change per field; the Record types make a field added to either list fail to compile here.
const identityChanges: Record<IdentityField, (rule: Rule) => Rule> = {
  direction: (r) => ({ ...r, direction: 'egress' }),
  policy: (r) => ({ ...r, policy: 'drop' }),
  protocol: (r) => ({ ...r, protocol: 'udp' }),
  portRange: (r) => ({ ...r, portRange: '23/23' }),
  sourcePortRange: (r) => ({ ...r, sourcePortRange: '' }),
  peer: (r) => ({ ...r, peer: { kind: 'cidr', cidr: '10.0.0.0/9' } }),
  localCidr: (r) => ({ ...r, localCidr: '' }),
  portRangeListId: (r) => ({ ...r, portRangeListId: 'prl-1' }),
  nicType: (r) => ({ ...r, nicType: 'internet' }),
};
const otherChanges: Record<NonIdentityField, (rule: Rule) => Rule> = {
  priority: (r) => ({ ...r, priority: 8 }),
  description: (r) => ({ ...r, description: 'other' }),
  meta: (r) => ({ ...r, meta: { ruleId: 'sgr-other', createTime: 'now' } }),
};

/** Whether the identity index pairs `candidate` with `rule`. */
function indexMatches(rule: Rule, candidate: Rule): boolean {
  return new IdentityIndex([rule], 1).claim(candidate) === 0;
}

describe('IDENTITY_FIELDS', () => {
  it('and the other fields together are exactly the fields of a rule', () => {
    expect([...IDENTITY_FIELDS, ...NON_IDENTITY_FIELDS].sort()).toEqual(Object.keys(base).sort());
  });

  it.each(IDENTITY_FIELDS)(
    '%s tells rules apart in ruleIdentity and the identity index',
    (field) => {
      const changed = identityChanges[field](base);
      expect(changed[field]).not.toEqual(base[field]);
      expect(ruleIdentity(changed)).not.toBe(ruleIdentity(base));
      expect(indexMatches(base, changed)).toBe(false);
    },
  );

  it.each(NON_IDENTITY_FIELDS)('%s is not identity', (field) => {
    const changed = otherChanges[field](base);
    expect(changed[field]).not.toEqual(base[field]);
    expect(ruleIdentity(changed)).toBe(ruleIdentity(base));
    expect(indexMatches(base, changed)).toBe(true);
  });

  it.each(IDENTITY_FIELDS)('%s counts in the revision', (field) => {
    const revision = (rule: Rule) =>
      revisionOf(
        group('sg-src', [rule]),
        group('sg-dst', []),
        'completely',
        DEFAULT_RESTORE_OPTIONS,
      );
    expect(revision(identityChanges[field](base))).not.toBe(revision(base));
  });
});
