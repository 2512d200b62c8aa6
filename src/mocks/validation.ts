/**
 * Validation of one permission (the fields of `Permissions.N.*`, or the legacy flat parameters)
 * with the ECS error codes, producing a rule draft. Shared by Authorize, Revoke and Modify.
 */
import { canonicalIpv4Cidr, canonicalIpv6Cidr } from './cidr';
import { EcsApiError, fail } from './errors';
import type { EmulatorState } from './state';
import type { PeerKind, StoredGroup, StoredRule, WireDirection } from './types';

export type RuleDraft = Omit<StoredRule, 'id' | 'createTime'>;

/** Parameter names of the remote and local ends, per direction. */
export const FIELDS = {
  ingress: {
    cidr: 'SourceCidrIp',
    ipv6: 'Ipv6SourceCidrIp',
    group: 'SourceGroupId',
    owner: 'SourceGroupOwnerAccount',
    ownerId: 'SourceGroupOwnerId',
    prefixList: 'SourcePrefixListId',
    localCidr: 'DestCidrIp',
    ipv6Local: 'Ipv6DestCidrIp',
    groupCode: 'InvalidSourceGroupId',
    cidrCode: 'InvalidSourceCidrIp',
    localCode: 'InvalidDestCidrIp',
  },
  egress: {
    cidr: 'DestCidrIp',
    ipv6: 'Ipv6DestCidrIp',
    group: 'DestGroupId',
    owner: 'DestGroupOwnerAccount',
    ownerId: 'DestGroupOwnerId',
    prefixList: 'DestPrefixListId',
    localCidr: 'SourceCidrIp',
    ipv6Local: 'Ipv6SourceCidrIp',
    groupCode: 'InvalidDestGroupId',
    cidrCode: 'InvalidDestCidrIp',
    localCode: 'InvalidSourceCidrIp',
  },
} as const;

/** Every parameter name a permission may carry (used to spot legacy flat parameters). */
export const PERMISSION_KEYS = [
  'IpProtocol',
  'PortRange',
  'SourcePortRange',
  'Policy',
  'Priority',
  'NicType',
  'Description',
  'PortRangeListId',
  'SourceCidrIp',
  'Ipv6SourceCidrIp',
  'SourceGroupId',
  'SourceGroupOwnerAccount',
  'SourceGroupOwnerId',
  'SourcePrefixListId',
  'DestCidrIp',
  'Ipv6DestCidrIp',
  'DestGroupId',
  'DestGroupOwnerAccount',
  'DestGroupOwnerId',
  'DestPrefixListId',
] as const;

const PROTOCOLS: Record<string, string> = {
  tcp: 'TCP',
  udp: 'UDP',
  icmp: 'ICMP',
  icmpv6: 'ICMPv6',
  gre: 'GRE',
  all: 'ALL',
};
const PORTLESS = new Set(['ALL', 'ICMP', 'ICMPv6', 'GRE']);

export interface PermissionContext {
  state: EmulatorState;
  group: StoredGroup;
  direction: WireDirection;
  accountId: string;
  /** Revoke by tuple only checks the format: a rule pointing at a deleted group must stay removable. */
  mode: 'authorize' | 'revoke';
  /** Modify of a rule whose peer does not change: the peer was accepted when the rule was made. */
  peerUnchanged?: boolean;
}

const value = (raw: Record<string, string>, key: string): string => (raw[key] ?? '').trim();

export function canonicalProtocol(text: string): string {
  const protocol = PROTOCOLS[text.toLowerCase()];
  if (!protocol)
    throw fail.invalid(
      'InvalidIpProtocol.ValueNotSupported',
      `The specified IpProtocol "${text}" is not supported.`,
    );
  return protocol;
}

const PORT_RANGE = /^(-?\d+)\/(-?\d+)$/;

/** PortRange for the protocol: "from/to" in 1..65535 for TCP/UDP, "-1/-1" for the others. */
export function checkPortRange(
  protocol: string,
  text: string,
  code = 'InvalidPortRange.Malformed',
): string {
  if (PORTLESS.has(protocol)) {
    if (text !== '' && text !== '-1/-1')
      throw fail.invalid(code, `The PortRange of ${protocol} must be -1/-1.`);
    return '-1/-1';
  }
  const match = PORT_RANGE.exec(text);
  const from = Number(match?.[1]);
  const to = Number(match?.[2]);
  if (!match || from < 1 || to > 65535 || from > to) {
    throw fail.invalid(
      code,
      `The specified PortRange "${text}" is not valid: use "from/to" with 1 <= from <= to <= 65535.`,
    );
  }
  return text;
}

export function canonicalPolicy(text: string): 'Accept' | 'Drop' {
  const policy = text.toLowerCase();
  if (policy === '' || policy === 'accept') return 'Accept';
  if (policy === 'drop') return 'Drop';
  throw fail.invalid(
    'InvalidPolicy.Malformed',
    `The specified Policy "${text}" is not valid: use accept or drop.`,
  );
}

