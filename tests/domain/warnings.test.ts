import { describe, expect, it } from 'vitest';
import { planRestore } from '../../src/domain/plan';
import {
  DEFAULT_RESTORE_OPTIONS,
  type GroupRules,
  type RestoreOptions,
} from '../../src/domain/types';
import { riskWarnings } from '../../src/domain/warnings';
import { group, stored } from './builders';

function warningsFor(
  source: GroupRules,
  destination: GroupRules,
  options: RestoreOptions = DEFAULT_RESTORE_OPTIONS,
  ruleLimit = 200,
) {
  const { diff, plan } = planRestore(source, destination, 'completely', options, {
    batchSize: 100,
    ruleLimit,
  });
  return riskWarnings(diff, plan, source.group, destination.group);
}

describe('riskWarnings', () => {
  it('warns about SSH, RDP and ALL opened to the world, in IPv4 and IPv6', () => {
    const ssh = stored({ portRange: '1/1024', cidr: '0.0.0.0/0' });
    const rdp = stored({ portRange: '3389', ipv6Cidr: '::0/0' });
    const all = stored({ protocol: 'all', cidr: '0.0.0.0/0' });
    const warnings = warningsFor(group('sg-src', []), group('sg-dst', [ssh, rdp, all]));
    expect(warnings.map((w) => [w.kind, w.rules.length])).toEqual([
      ['open-ssh-to-world', 1],
      ['open-rdp-to-world', 1],
      ['open-all-to-world', 1],
    ]);
    expect(warnings[0]?.rules[0]?.portRange).toBe('1/1024');
  });

  it('also points out an exposure the result keeps', () => {
    const ssh = stored({ cidr: '0.0.0.0/0' });
    const warnings = warningsFor(
      group('sg-src', [ssh]),
      group('sg-dst', [stored({ cidr: '0.0.0.0/0' })]),
    );
    expect(warnings).toEqual([{ kind: 'open-ssh-to-world', rules: [ssh] }]);
  });

  it('stays quiet for narrow peers, Drops, other ports, outbound rules and removed exposures', () => {
    const quiet = [
      stored({ cidr: '10.0.0.0/8' }),
      stored({ cidr: '0.0.0.0/0', policy: 'drop' }),
      stored({ cidr: '0.0.0.0/0', portRange: '443' }),
      stored({ cidr: '0.0.0.0/0', direction: 'egress', protocol: 'all' }),
      stored({ cidr: '0.0.0.0/1', portRange: '22' }),
    ];
    expect(
      warningsFor(
        group('sg-src', [stored({ cidr: '0.0.0.0/0', portRange: '22' })]),
        group('sg-dst', quiet),
      ),
    ).toEqual([]);
  });

  it('lists rules removed early because of the rule limit', () => {
    const narrow = stored({ portRange: '1', cidr: '10.0.0.1' });
    const warnings = warningsFor(
      group('sg-src', [narrow]),
      group('sg-dst', [stored({ portRange: '2' })]),
      DEFAULT_RESTORE_OPTIONS,
      1,
    );
    expect(warnings).toEqual([{ kind: 'rule-limit-early-removals', rules: [narrow] }]);
  });

  it('warns about self-references restored as they are, not retargeted ones', () => {
    const self = stored({ cidr: undefined, groupId: 'sg-dst' });
    const warnings = warningsFor(group('sg-src', []), group('sg-dst', [self]));
    expect(warnings).toEqual([{ kind: 'self-reference', rules: [self] }]);
    expect(
      warningsFor(group('sg-src', []), group('sg-dst', [self]), {
        ...DEFAULT_RESTORE_OPTIONS,
        retargetSelfReferences: true,
      }),
    ).toEqual([]);
  });
});

describe('riskWarnings and not-restorable rules', () => {
  it('gives a cross-VPC self-reference its not-restorable reason and no self-reference warning', () => {
    const self = stored({ cidr: undefined, groupId: 'sg-dst' });
    const source = group('sg-src', []);
    const destination = group('sg-dst', [self], { vpcId: 'vpc-2' });
    const { diff, plan } = planRestore(source, destination, 'completely', DEFAULT_RESTORE_OPTIONS);
    expect(diff.ingress.notRestorable.map((entry) => entry.reason)).toEqual([
      'cross-vpc-reference',
    ]);
    expect(riskWarnings(diff, plan, source.group, destination.group)).toEqual([]);
  });

  it('does not warn about a self-reference that is not restorable as a system rule', () => {
    const self = stored({ cidr: undefined, groupId: 'sg-dst', priority: 110 });
    expect(warningsFor(group('sg-src', []), group('sg-dst', [self]))).toEqual([]);
  });
});
