/**
 * The emulator's own model of ECS state. Deliberately independent of src/domain: the emulator
 * reimplements ECS behaviour from ECS-API.md so a bug in our rule logic cannot hide behind the
 * same bug in the fake.
 */

export type WireDirection = 'ingress' | 'egress';
export type PeerKind = 'cidr' | 'ipv6' | 'group' | 'prefixList';

/** A rule as ECS stores it. Values are kept as they were sent (ECS echoes what it was given). */
export interface StoredRule {
  id: string;
  direction: WireDirection;
  /** Upper-case as ECS returns it: ALL TCP UDP ICMP ICMPv6 GRE. */
  ipProtocol: string;
  portRange: string;
  sourcePortRange: string;
  policy: 'Accept' | 'Drop';
  /** A string, as the SDK types it; seeds may hold 110 (system rules). */
  priority: string;
  nicType: string;
  /** The remote end: IPv4 CIDR (SourceCidrIp on ingress, DestCidrIp on egress). */
  cidr: string;
  ipv6Cidr: string;
  groupId: string;
  groupOwnerAccount: string;
  prefixListId: string;
  /** The local end: DestCidrIp on ingress, SourceCidrIp on egress. */
  localCidr: string;
  ipv6LocalCidr: string;
  portRangeListId: string;
  description: string;
  createTime: string;
}

export interface StoredGroup {
  id: string;
  regionId: string;
  name: string;
  description: string;
  /** '' for the classic network. */
  vpcId: string;
  type: 'normal' | 'enterprise';
  creationTime: string;
  serviceManaged: boolean;
  resourceGroupId: string;
  innerAccessPolicy: 'Accept' | 'Drop';
  tags: Array<{ key: string; value: string }>;
  /** Insertion order is the order DescribeSecurityGroupAttribute returns. */
  rules: StoredRule[];
}

export interface RegionInfo {
  regionId: string;
  localNameZh: string;
  localNameEn: string;
  endpoint: string;
  status: 'available' | 'soldOut';
  /** Two letters ECS puts after `sg-` / `vpc-` in this region (bp = Hangzhou, uf = Shanghai...). */
  idPrefix: string;
}

export interface PrefixList {
  id: string;
  regionId: string;
  name: string;
  addressFamily: 'IPv4' | 'IPv6';
  /** The most entries the list may hold: a rule referencing it counts this much toward the per-ENI quota. */
  maxEntries: number;
  description: string;
  creationTime: string;
  entries: Array<{ cidr: string; description: string }>;
}

export interface VpcInfo {
  id: string;
  regionId: string;
}

/** An elastic network interface: every instance has a primary one; secondary ones may be unattached. */
export interface StoredNetworkInterface {
  id: string;
  regionId: string;
  name: string;
  type: 'Primary' | 'Secondary';
  /** '' for a secondary ENI that is not attached to an instance. */
  instanceId: string;
  status: 'InUse' | 'Available';
  /**
   * '' in the classic network. Classic instances have no ENIs in ECS: the emulator keeps their
   * groups on a primary ENI record that no action shows, so one quota check covers both networks.
   */
  vpcId: string;
  vSwitchId: string;
  zoneId: string;
  macAddress: string;
  privateIpAddress: string;
  creationTime: string;
  /** The groups of this ENI, in the order they were attached. */
  securityGroupIds: string[];
}

export interface StoredInstance {
  id: string;
  regionId: string;
  name: string;
  status: 'Running' | 'Stopped';
  zoneId: string;
  instanceType: string;
  creationTime: string;
  /** The instance's own groups are its primary ENI's groups. */
  primaryNetworkInterfaceId: string;
}

export interface PortRangeList {
  id: string;
  regionId: string;
  name: string;
}

/** Exactly what DescribeSecurityGroupAttribute returns per rule: every field present, '' when unused. */
export interface WirePermission {
  SecurityGroupRuleId: string;
  Direction: WireDirection;
  IpProtocol: string;
  PortRange: string;
  SourcePortRange: string;
  SourceCidrIp: string;
  Ipv6SourceCidrIp: string;
  SourceGroupId: string;
  SourceGroupName: string;
  SourceGroupOwnerAccount: string;
  SourcePrefixListId: string;
  SourcePrefixListName: string;
  DestCidrIp: string;
  Ipv6DestCidrIp: string;
  DestGroupId: string;
  DestGroupName: string;
  DestGroupOwnerAccount: string;
  DestPrefixListId: string;
  DestPrefixListName: string;
  PortRangeListId: string;
  PortRangeListName: string;
  Policy: 'Accept' | 'Drop';
  Priority: string;
  NicType: string;
  Description: string;
  CreateTime: string;
}

export type Params = Record<string, string>;