export function checkPriority(text: string): string {
  if (text === '') return '1';
  if (!/^-?\d+$/.test(text))
    throw fail.invalid(
      'InvalidPriority.Malformed',
      `The specified Priority "${text}" is not a number.`,
    );
  const n = Number(text);
  if (n < 1 || n > 100) {
    // 110 is the system level: it shows up in Describe but cannot be created.
    throw fail.invalid(
      'InvalidPriority.ValueNotSupported',
      `The specified Priority "${text}" is not supported: use 1 to 100.`,
    );
  }
  return String(n);
}

export function checkDescription(text: string): string {
  if (text.length > 512)
    throw fail.invalid(
      'InvalidDescription.Malformed',
      'The Description must be at most 512 characters.',
    );
  return text;
}

function checkNicType(text: string): string {
  const nic = text.toLowerCase();
  if (nic !== '' && nic !== 'internet' && nic !== 'intranet') {
    throw fail.invalid(
      'InvalidNicType.ValueNotSupported',
      `The specified NicType "${text}" is not supported: use internet or intranet.`,
    );
  }
  return nic;
}

/** Checks a group reference against the rules ECS enforces (existence, self, network type, VPC, advanced group). */
export function checkGroupReference(
  ctx: PermissionContext,
  peerId: string,
  ownerAccount: string,
): void {
  const f = FIELDS[ctx.direction];
  if (ctx.group.type === 'enterprise') {
    throw fail.forbidden(
      'InvalidGroupAuthParameter.OperationDenied',
      'Advanced security groups do not support rules that reference security groups.',
    );
  }
  // Another account's groups are invisible here; ECS would check them, the emulator trusts them.
  if (ownerAccount !== '' && ownerAccount !== ctx.accountId) return;
  const peer = ctx.state.findGroup(ctx.group.regionId, peerId);
  if (!peer)
    throw fail.notFound(
      `${f.groupCode}.NotFound`,
      `The specified ${f.group} "${peerId}" does not exist.`,
    );
  if (peer.id === ctx.group.id) {
    throw fail.invalid(
      'InvalidParamter.Conflict',
      'A security group cannot reference itself in its own rules.',
    );
  }
  if ((peer.vpcId === '') !== (ctx.group.vpcId === '')) {
    throw fail.forbidden(
      'InvalidNetworkType.Conflict',
      'The referenced security group is in a different network type.',
    );
  }
  if (peer.vpcId !== ctx.group.vpcId) {
    throw fail.invalid(
      `${f.groupCode}.Mismatch`,
      `The referenced security group "${peerId}" is in a different VPC.`,
    );
  }
}

/** A port range list must exist, and the classic network has none (SDK remark on PortRangeListId). */
function checkPortRangeList(ctx: PermissionContext, listId: string): void {
  if (ctx.group.vpcId === '') {
    // Made up: ECS-API.md names no code for a port range list on a classic group.
    throw fail.forbidden(
      'InvalidPortRangeListId.ClassicNetworkNotSupported',
      'Port range lists are not supported in security groups of the classic network.',
    );
  }
  if (!ctx.state.portRangeList(ctx.group.regionId, listId)) {
    throw fail.notFound(
      'InvalidPortRangeListId.NotFound',
      `The specified port range list "${listId}" does not exist.`,
    );
  }
}

function peerOf(
  raw: Record<string, string>,
  ctx: PermissionContext,
): { kind: PeerKind; value: string; owner: string } {
  const f = FIELDS[ctx.direction];
  const given = (
    [
      ['cidr', f.cidr],
      ['ipv6', f.ipv6],
      ['group', f.group],
      ['prefixList', f.prefixList],
    ] as const
  )
    .map(([kind, key]) => ({ kind, key, value: value(raw, key) }))
    .filter((p) => p.value !== '');
  const first = given[0];
  if (!first) throw fail.missing(`${f.cidr}, ${f.ipv6}, ${f.group} or ${f.prefixList}`);
  if (given.length > 1) {
    throw fail.invalid(
      'InvalidParameter.Conflict',
      `Only one of ${given.map((p) => p.key).join(', ')} may be specified in one permission.`,
    );
  }
  const owner = value(raw, f.owner);
  if (first.kind === 'cidr' && !canonicalIpv4Cidr(first.value)) {
    throw fail.invalid(
      `${f.cidrCode}.Malformed`,
      `The specified ${f.cidr} "${first.value}" is not a valid IPv4 CIDR block.`,
    );
  }
  if (first.kind === 'ipv6') {
    if (!canonicalIpv6Cidr(first.value)) {
      throw fail.invalid(
        `Invalid${f.ipv6}.Malformed`,
        `The specified ${f.ipv6} "${first.value}" is not a valid IPv6 CIDR block.`,
      );
    }
    if (ctx.group.vpcId === '' && ctx.mode === 'authorize') {
      throw fail.forbidden(
        'InvalidNetworkType.Conflict',
        'IPv6 rules are supported only in VPC security groups.',
      );
    }
  }
  if (ctx.mode === 'authorize' && !ctx.peerUnchanged) {
    if (first.kind === 'prefixList' && !ctx.state.prefixList(ctx.group.regionId, first.value)) {
      throw fail.notFound(
        'InvalidPrefixListId.NotFound',
        `The specified prefix list "${first.value}" does not exist.`,
      );
    }
    if (first.kind === 'group') checkGroupReference(ctx, first.value, owner);
  }
  return { kind: first.kind, value: first.value, owner: first.kind === 'group' ? owner : '' };
}

