import fc from 'fast-check';
import { normalizeRule } from '../../src/domain/normalize';
import type { Rule, RuleInput } from '../../src/domain/types';
import { EcsError } from '../../src/ecs/ecs-port';
import {
  groupSummaryFromWire,
  permissionsToRules,
  permissionToRuleInput,
  regionFromWire,
  ruleToModifyFields,
  ruleToPermissionFields,
} from '../../src/ecs/mapping';
import { wireRegionSchema, wireSecurityGroupSchema } from '../../src/ecs/wire';
import { echoAsEcs, permission } from './wire-fixtures';

const VPC = { vpc: true, groupId: 'sg-test000001' };
const CLASSIC = { vpc: false, groupId: 'sg-test000002' };

function readOne(fields: Parameters<typeof permission>[0], ctx = VPC): Rule {
  const [rule] = permissionsToRules([permission(fields)], ctx);
  if (!rule) throw new Error('no rule');
  return rule;
}

function rule(input: Omit<RuleInput, 'meta'>, vpc = true): Rule {
  return normalizeRule(input, { vpc });
}

describe('Permission → Rule', () => {
  it('reads an ingress IPv4 rule: Source* is the peer, DestCidrIp the local CIDR, ID and time into meta', () => {
    const read = readOne({
      SecurityGroupRuleId: 'sgr-a1',
      Direction: 'ingress',
      IpProtocol: 'TCP',
      PortRange: '22/22',
      SourceCidrIp: '10.1.2.3/8',
      DestCidrIp: '192.168.0.0/24',
      Policy: 'Accept',
      Priority: '5',
      NicType: 'intranet',
      Description: 'ssh from office',
      CreateTime: '2024-01-02T03:04:05Z',
    });
    expect(read).toEqual({
      direction: 'ingress',
      policy: 'accept',
      protocol: 'tcp',
      portRange: '22/22',
      sourcePortRange: '',
      peer: { kind: 'cidr', cidr: '10.0.0.0/8' },
      localCidr: '192.168.0.0/24',
      portRangeListId: '',
      nicType: 'intranet',
      priority: 5,
      description: 'ssh from office',
      meta: { ruleId: 'sgr-a1', createTime: '2024-01-02T03:04:05Z' },
    });
  });

  it('reads an egress IPv4 rule: Dest* is the peer, SourceCidrIp the local CIDR', () => {
    const read = readOne({
      Direction: 'egress',
      IpProtocol: 'UDP',
      PortRange: '53/53',
      DestCidrIp: '8.8.8.8',
      SourceCidrIp: '172.16.0.0/12',
      SourcePortRange: '1024/65535',
      Policy: 'Drop',
    });
    expect(read.direction).toBe('egress');
    expect(read.peer).toEqual({ kind: 'cidr', cidr: '8.8.8.8/32' });
    expect(read.localCidr).toBe('172.16.0.0/12');
    expect(read.sourcePortRange).toBe('1024/65535');
    expect(read.policy).toBe('drop');
  });

  it('reads IPv6 peers and IPv6 local CIDRs in both directions, canonical and lower-case', () => {
    const ingress = readOne({
      Direction: 'ingress',
      IpProtocol: 'ICMPv6',
      PortRange: '-1/-1',
      Ipv6SourceCidrIp: '2001:DB8:0:0::1/32',
      Ipv6DestCidrIp: '::0/0',
      Policy: 'accept',
    });
    expect(ingress.protocol).toBe('icmpv6');
    expect(ingress.peer).toEqual({ kind: 'ipv6', cidr: '2001:db8::/32' });
    expect(ingress.localCidr).toBe('::/0');
    const egress = readOne({
      Direction: 'egress',
      IpProtocol: 'ALL',
      PortRange: '-1/-1',
      Ipv6DestCidrIp: '::/0',
      Ipv6SourceCidrIp: '2001:db8:1::/48',
    });
    expect(egress.peer).toEqual({ kind: 'ipv6', cidr: '::/0' });
    expect(egress.localCidr).toBe('2001:db8:1::/48');
  });

  it('reads prefix-list peers with their names in both directions', () => {
    const ingress = readOne({
      Direction: 'ingress',
      IpProtocol: 'TCP',
      PortRange: '443/443',
      SourcePrefixListId: 'pl-abc123',
      SourcePrefixListName: 'office-networks',
    });
    expect(ingress.peer).toEqual({ kind: 'prefixList', prefixListId: 'pl-abc123' });
    expect(ingress.meta.peerName).toBe('office-networks');
    const egress = readOne({
      Direction: 'egress',
      IpProtocol: 'TCP',
      PortRange: '443/443',
      DestPrefixListId: 'pl-def456',
      DestPrefixListName: 'partners',
    });
    expect(egress.peer).toEqual({ kind: 'prefixList', prefixListId: 'pl-def456' });
    expect(egress.meta.peerName).toBe('partners');
  });

  it('reads group references with owner account and name; in a classic group they are intranet', () => {
    const ingress = readOne(
      {
        Direction: 'ingress',
        IpProtocol: 'TCP',
        PortRange: '3306/3306',
        SourceGroupId: 'sg-app0001',
        SourceGroupOwnerAccount: '1234567890123456',
        SourceGroupName: 'app-servers',
        NicType: 'internet',
      },
      CLASSIC,
    );
    expect(ingress.peer).toEqual({
      kind: 'group',
      groupId: 'sg-app0001',
      ownerAccount: '1234567890123456',
    });
    expect(ingress.meta.peerName).toBe('app-servers');
    expect(ingress.nicType).toBe('intranet');
    const egress = readOne({
      Direction: 'egress',
      IpProtocol: 'TCP',
      PortRange: '6379/6379',
      DestGroupId: 'sg-cache001',
      DestGroupName: 'cache',
    });
    expect(egress.peer).toEqual({ kind: 'group', groupId: 'sg-cache001', ownerAccount: '' });
    expect(egress.meta.peerName).toBe('cache');
  });

  it('keeps the NIC type of classic groups and forces intranet in VPC groups', () => {
    const base = {
      Direction: 'ingress',
      IpProtocol: 'TCP',
      PortRange: '80/80',
      SourceCidrIp: '0.0.0.0/0',
    };
    expect(readOne({ ...base, NicType: 'internet' }, CLASSIC).nicType).toBe('internet');
    expect(readOne({ ...base, NicType: 'INTRANET' }, CLASSIC).nicType).toBe('intranet');
    expect(readOne({ ...base, NicType: '' }, CLASSIC).nicType).toBe('internet');
    expect(readOne({ ...base, NicType: 'internet' }, VPC).nicType).toBe('intranet');
  });

  it('accepts Priority as a number or a string, and absent/empty as the default 1', () => {
    const base = {
      Direction: 'ingress',
      IpProtocol: 'TCP',
      PortRange: '80/80',
      SourceCidrIp: '0.0.0.0/0',
    };
    expect(readOne({ ...base, Priority: 7 }).priority).toBe(7);
    expect(readOne({ ...base, Priority: '7' }).priority).toBe(7);
    expect(readOne({ ...base, Priority: '' }).priority).toBe(1);
    expect(readOne({ ...base, Priority: 110 }).priority).toBe(110);
    expect(permissionToRuleInput(permission({ ...base, Priority: '' }))).not.toHaveProperty(
      'priority',
    );
  });

  it('treats upper/lower case and empty strings as the same rule', () => {
    const upper = readOne({
      Direction: 'INGRESS',
      IpProtocol: 'TCP',
      PortRange: '80/80',
      SourceCidrIp: '0.0.0.0/0',
      Policy: 'ACCEPT',
      NicType: 'INTRANET',
    });
    const lower = readOne({
      Direction: 'ingress',
      IpProtocol: 'tcp',
      PortRange: '80',
      SourceCidrIp: '0.0.0.0/0',
      Policy: 'accept',
      SourcePortRange: '',
      DestCidrIp: '',
    });
    expect(upper).toEqual(lower);
  });

  it('reads a Permission with optional fields missing altogether', () => {
    const read = readOne({ Direction: 'ingress', IpProtocol: 'GRE', SourceCidrIp: '10.0.0.0/8' });
    expect(read).toMatchObject({
      protocol: 'gre',
      portRange: '-1/-1',
      policy: 'accept',
      priority: 1,
      description: '',
    });
    expect(read.meta).toEqual({});
  });

  it('uses the fallback direction when ECS leaves Direction out', () => {
    const [read] = permissionsToRules(
      [permission({ IpProtocol: 'TCP', PortRange: '80/80', DestCidrIp: '10.0.0.0/8' })],
      { ...VPC, fallbackDirection: 'egress' },
    );
    expect(read?.direction).toBe('egress');
    expect(read?.peer).toEqual({ kind: 'cidr', cidr: '10.0.0.0/8' });
  });

  it('refuses a group with an unreadable rule, naming the rule ID and the field', () => {
    const good = permission({
      Direction: 'ingress',
      IpProtocol: 'TCP',
      PortRange: '22/22',
      SourceCidrIp: '1.1.1.1',
    });
    const bad = permission({
      SecurityGroupRuleId: 'sgr-weird',
      Direction: 'ingress',
      IpProtocol: 'SCTP',
      PortRange: '22/22',
      SourceCidrIp: '1.1.1.1',
    });
    let caught: unknown;
    try {
      permissionsToRules([good, bad], VPC);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EcsError);
    const error = caught as EcsError;
    expect(error.code).toBe('UnsupportedRule');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('sgr-weird');
    expect(error.message).toContain('sg-test000001');
    expect(error.message).toContain('protocol');
    expect(error.message).toContain('SCTP');
  });

  it('refuses a rule with no peer or two peers', () => {
    const none = permission({
      SecurityGroupRuleId: 'sgr-none',
      Direction: 'ingress',
      IpProtocol: 'TCP',
      PortRange: '1/2',
    });
    expect(() => permissionsToRules([none], VPC)).toThrow(/sgr-none.*peer/);
    const two = permission({
      SecurityGroupRuleId: 'sgr-two',
      Direction: 'egress',
      IpProtocol: 'TCP',
      PortRange: '1/2',
      DestCidrIp: '1.1.1.1',
      DestGroupId: 'sg-x000001',
    });
    expect(() => permissionsToRules([two], VPC)).toThrow(/sgr-two.*peer/);
  });
});

