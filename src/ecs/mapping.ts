/**
 * Wire ⇄ domain mapping. Reading: a Permission (in its group's direction) becomes a `RuleInput`
 * and then a normalized `Rule`. Writing: a `Rule` becomes the PascalCase fields of one
 * `Permissions.N` entry (Authorize) or of a Modify request. Ingress rules keep their peer in the
 * Source* fields and the local CIDR in DestCidrIp; egress rules mirror that.
 */
import { normalizeRule, RuleParseError } from '../domain/normalize';
import type { Direction, GroupType, Rule, RuleInput, RuleMeta } from '../domain/types';
import {
  type CreateSecurityGroupInput,
  EcsError,
  type GroupReferences,
  type InstanceSummary,
  type NetworkInterfaceSummary,
  type PrefixListInfo,
  type Region,
  type SecurityGroupSummary,
} from './ecs-port';
import type {
  WireInstance,
  WireNetworkInterface,
  WirePermission,
  WirePrefixListAttributes,
  WireRegion,
  WireSecurityGroup,
  WireSecurityGroupReference,
} from './wire';

/** PascalCase request fields, exactly as they travel in the query string (values are strings). */
export type WireFields = Record<string, string>;

/** ECS spells protocols upper-case except ICMPv6. */
const WIRE_PROTOCOL: Record<Rule['protocol'], string> = {
  tcp: 'TCP',
  udp: 'UDP',
  icmp: 'ICMP',
  icmpv6: 'ICMPv6',
  gre: 'GRE',
  all: 'ALL',
};

const isIpv6 = (cidr: string): boolean => cidr.includes(':');

/** A protocol outside the domain's set is passed as written, so ECS names the problem. */
const wireProtocol = (protocol: string): string =>
  WIRE_PROTOCOL[protocol as Rule['protocol']] ?? protocol.toUpperCase();

function directionOf(permission: WirePermission, fallback: Direction | undefined): string {
  return permission.Direction !== '' ? permission.Direction : (fallback ?? '');
}

/**
 * The loosely typed rule a Permission describes. `fallbackDirection` is used when ECS omits the
 * Direction field (it does when a single direction was asked for).
 */
export function permissionToRuleInput(
  permission: WirePermission,
  fallbackDirection?: Direction,
): RuleInput {
  const direction = directionOf(permission, fallbackDirection);
  const egress = direction.toLowerCase() === 'egress';
  const p = permission;
  const peer = egress
    ? {
        cidr: p.DestCidrIp,
        ipv6Cidr: p.Ipv6DestCidrIp,
        groupId: p.DestGroupId,
        groupOwnerAccount: p.DestGroupOwnerAccount,
        prefixListId: p.DestPrefixListId,
        peerName: p.DestGroupName || p.DestPrefixListName,
        localCidr: p.SourceCidrIp || p.Ipv6SourceCidrIp,
      }
    : {
        cidr: p.SourceCidrIp,
        ipv6Cidr: p.Ipv6SourceCidrIp,
        groupId: p.SourceGroupId,
        groupOwnerAccount: p.SourceGroupOwnerAccount,
        prefixListId: p.SourcePrefixListId,
        peerName: p.SourceGroupName || p.SourcePrefixListName,
        localCidr: p.DestCidrIp || p.Ipv6DestCidrIp,
      };
  const meta: RuleMeta = {};
  if (p.SecurityGroupRuleId !== '') meta.ruleId = p.SecurityGroupRuleId;
  if (peer.peerName !== '') meta.peerName = peer.peerName;
  if (p.CreateTime !== '') meta.createTime = p.CreateTime;
  if (p.PortRangeListName !== '') meta.portRangeListName = p.PortRangeListName;
  return {
    direction,
    policy: p.Policy,
    protocol: p.IpProtocol,
    portRange: p.PortRange,
    sourcePortRange: p.SourcePortRange,
    cidr: peer.cidr,
    ipv6Cidr: peer.ipv6Cidr,
    groupId: peer.groupId,
    groupOwnerAccount: peer.groupOwnerAccount,
    prefixListId: peer.prefixListId,
    localCidr: peer.localCidr,
    portRangeListId: p.PortRangeListId,
    nicType: p.NicType,
    ...(p.Priority !== '' ? { priority: p.Priority } : {}),
    description: p.Description,
    meta,
  };
}

/**
 * Every Permission of a group as normalized rules. A rule we cannot read is not dropped: a restore
 * computed without it could delete it, so the whole read fails with `UnsupportedRule` naming the
 * rule ID and the field.
 */
export function permissionsToRules(
  permissions: readonly WirePermission[],
  ctx: { vpc: boolean; groupId: string; fallbackDirection?: Direction },
): Rule[] {
  return permissions.map((permission) => {
    try {
      return normalizeRule(permissionToRuleInput(permission, ctx.fallbackDirection), {
        vpc: ctx.vpc,
      });
    } catch (error) {
      if (!(error instanceof RuleParseError)) throw error;
      const ruleId = permission.SecurityGroupRuleId || '(no rule ID)';
      throw new EcsError({
        code: 'UnsupportedRule',
        message:
          `Rule ${ruleId} of ${ctx.groupId} cannot be read: ${error.message}. ` +
          'A restore computed without it could delete it, so this group cannot be used until the rule is fixed in ECS.',
        httpStatus: 0,
        retryable: false,
      });
    }
  });
}

function setIfPresent(fields: WireFields, name: string, value: string): void {
  if (value !== '') fields[name] = value;
}

