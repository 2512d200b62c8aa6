import { describe, expect, it } from 'vitest';
import { planRestore } from '../../src/domain/plan';
import {
  limitStatements,
  trafficEffect,
  noTrafficChange,
  type TrafficEffect,
} from '../../src/domain/traffic-effect';
import { formatStatement, statementTouchesCidr } from '../../src/domain/traffic-statement';
import { DEFAULT_RESTORE_OPTIONS, type GroupType, type Rule } from '../../src/domain/types';
import { group, rule, stored } from './builders';

const basic = { type: 'normal' as GroupType };
const advanced = { type: 'enterprise' as GroupType };

function lines(effect: TrafficEffect): { ingress: string[]; egress: string[] } {
  return {
    ingress: effect.ingress.statements.map(formatStatement),
    egress: effect.egress.statements.map(formatStatement),
  };
}

function effectLines(before: Rule[], after: Rule[], type: GroupType = 'normal') {
  return lines(trafficEffect(before, after, { type }));
}

/** The rules web-prod and its backup share in the demo seed (src/mocks/seed.ts). */
function webCommon(): Rule[] {
  return [
    stored({ portRange: '80/80', cidr: '0.0.0.0/0', description: 'HTTP from anywhere' }),
    stored({
      portRange: '22/22',
      prefixListId: 'pl-office-egress',
      description: 'SSH from the office',
    }),
    stored({ portRange: '3389/3389', cidr: '0.0.0.0/0', policy: 'drop', description: 'block RDP' }),
    stored({ portRange: '443/443', prefixListId: 'pl-cdn', description: 'CDN back-to-origin' }),
    stored({
      direction: 'egress',
      protocol: 'all',
      cidr: '0.0.0.0/0',
      description: 'allow all outbound',
    }),
  ];
}

function webProd(): Rule[] {
  return [
    ...webCommon(),
    stored({
      protocol: 'icmp',
      cidr: '10.0.0.0/8',
      priority: 20,
      description: 'ping from the VPC',
    }),
    stored({ portRange: '8080/8080', groupId: 'sg-app-prod', description: 'app health checks' }),
    stored({ portRange: '443/443', ipv6Cidr: '::/0', description: 'HTTPS over IPv6' }),
    stored({ portRange: '22/22', cidr: '0.0.0.0/0', description: 'temporary debug SSH' }),
  ];
}

function webProdBackup(): Rule[] {
  return [
    ...webCommon(),
    stored({ portRange: '443/443', cidr: '0.0.0.0/0', description: 'HTTPS from anywhere' }),
    stored({
      protocol: 'icmp',
      cidr: '10.0.0.0/8',
      priority: 10,
      description: 'ping from the VPC',
    }),
    stored({
      portRange: '8080/8080',
      groupId: 'sg-app-prod',
      description: 'health checks from the app tier',
    }),
    stored({ portRange: '443/443', ipv6Cidr: '::0/0', description: 'HTTPS over IPv6' }),
    stored({
      protocol: 'all',
      cidr: '100.100.0.0/16',
      priority: 110,
      description: 'system: cloud monitor',
    }),
    stored({
      direction: 'egress',
      portRange: '25/25',
      cidr: '0.0.0.0/0',
      policy: 'drop',
      description: 'block outbound SMTP',
    }),
  ];
}

describe('trafficEffect: the demo restore of web-prod from web-prod-backup-20261120', () => {
  const source = group('sg-web-prod', webProd());
  const destination = group('sg-web-prod-backup', webProdBackup());

  it('Completely: debug SSH closes, HTTPS opens, outbound SMTP closes; the rest is no traffic change', () => {
    const { plan } = planRestore(source, destination, 'completely', DEFAULT_RESTORE_OPTIONS);
    expect(effectLines(source.rules, plan.expected)).toEqual({
      ingress: [
        'TCP 22 from 0.0.0.0/0: allowed → blocked',
        'TCP 443 from 0.0.0.0/0: blocked → allowed',
      ],
      egress: ['TCP 25 to 0.0.0.0/0: allowed → blocked'],
    });
  });

  it('Partially keeps the debug SSH rule, so only HTTPS and SMTP change', () => {
    const { plan } = planRestore(source, destination, 'partially', DEFAULT_RESTORE_OPTIONS);
    expect(effectLines(source.rules, plan.expected)).toEqual({
      ingress: ['TCP 443 from 0.0.0.0/0: blocked → allowed'],
      egress: ['TCP 25 to 0.0.0.0/0: allowed → blocked'],
    });
  });

  it('recreating the system rule at priority 100 opens 100.100.0.0/16 on every port but RDP', () => {
    const { plan } = planRestore(source, destination, 'completely', {
      ...DEFAULT_RESTORE_OPTIONS,
      recreateSystemRules: true,
    });
    // The recreated ALL rule (priority 100) opens 100.100.0.0/16 wherever no stronger rule
    // decides, SSH included once the debug rule goes; the RDP Drop and open HTTP stay as they are.
    expect(effectLines(source.rules, plan.expected).ingress).toEqual([
      'TCP 22 from 0.0.0.0/0 except 100.100.0.0/16: allowed → blocked',
      'TCP 1-21 from 100.100.0.0/16: blocked → allowed',
      'TCP 23-79 from 100.100.0.0/16: blocked → allowed',
      'TCP 81-3388 from 100.100.0.0/16: blocked → allowed',
      'TCP 443 from 0.0.0.0/0 except 100.100.0.0/16: blocked → allowed',
      'TCP 3390-65535 from 100.100.0.0/16: blocked → allowed',
      'UDP all ports from 100.100.0.0/16: blocked → allowed',
      'ICMP from 100.100.0.0/16: blocked → allowed',
      'ICMPv6 from 100.100.0.0/16: blocked → allowed',
      'GRE from 100.100.0.0/16: blocked → allowed',
    ]);
  });
});

