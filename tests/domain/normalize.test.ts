import { describe, expect, it } from 'vitest';
import {
  normalizeRule,
  RuleParseError,
  ruleIdentity,
  ruleToInput,
} from '../../src/domain/normalize';
import type { RuleInput } from '../../src/domain/types';

const base: RuleInput = {
  direction: 'ingress',
  protocol: 'tcp',
  portRange: '22/22',
  cidr: '10.0.0.0/8',
};
const vpc = { vpc: true };
const classic = { vpc: false };

function parseError(input: RuleInput, ctx = vpc): RuleParseError {
  try {
    normalizeRule(input, ctx);
  } catch (error) {
    if (error instanceof RuleParseError) return error;
    throw error;
  }
  throw new Error('expected a RuleParseError');
}

describe('normalizeRule: spellings', () => {
  it('reads protocol, policy and direction in any case', () => {
    const rule = normalizeRule(
      { ...base, direction: 'Ingress', protocol: 'TCP', policy: 'Accept' },
      vpc,
    );
    expect(rule).toMatchObject({ direction: 'ingress', protocol: 'tcp', policy: 'accept' });
    expect(normalizeRule({ ...base, policy: 'DROP' }, vpc).policy).toBe('drop');
    expect(
      normalizeRule({ ...base, protocol: 'ICMPv6', ipv6Cidr: '::/0', cidr: '' }, vpc).protocol,
    ).toBe('icmpv6');
  });

  it('defaults the policy to accept', () => {
    expect(normalizeRule(base, vpc).policy).toBe('accept');
    expect(normalizeRule({ ...base, policy: '' }, vpc).policy).toBe('accept');
  });

  it.each(['ALL', 'ICMP', 'ICMPv6', 'GRE'])('forces %s to port range -1/-1', (protocol) => {
    expect(normalizeRule({ ...base, protocol, portRange: '1/65535' }, vpc).portRange).toBe('-1/-1');
    expect(normalizeRule({ ...base, protocol, portRange: undefined }, vpc).portRange).toBe('-1/-1');
  });

  it('reads a single port as a range', () => {
    expect(normalizeRule({ ...base, portRange: '22' }, vpc).portRange).toBe('22/22');
    expect(normalizeRule({ ...base, protocol: 'udp', portRange: ' 53 ' }, vpc).portRange).toBe(
      '53/53',
    );
    expect(normalizeRule({ ...base, portRange: '1/65535' }, vpc).portRange).toBe('1/65535');
  });

  it('canonicalizes IPv4 CIDRs and bare addresses', () => {
    expect(normalizeRule({ ...base, cidr: '10.0.0.1/8' }, vpc).peer).toEqual({
      kind: 'cidr',
      cidr: '10.0.0.0/8',
    });
    expect(normalizeRule({ ...base, cidr: '192.168.1.7' }, vpc).peer).toEqual({
      kind: 'cidr',
      cidr: '192.168.1.7/32',
    });
    expect(normalizeRule({ ...base, cidr: '0.0.0.0/0' }, vpc).peer).toEqual({
      kind: 'cidr',
      cidr: '0.0.0.0/0',
    });
    expect(normalizeRule({ ...base, cidr: '172.16.255.255/12' }, vpc).peer).toEqual({
      kind: 'cidr',
      cidr: '172.16.0.0/12',
    });
  });

  it('canonicalizes IPv6 CIDRs: lower case, compressed, host bits zeroed', () => {
    const v6 = (ipv6Cidr: string) =>
      normalizeRule({ ...base, cidr: undefined, ipv6Cidr }, vpc).peer;
    expect(v6('::0/0')).toEqual({ kind: 'ipv6', cidr: '::/0' });
    expect(v6('2001:DB8:0:0:0:0:0:1')).toEqual({ kind: 'ipv6', cidr: '2001:db8::1/128' });
    expect(v6('2001:0db8:0000:0000:0001:0000:0000:0000/64')).toEqual({
      kind: 'ipv6',
      cidr: '2001:db8::/64',
    });
    expect(v6('2001:db8:0:1:0:0:0:1/128')).toEqual({ kind: 'ipv6', cidr: '2001:db8:0:1::1/128' });
    expect(v6('2001:db8:1:0:1:1:1:1')).toEqual({ kind: 'ipv6', cidr: '2001:db8:1:0:1:1:1:1/128' });
    expect(v6('::ffff:10.0.0.1/128')).toEqual({ kind: 'ipv6', cidr: '::ffff:a00:1/128' });
    expect(v6('fe80::1/10')).toEqual({ kind: 'ipv6', cidr: 'fe80::/10' });
  });

  it('canonicalizes the local CIDR of either family', () => {
    expect(normalizeRule({ ...base, localCidr: '10.1.2.3/16' }, vpc).localCidr).toBe('10.1.0.0/16');
    expect(normalizeRule({ ...base, localCidr: '2001:DB8::5/64' }, vpc).localCidr).toBe(
      '2001:db8::/64',
    );
    expect(normalizeRule({ ...base, localCidr: '' }, vpc).localCidr).toBe('');
  });

  it('treats empty strings and absent fields alike', () => {
    const sparse = normalizeRule(base, vpc);
    const empty = normalizeRule(
      {
        ...base,
        sourcePortRange: '',
        ipv6Cidr: '',
        groupId: '',
        prefixListId: '',
        localCidr: '',
        portRangeListId: '',
        nicType: '',
        priority: '',
      },
      vpc,
    );
    expect(empty).toEqual(sparse);
    expect(sparse).toMatchObject({
      sourcePortRange: '',
      localCidr: '',
      portRangeListId: '',
      priority: 1,
      description: '',
    });
  });

  it('reads priority as a string or a number', () => {
    expect(normalizeRule({ ...base, priority: '5' }, vpc).priority).toBe(5);
    expect(normalizeRule({ ...base, priority: 5 }, vpc).priority).toBe(5);
    expect(normalizeRule({ ...base, priority: '110' }, vpc).priority).toBe(110);
    expect(normalizeRule({ ...base, priority: 100 }, vpc).priority).toBe(100);
  });

  it('makes VPC rules intranet whatever the input says', () => {
    expect(normalizeRule({ ...base, nicType: 'internet' }, vpc).nicType).toBe('intranet');
    expect(normalizeRule(base, vpc).nicType).toBe('intranet');
  });

  it('defaults classic rules to internet, except group references', () => {
    expect(normalizeRule(base, classic).nicType).toBe('internet');
    expect(normalizeRule({ ...base, nicType: 'Intranet' }, classic).nicType).toBe('intranet');
    expect(
      normalizeRule({ ...base, cidr: '', groupId: 'sg-1', nicType: 'internet' }, classic).nicType,
    ).toBe('intranet');
  });

  it('reads every kind of peer', () => {
    expect(
      normalizeRule({ ...base, cidr: undefined, groupId: 'sg-1', groupOwnerAccount: '1234' }, vpc)
        .peer,
    ).toEqual({
      kind: 'group',
      groupId: 'sg-1',
      ownerAccount: '1234',
    });
    expect(normalizeRule({ ...base, cidr: undefined, groupId: 'sg-1' }, vpc).peer).toEqual({
      kind: 'group',
      groupId: 'sg-1',
      ownerAccount: '',
    });
    expect(normalizeRule({ ...base, cidr: undefined, prefixListId: 'pl-9' }, vpc).peer).toEqual({
      kind: 'prefixList',
      prefixListId: 'pl-9',
    });
  });

  it('keeps the description as given and the meta', () => {
    const rule = normalizeRule(
      {
        ...base,
        description: '  web  ',
        meta: { ruleId: 'sgr-1', createTime: '2024-01-01T00:00:00Z' },
      },
      vpc,
    );
    expect(rule.description).toBe('  web  ');
    expect(rule.meta).toEqual({ ruleId: 'sgr-1', createTime: '2024-01-01T00:00:00Z' });
  });

  it('treats a TCP source port range of -1/-1 as absent and drops it for port-less protocols', () => {
    expect(normalizeRule({ ...base, sourcePortRange: '-1/-1' }, vpc).sourcePortRange).toBe('');
    expect(normalizeRule({ ...base, sourcePortRange: '1024' }, vpc).sourcePortRange).toBe(
      '1024/1024',
    );
    expect(
      normalizeRule({ ...base, protocol: 'icmp', sourcePortRange: '1/2' }, vpc).sourcePortRange,
    ).toBe('');
  });

  it('ignores the port text of a rule with a port-range list: the list is its identity', () => {
    const listed = (portRange: string, portRangeListId = 'prl-1') =>
      normalizeRule({ ...base, portRange, portRangeListId }, vpc);
    expect(listed('22/22').portRange).toBe('-1/-1');
    expect(listed('not a range').portRange).toBe('-1/-1');
    expect(ruleIdentity(listed('22/22'))).toBe(ruleIdentity(listed('')));
    expect(ruleIdentity(listed('22/22'))).not.toBe(ruleIdentity(listed('22/22', 'prl-2')));
    expect(ruleIdentity(listed('22/22'))).not.toBe(ruleIdentity(normalizeRule(base, vpc)));
  });

  it('accepts -1/-1 for TCP only with a port-range list', () => {
    expect(
      normalizeRule({ ...base, portRange: '-1/-1', portRangeListId: 'prl-1' }, vpc).portRange,
    ).toBe('-1/-1');
    expect(normalizeRule({ ...base, portRange: '', portRangeListId: 'prl-1' }, vpc).portRange).toBe(
      '-1/-1',
    );
  });
});