describe('Rule → Authorize Permissions.N fields', () => {
  const common = { protocol: 'tcp', portRange: '22/22', priority: 3, description: 'd' };

  it('writes an ingress CIDR rule with Source* peer and DestCidrIp local CIDR', () => {
    expect(
      ruleToPermissionFields(
        rule({
          ...common,
          direction: 'ingress',
          cidr: '10.0.0.0/8',
          localCidr: '192.168.1.0/24',
          policy: 'drop',
        }),
      ),
    ).toEqual({
      IpProtocol: 'TCP',
      PortRange: '22/22',
      Policy: 'drop',
      Priority: '3',
      NicType: 'intranet',
      SourceCidrIp: '10.0.0.0/8',
      DestCidrIp: '192.168.1.0/24',
      Description: 'd',
    });
  });

  it('writes an egress CIDR rule with Dest* peer and SourceCidrIp local CIDR', () => {
    expect(
      ruleToPermissionFields(
        rule({ ...common, direction: 'egress', cidr: '8.8.8.8/32', localCidr: '10.0.0.0/8' }),
      ),
    ).toEqual({
      IpProtocol: 'TCP',
      PortRange: '22/22',
      Policy: 'accept',
      Priority: '3',
      NicType: 'intranet',
      DestCidrIp: '8.8.8.8/32',
      SourceCidrIp: '10.0.0.0/8',
      Description: 'd',
    });
  });

  it('writes IPv6 peers and local CIDRs to the Ipv6* fields', () => {
    expect(
      ruleToPermissionFields(
        rule({
          direction: 'ingress',
          protocol: 'icmpv6',
          ipv6Cidr: '::/0',
          localCidr: '2001:db8::/32',
        }),
      ),
    ).toMatchObject({
      IpProtocol: 'ICMPv6',
      PortRange: '-1/-1',
      Ipv6SourceCidrIp: '::/0',
      Ipv6DestCidrIp: '2001:db8::/32',
    });
    const egress = ruleToPermissionFields(
      rule({ direction: 'egress', protocol: 'all', ipv6Cidr: '2001:db8::/32' }),
    );
    expect(egress).toMatchObject({ IpProtocol: 'ALL', Ipv6DestCidrIp: '2001:db8::/32' });
    expect(egress).not.toHaveProperty('Ipv6SourceCidrIp');
  });

  it('writes group references with the owner account only when there is one', () => {
    expect(
      ruleToPermissionFields(
        rule({ ...common, direction: 'ingress', groupId: 'sg-app0001', groupOwnerAccount: '42' }),
      ),
    ).toMatchObject({
      SourceGroupId: 'sg-app0001',
      SourceGroupOwnerAccount: '42',
      NicType: 'intranet',
    });
    const egress = ruleToPermissionFields(
      rule({ ...common, direction: 'egress', groupId: 'sg-db000001' }),
    );
    expect(egress).toMatchObject({ DestGroupId: 'sg-db000001' });
    expect(egress).not.toHaveProperty('DestGroupOwnerAccount');
  });

  it('writes prefix lists, port-range lists and source port ranges', () => {
    expect(
      ruleToPermissionFields(
        rule({
          ...common,
          direction: 'ingress',
          prefixListId: 'pl-1',
          sourcePortRange: '1000/2000',
          portRangeListId: 'prl-9',
        }),
      ),
    ).toEqual({
      IpProtocol: 'TCP',
      Policy: 'accept',
      Priority: '3',
      NicType: 'intranet',
      SourcePrefixListId: 'pl-1',
      SourcePortRange: '1000/2000',
      PortRangeListId: 'prl-9',
      Description: 'd',
    });
    expect(
      ruleToPermissionFields(rule({ ...common, direction: 'egress', prefixListId: 'pl-2' })),
    ).toMatchObject({
      DestPrefixListId: 'pl-2',
    });
  });

  it('sends a port-range list instead of the port range, in Authorize and in Modify', () => {
    const listed = rule({
      ...common,
      direction: 'ingress',
      cidr: '10.0.0.0/8',
      portRangeListId: 'prl-9',
    });
    for (const fields of [ruleToPermissionFields(listed), ruleToModifyFields(listed)]) {
      expect(fields.PortRangeListId).toBe('prl-9');
      expect(fields).not.toHaveProperty('PortRange');
    }
    const plain = rule({ ...common, direction: 'ingress', cidr: '10.0.0.0/8' });
    for (const fields of [ruleToPermissionFields(plain), ruleToModifyFields(plain)]) {
      expect(fields.PortRange).toBe('22/22');
      expect(fields).not.toHaveProperty('PortRangeListId');
    }
  });

  it('keeps a classic group rule NIC type and leaves out empty optional fields', () => {
    const fields = ruleToPermissionFields(
      rule(
        {
          direction: 'ingress',
          protocol: 'udp',
          portRange: '53',
          cidr: '0.0.0.0/0',
          nicType: 'internet',
        },
        false,
      ),
    );
    expect(fields).toEqual({
      IpProtocol: 'UDP',
      PortRange: '53/53',
      Policy: 'accept',
      Priority: '1',
      NicType: 'internet',
      SourceCidrIp: '0.0.0.0/0',
    });
  });

  it('writes Modify fields: always Priority, Policy and Description, never NicType', () => {
    const fields = ruleToModifyFields(
      rule({ ...common, direction: 'egress', cidr: '10.0.0.0/8', description: '' }),
    );
    expect(fields).toEqual({
      IpProtocol: 'TCP',
      PortRange: '22/22',
      Policy: 'accept',
      Priority: '3',
      Description: '',
      DestCidrIp: '10.0.0.0/8',
    });
  });
});