describe('trafficEffect: cases', () => {
  it('says nothing changes when only descriptions and rule IDs differ', () => {
    const before = [
      stored({ description: 'a' }),
      stored({ direction: 'egress', protocol: 'all', cidr: '0.0.0.0/0' }),
    ];
    const after = before.map((r) => ({ ...r, description: 'b', meta: {} }));
    const effect = trafficEffect(before, after, basic);
    expect(noTrafficChange(effect)).toBe(true);
    expect(effect).toEqual({
      ingress: { statements: [], more: 0 },
      egress: { statements: [], more: 0 },
    });
  });

  it('writes the rest of a range as "except" when that is shorter', () => {
    const before = [rule({ cidr: '0.0.0.0/0' })];
    const after = [rule({ cidr: '0.0.0.0/0' }), rule({ cidr: '192.168.0.0/16', policy: 'drop' })];
    expect(effectLines(before, after).ingress).toEqual([
      'TCP 22 from 192.168.0.0/16: allowed → blocked',
    ]);
    expect(effectLines([], before.concat(after.slice(1))).ingress).toEqual([
      'TCP 22 from 0.0.0.0/0 except 192.168.0.0/16: blocked → allowed',
    ]);
  });

  it('covers IPv6 on its own', () => {
    expect(
      effectLines([], [rule({ protocol: 'udp', portRange: '53/53', ipv6Cidr: '::/0' })]).ingress,
    ).toEqual(['UDP 53 from ::/0: blocked → allowed']);
  });

  it('lets a Drop override an Accept at equal priority, and a stronger Accept shadow a Drop', () => {
    const accept = rule({ portRange: '20/30', priority: 5 });
    const drop = rule({ portRange: '22/22', policy: 'drop', priority: 5 });
    expect(effectLines([accept], [accept, drop]).ingress).toEqual([
      'TCP 22 from 10.0.0.0/8: allowed → blocked',
    ]);
    const strong = rule({ portRange: '1/65535', priority: 1 });
    expect(effectLines([strong], [strong, drop]).ingress).toEqual([]);
    // The Drop moving below the Accept reopens only its ports.
    expect(effectLines([accept, drop], [accept, { ...drop, priority: 6 }]).ingress).toEqual([
      'TCP 22 from 10.0.0.0/8: blocked → allowed',
    ]);
  });

  it('reads `all` as every protocol and writes a change on all of them as one statement', () => {
    const world = rule({ protocol: 'all', cidr: '0.0.0.0/0' });
    expect(effectLines([], [world]).ingress).toEqual([
      'All traffic from 0.0.0.0/0: blocked → allowed',
    ]);
    const withSsh = [world, rule({ cidr: '0.0.0.0/0', policy: 'drop' })];
    expect(effectLines(withSsh, [world]).ingress).toEqual([
      'TCP 22 from 0.0.0.0/0: blocked → allowed',
    ]);
  });

  it('uses each group type default: removing outbound rules changes nothing on a basic group', () => {
    const out = rule({ direction: 'egress', protocol: 'all', cidr: '0.0.0.0/0' });
    expect(effectLines([out], [], 'normal').egress).toEqual([]);
    expect(effectLines([out], [], 'enterprise').egress).toEqual([
      'All traffic to 0.0.0.0/0: allowed → blocked',
    ]);
    expect(trafficEffect([out], [], advanced).ingress.statements).toEqual([]);
  });

  it('treats groups and prefix lists as named sets that CIDR rules do not cover', () => {
    const world = rule({ portRange: '8080/8080', cidr: '0.0.0.0/0' });
    const fromApp = rule({ portRange: '8080/8080', groupId: 'sg-app' });
    const fromList = rule({ portRange: '8080/8080', prefixListId: 'pl-1' });
    expect(effectLines([world, fromApp, fromList], [world]).ingress).toEqual([
      'TCP 8080 from group sg-app: allowed → blocked',
      'TCP 8080 from prefix list pl-1: allowed → blocked',
    ]);
  });

  it('keeps classic internet and intranet rules apart', () => {
    const internet = rule({ nicType: 'internet', cidr: '0.0.0.0/0' }, false);
    const intranet = rule({ nicType: 'intranet', cidr: '0.0.0.0/0' }, false);
    expect(effectLines([intranet], [internet]).ingress).toEqual([
      'TCP 22 from 0.0.0.0/0: allowed → blocked',
      'TCP 22 from 0.0.0.0/0 (internet NIC): blocked → allowed',
    ]);
  });

  it('marks a change that depends on a source port or local address as approximate', () => {
    const open = rule({ cidr: '0.0.0.0/0' });
    const fromHighPorts = rule({
      cidr: '0.0.0.0/0',
      policy: 'drop',
      sourcePortRange: '1024/65535',
    });
    const effect = trafficEffect([open], [open, fromHighPorts], basic);
    expect(effect.ingress.statements.map(formatStatement)).toEqual([
      'TCP 22 from 0.0.0.0/0: allowed → blocked, in part',
    ]);
    expect(effect.ingress.statements[0]?.approximate).toBe(true);
    // Shadowed by a stronger plain rule, the condition no longer matters: exact, and no change.
    const strong = rule({ cidr: '0.0.0.0/0', priority: 1, policy: 'drop' });
    expect(effectLines([strong], [strong, { ...fromHighPorts, priority: 2 }]).ingress).toEqual([]);
    // Past the enumeration limit every verdict the conditional rules allow is assumed possible.
    const many = Array.from({ length: 12 }, (_, i) =>
      rule({
        cidr: '0.0.0.0/0',
        policy: i % 2 === 0 ? 'drop' : 'accept',
        sourcePortRange: `${1000 + i}/${1000 + i}`,
      }),
    );
    expect(effectLines([open], [{ ...open, priority: 50 }, ...many]).ingress).toEqual([
      'TCP 22 from 0.0.0.0/0: allowed → blocked, in part',
    ]);
  });

  it('stops at the limit and counts the rest', () => {
    const after = Array.from({ length: 12 }, (_, i) =>
      rule({ portRange: `${100 + 2 * i}/${100 + 2 * i}` }),
    );
    const effect = trafficEffect([], after, basic, { limit: 5 });
    expect(effect.ingress.statements).toHaveLength(5);
    expect(effect.ingress.more).toBe(7);
    expect(effect.ingress.statements.map(formatStatement)[0]).toBe(
      'TCP 100 from 10.0.0.0/8: blocked → allowed',
    );
  });

  it('cuts a whole effect to the limit exactly as computing with the limit does', () => {
    const after = Array.from({ length: 12 }, (_, i) =>
      rule({ portRange: `${100 + 2 * i}/${100 + 2 * i}` }),
    );
    const whole = trafficEffect([], after, basic, { limit: Infinity });
    expect(whole.ingress.statements).toHaveLength(12);
    expect(limitStatements(whole, 5)).toEqual(trafficEffect([], after, basic, { limit: 5 }));
    expect(limitStatements(whole)).toEqual(whole);
  });

  it('merges adjacent ports with the same change', () => {
    const after = [rule({ portRange: '20/22' }), rule({ portRange: '23/30', priority: 7 })];
    expect(effectLines([], after).ingress).toEqual([
      'TCP 20-30 from 10.0.0.0/8: blocked → allowed',
    ]);
  });

  it('marks a change behind a port-range list as approximate on every port', () => {
    const listed = rule({ portRange: '-1/-1', portRangeListId: 'prl-web', cidr: '0.0.0.0/0' });
    const effect = trafficEffect([], [listed], basic);
    expect(effect.ingress.statements.map(formatStatement)).toEqual([
      'TCP all ports from 0.0.0.0/0: blocked → allowed, in part',
    ]);
  });

  it('tells whether a statement reaches into a CIDR, holes included', () => {
    const before = [rule({ cidr: '0.0.0.0/0', priority: 50 })];
    const after = [
      ...before,
      rule({ cidr: '0.0.0.0/0', policy: 'drop', priority: 10 }),
      rule({ cidr: '192.168.0.0/16', priority: 1 }),
    ];
    const [closed] = trafficEffect(before, after, basic).ingress.statements;
    expect(closed && formatStatement(closed)).toBe(
      'TCP 22 from 0.0.0.0/0 except 192.168.0.0/16: allowed → blocked',
    );
    if (!closed) return;
    expect(statementTouchesCidr(closed, '203.0.113.0/24')).toBe(true);
    expect(statementTouchesCidr(closed, '192.168.4.0/24')).toBe(false);
    expect(statementTouchesCidr(closed, '192.0.0.0/8')).toBe(true);
    expect(statementTouchesCidr(closed, '2001:db8::/32')).toBe(false);
  });
});