/** Validates one permission and returns the rule it describes (values as sent, case normalized). */
export function parsePermission(raw: Record<string, string>, ctx: PermissionContext): RuleDraft {
  const f = FIELDS[ctx.direction];
  const protocolText = value(raw, 'IpProtocol');
  if (protocolText === '') throw fail.missing('IpProtocol');
  const ipProtocol = canonicalProtocol(protocolText);
  const listText = value(raw, 'PortRangeListId');
  const portText = value(raw, 'PortRange');
  // The SDK's remark: when PortRange is given, PortRangeListId is ignored. So a TCP/UDP rule sent
  // with both and PortRange -1/-1 is a rule with ports -1/-1, which ECS refuses.
  const portRangeListId = portText === '' ? listText : '';
  const portRange = portRangeListId !== '' ? '-1/-1' : checkPortRange(ipProtocol, portText);
  const sourcePortText = value(raw, 'SourcePortRange');
  const sourcePortRange =
    sourcePortText === ''
      ? ''
      : checkPortRange(ipProtocol, sourcePortText, 'InvalidSourcePortRange.Malformed');
  const policy = canonicalPolicy(value(raw, 'Policy'));
  const priority = checkPriority(value(raw, 'Priority'));
  const description = checkDescription(raw.Description ?? '');
  const peer = peerOf(raw, ctx);
  if (ctx.mode === 'authorize' && policy === 'Drop' && ctx.group.type === 'enterprise') {
    // ECS-API.md pairs the two advanced-group refusals with two codes: group references answer
    // InvalidGroupAuthParameter (an "authorization object"), Drop rules InvalidGroupParameter.
    throw fail.forbidden(
      'InvalidGroupParameter.OperationDenied',
      'Advanced security groups support only Accept rules.',
    );
  }
  if (ctx.mode === 'authorize' && portRangeListId !== '') checkPortRangeList(ctx, portRangeListId);
  const localCidr = value(raw, f.localCidr);
  if (localCidr !== '' && !canonicalIpv4Cidr(localCidr)) {
    throw fail.invalid(
      `${f.localCode}.Malformed`,
      `The specified ${f.localCidr} "${localCidr}" is not a valid IPv4 CIDR block.`,
    );
  }
  const ipv6LocalCidr = value(raw, f.ipv6Local);
  if (ipv6LocalCidr !== '' && !canonicalIpv6Cidr(ipv6LocalCidr)) {
    throw fail.invalid(
      `Invalid${f.ipv6Local}.Malformed`,
      `The specified ${f.ipv6Local} "${ipv6LocalCidr}" is not a valid IPv6 CIDR block.`,
    );
  }
  return {
    direction: ctx.direction,
    ipProtocol,
    portRange,
    sourcePortRange,
    policy,
    priority,
    nicType: nicTypeFor(ctx.group, peer.kind, checkNicType(value(raw, 'NicType'))),
    cidr: peer.kind === 'cidr' ? peer.value : '',
    ipv6Cidr: peer.kind === 'ipv6' ? peer.value : '',
    groupId: peer.kind === 'group' ? peer.value : '',
    groupOwnerAccount: peer.owner,
    prefixListId: peer.kind === 'prefixList' ? peer.value : '',
    localCidr,
    ipv6LocalCidr,
    portRangeListId,
    description,
  };
}

/**
 * VPC groups only have intranet NICs, so ECS stores intranet whatever was sent. In the classic
 * network the default is internet, but group references only work on the intranet NIC.
 */
function nicTypeFor(group: StoredGroup, peerKind: PeerKind, requested: string): string {
  if (group.vpcId !== '') return 'intranet';
  if (peerKind === 'group') {
    if (requested === 'internet') {
      throw new EcsApiError(
        400,
        'InvalidNicType.Conflict',
        'Rules that reference a security group need NicType intranet.',
      );
    }
    return 'intranet';
  }
  return requested === '' ? 'internet' : requested;
}