describe('round trip Rule → Authorize fields → ECS Permission → Rule', () => {
  const examples: Array<[string, Omit<RuleInput, 'meta'>, boolean]> = [
    [
      'ingress cidr',
      {
        direction: 'ingress',
        protocol: 'tcp',
        portRange: '22/22',
        cidr: '10.0.0.0/8',
        priority: 5,
      },
      true,
    ],
    [
      'egress cidr + local',
      {
        direction: 'egress',
        protocol: 'udp',
        portRange: '53/53',
        cidr: '8.8.8.8',
        localCidr: '10.0.0.0/8',
      },
      true,
    ],
    [
      'ingress ipv6',
      { direction: 'ingress', protocol: 'icmpv6', ipv6Cidr: '2001:db8::/32', policy: 'drop' },
      true,
    ],
    [
      'egress ipv6 local',
      { direction: 'egress', protocol: 'all', ipv6Cidr: '::/0', localCidr: '2001:db8::/64' },
      true,
    ],
    [
      'ingress group + owner',
      {
        direction: 'ingress',
        protocol: 'tcp',
        portRange: '1/65535',
        groupId: 'sg-a000001',
        groupOwnerAccount: '99',
      },
      true,
    ],
    [
      'egress group',
      { direction: 'egress', protocol: 'tcp', portRange: '80/80', groupId: 'sg-b000001' },
      true,
    ],
    [
      'ingress prefix list',
      {
        direction: 'ingress',
        protocol: 'tcp',
        portRange: '443/443',
        prefixListId: 'pl-x',
        description: 'web',
      },
      true,
    ],
    ['egress prefix list', { direction: 'egress', protocol: 'gre', prefixListId: 'pl-y' }, true],
    [
      'classic internet',
      {
        direction: 'ingress',
        protocol: 'tcp',
        portRange: '80/80',
        cidr: '0.0.0.0/0',
        nicType: 'internet',
      },
      false,
    ],
    [
      'classic intranet',
      {
        direction: 'egress',
        protocol: 'tcp',
        portRange: '80/80',
        cidr: '10.0.0.0/8',
        nicType: 'intranet',
      },
      false,
    ],
    [
      'source ports',
      {
        direction: 'ingress',
        protocol: 'udp',
        portRange: '500/500',
        sourcePortRange: '500/500',
        cidr: '1.2.3.4',
      },
      true,
    ],
    [
      'port range list',
      { direction: 'ingress', protocol: 'tcp', portRangeListId: 'prl-1', cidr: '1.2.3.4' },
      true,
    ],
    [
      'system rule',
      { direction: 'ingress', protocol: 'all', cidr: '0.0.0.0/0', priority: 110 },
      true,
    ],
  ];

  it.each(examples)('%s', (_name, input, vpc) => {
    const original = rule(input, vpc);
    const wire = echoAsEcs(ruleToPermissionFields(original), original.direction, 'sgr-new');
    const [back] = permissionsToRules([wire], { vpc, groupId: 'sg-rt' });
    expect(back).toEqual({
      ...original,
      meta: { ruleId: 'sgr-new', createTime: '2024-05-01T08:00:00Z' },
    });
  });

  it('holds for generated rules', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const ipv4 = fc
      .tuple(octet, octet, octet, octet, fc.integer({ min: 0, max: 32 }))
      .map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}/${p}`);
    const hex = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    const ipv6 = fc
      .tuple(fc.array(hex, { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 128 }))
      .map(([g, p]) => `${g.join(':')}/${p}`);
    const port = fc.integer({ min: 1, max: 65535 });
    const range = fc.tuple(port, port).map(([a, b]) => `${Math.min(a, b)}/${Math.max(a, b)}`);
    const peer = fc.oneof(
      ipv4.map((cidr) => ({ cidr })),
      ipv6.map((ipv6Cidr) => ({ ipv6Cidr })),
      fc
        .tuple(fc.stringMatching(/^sg-[a-z0-9]{6,12}$/), fc.constantFrom('', '1234567890'))
        .map(([groupId, groupOwnerAccount]) => ({ groupId, groupOwnerAccount })),
      fc.stringMatching(/^pl-[a-z0-9]{4,10}$/).map((prefixListId) => ({ prefixListId })),
    );
    const input = fc.record({
      direction: fc.constantFrom('ingress', 'egress'),
      policy: fc.constantFrom('accept', 'drop'),
      protocol: fc.constantFrom('tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'),
      portRange: range,
      sourcePortRange: fc.option(range, { nil: '' }),
      localCidr: fc.option(fc.oneof(ipv4, ipv6), { nil: '' }),
      nicType: fc.constantFrom('internet', 'intranet'),
      priority: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant(110)),
      description: fc.string({ maxLength: 20 }),
      vpc: fc.boolean(),
      peer,
    });
    fc.assert(
      fc.property(input, ({ vpc, peer: p, ...rest }) => {
        const original = rule({ ...rest, ...p }, vpc);
        const wire = echoAsEcs(ruleToPermissionFields(original), original.direction, 'sgr-gen');
        const [back] = permissionsToRules([wire], { vpc, groupId: 'sg-gen' });
        expect(back).toEqual({
          ...original,
          meta: { ruleId: 'sgr-gen', createTime: '2024-05-01T08:00:00Z' },
        });
      }),
    );
  });
});

describe('regions and group summaries', () => {
  it('maps a region, sold-out status in any case, and falls back to the ID for a missing name', () => {
    expect(
      regionFromWire(
        wireRegionSchema.parse({
          RegionId: 'cn-hangzhou',
          LocalName: '华东1（杭州）',
          RegionEndpoint: 'ecs.cn-hangzhou.aliyuncs.com',
          Status: 'available',
        }),
      ),
    ).toEqual({
      regionId: 'cn-hangzhou',
      localName: '华东1（杭州）',
      endpoint: 'ecs.cn-hangzhou.aliyuncs.com',
      status: 'available',
    });
    expect(regionFromWire(wireRegionSchema.parse({ RegionId: 'x-1', Status: 'SOLDOUT' }))).toEqual({
      regionId: 'x-1',
      localName: 'x-1',
      endpoint: '',
      status: 'soldOut',
    });
  });

  it('maps a VPC group and a classic advanced group', () => {
    const vpc = wireSecurityGroupSchema.parse({
      SecurityGroupId: 'sg-web0001',
      SecurityGroupName: 'web',
      Description: 'live web',
      SecurityGroupType: 'normal',
      VpcId: 'vpc-1',
      CreationTime: '2024-01-01T00:00:00Z',
      RuleCount: 12,
      ServiceManaged: false,
      Tags: { Tag: [{ TagKey: 'env', TagValue: 'prod' }] },
    });
    expect(groupSummaryFromWire(vpc, 'cn-hangzhou')).toEqual({
      id: 'sg-web0001',
      name: 'web',
      regionId: 'cn-hangzhou',
      vpcId: 'vpc-1',
      type: 'normal',
      description: 'live web',
      creationTime: '2024-01-01T00:00:00Z',
      ruleCount: 12,
      serviceManaged: false,
    });
    const classic = wireSecurityGroupSchema.parse({
      SecurityGroupId: 'sg-old0001',
      SecurityGroupType: 'Enterprise',
      RuleCount: '3',
      ServiceManaged: 'true',
    });
    expect(groupSummaryFromWire(classic, 'cn-beijing')).toMatchObject({
      vpcId: '',
      type: 'enterprise',
      ruleCount: 3,
      serviceManaged: true,
      name: '',
    });
  });
});
