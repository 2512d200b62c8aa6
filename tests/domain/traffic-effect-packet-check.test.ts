import { describe, expect, it } from 'vitest';
import { checkPacket, decide, PacketQueryError } from '../../src/domain/packet-check';
import { rule } from './builders';

const basic = { type: 'normal' as const };

describe('decide (the packet check)', () => {
  const world = rule({ cidr: '0.0.0.0/0', priority: 50, description: 'SSH from anywhere' });
  const office = rule({ cidr: '192.168.0.0/16', policy: 'drop', priority: 50 });
  const strong = rule({ cidr: '192.168.1.0/24', priority: 10 });
  const rules = [world, office, strong];

  it('names the deciding rule: priority first, then Drop at equal priority', () => {
    const ssh = { direction: 'ingress', protocol: 'tcp', port: 22 } as const;
    expect(decide(rules, basic, { ...ssh, address: '8.8.8.8' })).toEqual({
      verdict: 'allow',
      rule: world,
    });
    expect(decide(rules, basic, { ...ssh, address: '192.168.9.9' })).toEqual({
      verdict: 'deny',
      rule: office,
    });
    expect(decide(rules, basic, { ...ssh, address: '192.168.1.7' })).toEqual({
      verdict: 'allow',
      rule: strong,
    });
  });

  it('returns no rule when the group default decides, per group type', () => {
    const out = { direction: 'egress', protocol: 'udp', port: 53, address: '::1' } as const;
    expect(decide(rules, basic, out)).toEqual({ verdict: 'allow', rule: null });
    expect(decide(rules, { type: 'enterprise' }, out)).toEqual({ verdict: 'deny', rule: null });
    expect(
      decide(rules, basic, { direction: 'ingress', protocol: 'icmp', address: '10.0.0.1' }),
    ).toEqual({
      verdict: 'deny',
      rule: null,
    });
  });

  it('matches a group peer only by group rules', () => {
    const fromApp = rule({ portRange: '8080/8080', groupId: 'sg-app' });
    const query = { direction: 'ingress', protocol: 'tcp', port: 8080 } as const;
    expect(decide([fromApp], basic, { ...query, groupId: 'sg-app' }).rule).toBe(fromApp);
    expect(decide([fromApp], basic, { ...query, groupId: 'sg-other' }).rule).toBeNull();
    expect(decide([fromApp], basic, { ...query, address: '10.0.0.1' }).rule).toBeNull();
  });

  it('refuses a TCP packet without a valid port, or without exactly one peer', () => {
    expect(() =>
      decide(rules, basic, { direction: 'ingress', protocol: 'tcp', address: '1.1.1.1' }),
    ).toThrow(PacketQueryError);
    expect(() =>
      decide(rules, basic, { direction: 'ingress', protocol: 'tcp', port: 0, address: '1.1.1.1' }),
    ).toThrow(PacketQueryError);
    expect(() =>
      decide(rules, basic, {
        direction: 'ingress',
        protocol: 'tcp',
        port: 22,
        address: '1.1.1.1',
        groupId: 'sg-a',
      }),
    ).toThrow(/exactly one/);
  });

  it('checks one packet before and after a restore', () => {
    const query = {
      direction: 'ingress',
      protocol: 'tcp',
      port: 22,
      address: '192.168.9.9',
    } as const;
    expect(checkPacket(rules, [world], basic, query)).toEqual({
      before: { verdict: 'deny', rule: office },
      after: { verdict: 'allow', rule: world },
    });
  });
});
