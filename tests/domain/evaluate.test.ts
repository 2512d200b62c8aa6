import { describe, expect, it } from 'vitest';
import { evaluatePacket, type Packet } from '../../src/domain/evaluate';
import { rule } from './builders';

const ssh: Packet = {
  direction: 'ingress',
  protocol: 'tcp',
  port: 22,
  peer: { ip: '10.1.2.3' },
  nicType: 'intranet',
};

describe('evaluatePacket', () => {
  it('applies the defaults: basic groups deny ingress and allow egress, advanced groups deny both', () => {
    expect(evaluatePacket([], 'normal', ssh)).toBe('deny');
    expect(evaluatePacket([], 'normal', { ...ssh, direction: 'egress' })).toBe('allow');
    expect(evaluatePacket([], 'enterprise', ssh)).toBe('deny');
    expect(evaluatePacket([], 'enterprise', { ...ssh, direction: 'egress' })).toBe('deny');
  });

  it('lets the smallest priority number win', () => {
    const rules = [
      rule({ policy: 'drop', priority: 10 }),
      rule({ priority: 5, cidr: '10.1.0.0/16' }),
    ];
    expect(evaluatePacket(rules, 'normal', ssh)).toBe('allow');
    expect(
      evaluatePacket(
        [rule({ priority: 10 }), rule({ policy: 'drop', priority: 5, cidr: '10.1.0.0/16' })],
        'normal',
        ssh,
      ),
    ).toBe('deny');
  });

  it('lets Drop win a tie, in either order', () => {
    const accept = rule({ priority: 5 });
    const drop = rule({ policy: 'drop', priority: 5, cidr: '10.1.2.3' });
    expect(evaluatePacket([accept, drop], 'normal', ssh)).toBe('deny');
    expect(evaluatePacket([drop, accept], 'normal', ssh)).toBe('deny');
  });

  it('matches protocol ALL, port ranges and any-port protocols', () => {
    expect(
      evaluatePacket([rule({ protocol: 'all' })], 'normal', { ...ssh, protocol: 'udp', port: 53 }),
    ).toBe('allow');
    expect(evaluatePacket([rule({ portRange: '20/30' })], 'normal', ssh)).toBe('allow');
    expect(evaluatePacket([rule({ portRange: '23/30' })], 'normal', ssh)).toBe('deny');
    expect(
      evaluatePacket([rule({ protocol: 'icmp' })], 'normal', { ...ssh, protocol: 'icmp', port: 0 }),
    ).toBe('allow');
    expect(evaluatePacket([rule({ protocol: 'udp', portRange: '22' })], 'normal', ssh)).toBe(
      'deny',
    );
  });

  it('matches CIDRs of the packet family only', () => {
    const v6 = rule({ cidr: undefined, ipv6Cidr: '2001:db8::/32' });
    expect(evaluatePacket([v6], 'normal', { ...ssh, peer: { ip: '2001:db8:1::9' } })).toBe('allow');
    expect(evaluatePacket([v6], 'normal', { ...ssh, peer: { ip: '2001:db9::1' } })).toBe('deny');
    expect(evaluatePacket([v6], 'normal', ssh)).toBe('deny');
    expect(
      evaluatePacket([rule({ cidr: '0.0.0.0/0' })], 'normal', { ...ssh, peer: { ip: '::1' } }),
    ).toBe('deny');
    expect(evaluatePacket([rule({ cidr: '0.0.0.0/0' })], 'normal', { ...ssh, peer: {} })).toBe(
      'deny',
    );
  });

  it('matches group and prefix-list peers', () => {
    const byGroup = rule({ cidr: undefined, groupId: 'sg-web' });
    expect(evaluatePacket([byGroup], 'normal', { ...ssh, peer: { groupId: 'sg-web' } })).toBe(
      'allow',
    );
    expect(evaluatePacket([byGroup], 'normal', { ...ssh, peer: { groupId: 'sg-db' } })).toBe(
      'deny',
    );
    const byList = rule({ cidr: undefined, prefixListId: 'pl-1' });
    expect(
      evaluatePacket([byList], 'normal', { ...ssh, peer: { prefixListIds: ['pl-0', 'pl-1'] } }),
    ).toBe('allow');
    expect(evaluatePacket([byList], 'normal', ssh)).toBe('deny');
  });

  it('matches NIC type, source ports, local CIDR and port-range lists', () => {
    expect(evaluatePacket([rule({}, false)], 'normal', ssh)).toBe('deny');
    expect(evaluatePacket([rule({}, false)], 'normal', { ...ssh, nicType: 'internet' })).toBe(
      'allow',
    );
    const fromHighPorts = rule({ sourcePortRange: '1024/65535' });
    expect(evaluatePacket([fromHighPorts], 'normal', { ...ssh, sourcePort: 50000 })).toBe('allow');
    expect(evaluatePacket([fromHighPorts], 'normal', { ...ssh, sourcePort: 80 })).toBe('deny');
    expect(evaluatePacket([fromHighPorts], 'normal', ssh)).toBe('deny');
    const toLocal = rule({ localCidr: '192.168.0.0/24' });
    expect(evaluatePacket([toLocal], 'normal', { ...ssh, localIp: '192.168.0.8' })).toBe('allow');
    expect(evaluatePacket([toLocal], 'normal', { ...ssh, localIp: '192.168.1.8' })).toBe('deny');
    const listed = rule({ portRange: '-1/-1', portRangeListId: 'prl-web' });
    expect(evaluatePacket([listed], 'normal', { ...ssh, portRangeListIds: ['prl-web'] })).toBe(
      'allow',
    );
    expect(evaluatePacket([listed], 'normal', ssh)).toBe('deny');
  });

  it('keeps directions apart', () => {
    expect(evaluatePacket([rule({ direction: 'egress', policy: 'drop' })], 'normal', ssh)).toBe(
      'deny',
    );
    expect(
      evaluatePacket([rule({ direction: 'egress', policy: 'drop' })], 'normal', {
        ...ssh,
        direction: 'egress',
      }),
    ).toBe('deny');
    expect(
      evaluatePacket([rule({ policy: 'drop' })], 'normal', { ...ssh, direction: 'egress' }),
    ).toBe('allow');
  });
});
