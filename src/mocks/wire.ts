import type { EmulatorState } from './state';
import type { StoredGroup, StoredRule, WirePermission } from './types';

/** One rule as DescribeSecurityGroupAttribute returns it; names are looked up live, as ECS does. */
export function toWirePermission(
  state: EmulatorState,
  group: StoredGroup,
  rule: StoredRule,
): WirePermission {
  const peerGroupName = rule.groupId
    ? (state.findGroup(group.regionId, rule.groupId)?.name ?? '')
    : '';
  const prefixListName = rule.prefixListId
    ? (state.prefixList(group.regionId, rule.prefixListId)?.name ?? '')
    : '';
  const ingress = rule.direction === 'ingress';
  const remote = (value: string) => (ingress ? value : '');
  const local = (value: string) => (ingress ? '' : value);
  return {
    SecurityGroupRuleId: rule.id,
    Direction: rule.direction,
    IpProtocol: rule.ipProtocol,
    PortRange: rule.portRange,
    SourcePortRange: rule.sourcePortRange,
    SourceCidrIp: ingress ? rule.cidr : rule.localCidr,
    Ipv6SourceCidrIp: ingress ? rule.ipv6Cidr : rule.ipv6LocalCidr,
    SourceGroupId: remote(rule.groupId),
    SourceGroupName: remote(peerGroupName),
    SourceGroupOwnerAccount: remote(rule.groupOwnerAccount),
    SourcePrefixListId: remote(rule.prefixListId),
    SourcePrefixListName: remote(prefixListName),
    DestCidrIp: ingress ? rule.localCidr : rule.cidr,
    Ipv6DestCidrIp: ingress ? rule.ipv6LocalCidr : rule.ipv6Cidr,
    DestGroupId: local(rule.groupId),
    DestGroupName: local(peerGroupName),
    DestGroupOwnerAccount: local(rule.groupOwnerAccount),
    DestPrefixListId: local(rule.prefixListId),
    DestPrefixListName: local(prefixListName),
    PortRangeListId: rule.portRangeListId,
    PortRangeListName: rule.portRangeListId
      ? (state.portRangeList(group.regionId, rule.portRangeListId)?.name ?? '')
      : '',
    Policy: rule.policy,
    Priority: rule.priority,
    NicType: rule.nicType,
    Description: rule.description,
    CreateTime: rule.createTime,
  };
}

/** One entry of DescribeSecurityGroups' `SecurityGroups.SecurityGroup[]`. */
export function toWireGroup(group: StoredGroup) {
  return {
    SecurityGroupId: group.id,
    SecurityGroupName: group.name,
    Description: group.description,
    SecurityGroupType: group.type,
    VpcId: group.vpcId,
    CreationTime: group.creationTime,
    RuleCount: group.rules.length,
    GroupToGroupRuleCount: group.rules.filter((r) => r.groupId !== '').length,
    ServiceManaged: group.serviceManaged,
    ...(group.serviceManaged ? { ServiceID: 12345678 } : {}),
    ResourceGroupId: group.resourceGroupId,
    Tags: { Tag: group.tags.map((t) => ({ TagKey: t.key, TagValue: t.value })) },
  };
}

/** ECS returns times as UTC ISO-8601 without milliseconds. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