describe('normalizeRule: bad input', () => {
  it('rejects a port out of range, naming field and value', () => {
    const error = parseError({ ...base, portRange: '70000/1' });
    expect(error.field).toBe('portRange');
    expect(error.value).toBe('70000/1');
    expect(error.message).toBe(
      'portRange "70000/1" is not a valid port range (from/to within 1..65535)',
    );
  });

  it.each(['0/10', '30/20', '-1/-1', '', 'a/b', '1/2/3', '22-23'])(
    'rejects TCP port range %j',
    (portRange) => {
      expect(parseError({ ...base, portRange }).field).toBe('portRange');
    },
  );

  it('rejects a UDP rule without ports', () => {
    expect(parseError({ ...base, protocol: 'udp', portRange: undefined }).field).toBe('portRange');
  });

  it('rejects a bad source port range', () => {
    expect(parseError({ ...base, sourcePortRange: '0/5' }).field).toBe('sourcePortRange');
  });

  it('rejects an IPv4 prefix over 32', () => {
    const error = parseError({ ...base, cidr: '10.0.0.0/33' });
    expect(error).toMatchObject({ field: 'cidr', value: '10.0.0.0/33' });
    expect(error.message).toBe('cidr "10.0.0.0/33" is not a valid IPv4 CIDR');
  });

  it.each(['256.0.0.1', '10.0.0', '10.0.0.0/', '10.0.0.0/8/8', '010.0.0.1', '::/0', '10.0.0.0/-1'])(
    'rejects IPv4 CIDR %j',
    (cidr) => {
      expect(parseError({ ...base, cidr }).field).toBe('cidr');
    },
  );

  it.each([
    '2001:db8::/129',
    '1::2::3',
    '12345::',
    '1:2:3:4:5:6:7:8:9',
    'g::1',
    '1:2:3:4:5:6:7::8',
    '10.0.0.0/8',
  ])('rejects IPv6 CIDR %j', (ipv6Cidr) => {
    expect(parseError({ ...base, cidr: undefined, ipv6Cidr }).field).toBe('ipv6Cidr');
  });

  it('rejects an unknown protocol', () => {
    const error = parseError({ ...base, protocol: 'SCTP' });
    expect(error).toMatchObject({ field: 'protocol', value: 'SCTP' });
    expect(error.message).toContain('protocol "SCTP" is not a supported protocol');
  });

  it('rejects two peers and no peer, naming peer', () => {
    const two = parseError({ ...base, groupId: 'sg-1' });
    expect(two.field).toBe('peer');
    expect(two.message).toContain('"cidr":"10.0.0.0/8"');
    expect(two.message).toContain('"groupId":"sg-1"');
    const none = parseError({ ...base, cidr: '' });
    expect(none.field).toBe('peer');
    expect(none.message).toBe(
      'peer (empty) is missing: give one of cidr, ipv6Cidr, groupId, prefixListId',
    );
  });

  it.each([0, 101, 109, 111, 1.5, '0', 'high', '-3', '1e2'])('rejects priority %j', (priority) => {
    expect(parseError({ ...base, priority }).field).toBe('priority');
  });

  it('rejects an unknown policy, direction and NIC type', () => {
    expect(parseError({ ...base, policy: 'allow' }).field).toBe('policy');
    expect(parseError({ ...base, direction: 'inbound' }).field).toBe('direction');
    expect(parseError({ ...base, nicType: 'wan' }).field).toBe('nicType');
  });

  it('rejects IDs that could blur the identity key', () => {
    expect(parseError({ ...base, cidr: undefined, groupId: 'sg-1|x' }).field).toBe('groupId');
    expect(parseError({ ...base, cidr: undefined, prefixListId: 'pl 1' }).field).toBe(
      'prefixListId',
    );
  });

  it('is an Error with its own name', () => {
    const error = parseError({ ...base, protocol: 'x' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RuleParseError');
  });
});

describe('ruleIdentity and ruleToInput', () => {
  it('ignores priority, description and meta', () => {
    const a = normalizeRule(
      { ...base, priority: 1, description: 'a', meta: { ruleId: 'sgr-1' } },
      vpc,
    );
    const b = normalizeRule(
      { ...base, priority: 50, description: 'b', meta: { ruleId: 'sgr-2' } },
      vpc,
    );
    expect(ruleIdentity(a)).toBe(ruleIdentity(b));
  });

  it('tells apart every identity field', () => {
    const reference = ruleIdentity(normalizeRule(base, classic));
    const variants: RuleInput[] = [
      { ...base, direction: 'egress' },
      { ...base, policy: 'drop' },
      { ...base, protocol: 'udp' },
      { ...base, portRange: '23' },
      { ...base, sourcePortRange: '1/2' },
      { ...base, cidr: '10.0.0.0/9' },
      { ...base, cidr: undefined, ipv6Cidr: '::/0' },
      { ...base, cidr: undefined, groupId: 'sg-1' },
      { ...base, cidr: undefined, prefixListId: 'pl-1' },
      { ...base, localCidr: '10.0.0.0/8' },
      { ...base, portRangeListId: 'prl-1' },
      { ...base, nicType: 'intranet' },
    ];
    const keys = variants.map((input) => ruleIdentity(normalizeRule(input, classic)));
    expect(new Set([reference, ...keys]).size).toBe(variants.length + 1);
  });

  it('separates group references by owner account', () => {
    const a = normalizeRule(
      { ...base, cidr: undefined, groupId: 'sg-1', groupOwnerAccount: '1' },
      vpc,
    );
    const b = normalizeRule({ ...base, cidr: undefined, groupId: 'sg-1' }, vpc);
    expect(ruleIdentity(a)).not.toBe(ruleIdentity(b));
  });

  it('round-trips through ruleToInput', () => {
    const rule = normalizeRule(
      {
        ...base,
        cidr: undefined,
        groupId: 'sg-1',
        priority: '7',
        description: 'x',
        meta: { ruleId: 'sgr-9' },
      },
      classic,
    );
    expect(normalizeRule(ruleToInput(rule), classic)).toEqual(rule);
  });
});