/** Peer and local-CIDR fields of a rule in its direction's spelling (Source* or Dest*). */
function addressFields(rule: Rule): WireFields {
  const fields: WireFields = {};
  const side = rule.direction === 'ingress' ? 'Source' : 'Dest';
  const localSide = rule.direction === 'ingress' ? 'Dest' : 'Source';
  const peer = rule.peer;
  switch (peer.kind) {
    case 'cidr':
      fields[`${side}CidrIp`] = peer.cidr;
      break;
    case 'ipv6':
      fields[`Ipv6${side}CidrIp`] = peer.cidr;
      break;
    case 'group':
      fields[`${side}GroupId`] = peer.groupId;
      setIfPresent(fields, `${side}GroupOwnerAccount`, peer.ownerAccount);
      break;
    case 'prefixList':
      fields[`${side}PrefixListId`] = peer.prefixListId;
      break;
  }
  if (rule.localCidr !== '') {
    fields[isIpv6(rule.localCidr) ? `Ipv6${localSide}CidrIp` : `${localSide}CidrIp`] =
      rule.localCidr;
  }
  return fields;
}

/**
 * The ports of a rule: its port-range list when it has one, else its port range, never both
 * (given both, ECS ignores the list and sees the list rule's -1/-1 range, which it refuses for
 * TCP and UDP).
 */
function portFields(rule: Rule): WireFields {
  return rule.portRangeListId !== ''
    ? { PortRangeListId: rule.portRangeListId }
    : { PortRange: rule.portRange };
}

/** What Authorize and Modify both send to state a rule: its match, action and priority. */
function ruleFields(rule: Rule): WireFields {
  const fields: WireFields = {
    IpProtocol: wireProtocol(rule.protocol),
    ...portFields(rule),
    Policy: rule.policy,
    Priority: String(rule.priority),
    ...addressFields(rule),
  };
  setIfPresent(fields, 'SourcePortRange', rule.sourcePortRange);
  return fields;
}

/** The fields of one `Permissions.N` entry of AuthorizeSecurityGroup(Egress) for this rule. */
export function ruleToPermissionFields(rule: Rule): WireFields {
  const fields: WireFields = { ...ruleFields(rule), NicType: rule.nicType };
  setIfPresent(fields, 'Description', rule.description);
  return fields;
}

/**
 * The fields of ModifySecurityGroupRule / ModifySecurityGroupEgressRule that set `desired` on an
 * existing rule. NicType is left out (Modify cannot change it). Description is always sent, so an
 * intended change is never silently skipped. ECS refuses to empty a description (ECS-API.md): the
 * diff never plans that (`description-not-clearable`); should it happen anyway, the refusal
 * reaches the journal with its code.
 */
export function ruleToModifyFields(desired: Rule): WireFields {
  return { ...ruleFields(desired), Description: desired.description };
}

export function regionFromWire(region: WireRegion): Region {
  return {
    regionId: region.RegionId,
    localName: region.LocalName || region.RegionId,
    endpoint: region.RegionEndpoint,
    // Only an explicit sold-out status marks a region unusable.
    status: region.Status.toLowerCase() === 'soldout' ? 'soldOut' : 'available',
  };
}

export function groupTypeFromWire(value: string): GroupType {
  return value.toLowerCase() === 'enterprise' ? 'enterprise' : 'normal';
}

export function groupSummaryFromWire(
  group: WireSecurityGroup,
  regionId: string,
): SecurityGroupSummary {
  return {
    id: group.SecurityGroupId,
    name: group.SecurityGroupName,
    regionId,
    vpcId: group.VpcId,
    type: groupTypeFromWire(group.SecurityGroupType),
    description: group.Description,
    creationTime: group.CreationTime,
    ruleCount: group.RuleCount,
    serviceManaged: group.ServiceManaged,
  };
}

export function instanceFromWire(instance: WireInstance): InstanceSummary {
  return {
    id: instance.InstanceId,
    name: instance.InstanceName,
    status: instance.Status,
    vpcId: instance.VpcAttributes,
    securityGroupIds: [...instance.SecurityGroupIds],
    networkInterfaces: instance.NetworkInterfaces.map((eni) => ({
      id: eni.NetworkInterfaceId,
      type: eni.Type,
    })),
  };
}

export function networkInterfaceFromWire(eni: WireNetworkInterface): NetworkInterfaceSummary {
  return {
    id: eni.NetworkInterfaceId,
    type: eni.Type,
    instanceId: eni.InstanceId,
    status: eni.Status,
    securityGroupIds: [...eni.SecurityGroupIds],
  };
}

export function groupReferencesFromWire(reference: WireSecurityGroupReference): GroupReferences {
  return {
    groupId: reference.SecurityGroupId,
    referencingGroups: reference.ReferencingSecurityGroups.map((group) => ({
      groupId: group.SecurityGroupId,
      aliUid: group.AliUid,
    })),
  };
}

export function prefixListFromWire(list: WirePrefixListAttributes): PrefixListInfo {
  return {
    id: list.PrefixListId,
    name: list.PrefixListName,
    maxEntries: list.MaxEntries,
    entryCount: list.Entries.length,
    cidrs: list.Entries.map((entry) => entry.Cidr),
  };
}

/** The PascalCase fields of a CreateSecurityGroup request (without RegionId and ClientToken). */
export function createGroupFields(input: CreateSecurityGroupInput): WireFields {
  const fields: WireFields = { SecurityGroupName: input.name };
  setIfPresent(fields, 'Description', input.description ?? '');
  setIfPresent(fields, 'VpcId', input.vpcId ?? '');
  setIfPresent(fields, 'SecurityGroupType', input.type ?? '');
  setIfPresent(fields, 'ResourceGroupId', input.resourceGroupId ?? '');
  return fields;
}
