/**
 * A small model of how ECS decides a packet against a group's rules: the highest-priority
 * matching rule wins, Drop wins ties, and a group's default applies when nothing matches.
 * Used to prove the plan's make-before-break order, not to replace ECS.
 */
import { addressFamily, cidrContains, parseAddress, parseCidr, type ParsedCidr } from './ip';
import type { Direction, GroupType, NicType, Rule } from './types';

export type PacketProtocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'gre';

export interface Packet {
  direction: Direction;
  protocol: PacketProtocol;
  /** Destination port on ingress, remote port on egress; ignored by port-less rules. */
  port: number;
  /** The other end: its address, its security groups and the prefix lists containing it. */
  peer: { ip?: string; groupId?: string; prefixListIds?: string[] };
  nicType: NicType;
  sourcePort?: number;
  /** The address on the group's side (matched against the rule's local CIDR). */
  localIp?: string;
  /** Port-range lists that contain `port` (rules with a port-range list match only these). */
  portRangeListIds?: string[];
}

export type Verdict = 'allow' | 'deny';

const cidrCache = new Map<string, ParsedCidr | null>();

function cachedCidr(text: string, family: 4 | 6): ParsedCidr | null {
  const key = `${family}${text}`;
  let parsed = cidrCache.get(key);
  if (parsed === undefined) {
    parsed = parseCidr(text, family);
    cidrCache.set(key, parsed);
  }
  return parsed;
}

function addressIn(cidrText: string, ip: string | undefined): boolean {
  if (ip === undefined || ip === '') return false;
  const family = addressFamily(ip);
  if (addressFamily(cidrText) !== family) return false;
  const cidr = cachedCidr(cidrText, family);
  const address = parseAddress(ip, family);
  return cidr !== null && address !== null && cidrContains(cidr, address);
}

function inRange(range: string, value: number | undefined): boolean {
  if (range === '' || range === '-1/-1') return true;
  if (value === undefined) return false;
  const [from = 0, to = 0] = range.split('/').map(Number);
  return value >= from && value <= to;
}

function peerMatches(rule: Rule, packet: Packet): boolean {
  const { peer } = rule;
  switch (peer.kind) {
    case 'cidr':
    case 'ipv6':
      return addressIn(peer.cidr, packet.peer.ip);
    case 'group':
      return packet.peer.groupId === peer.groupId;
    case 'prefixList':
      return packet.peer.prefixListIds?.includes(peer.prefixListId) ?? false;
  }
}

/** True when `rule` applies to `packet`. */
export function ruleMatches(rule: Rule, packet: Packet): boolean {
  if (rule.direction !== packet.direction || rule.nicType !== packet.nicType) return false;
  if (rule.protocol !== 'all' && rule.protocol !== packet.protocol) return false;
  const hasPorts = packet.protocol === 'tcp' || packet.protocol === 'udp';
  if (hasPorts) {
    if (rule.portRangeListId !== '') {
      if (!(packet.portRangeListIds?.includes(rule.portRangeListId) ?? false)) return false;
    } else if (!inRange(rule.portRange, packet.port)) {
      return false;
    }
    if (!inRange(rule.sourcePortRange, packet.sourcePort)) return false;
  }
  if (rule.localCidr !== '' && !addressIn(rule.localCidr, packet.localIp)) return false;
  return peerMatches(rule, packet);
}

/** A packet's verdict and the rule that decides it (null: no rule matches, the group's default). */
export interface Decision {
  verdict: Verdict;
  rule: Rule | null;
}

/**
 * Decides a packet: the matching rule with the smallest priority number wins, Drop wins at equal
 * priority. Without a match a basic (normal) group denies ingress and allows egress; an
 * advanced (enterprise) group denies both.
 */
export function decidePacket(rules: Rule[], groupType: GroupType, packet: Packet): Decision {
  let best: Rule | undefined;
  for (const rule of rules) {
    if (!ruleMatches(rule, packet)) continue;
    if (
      !best ||
      rule.priority < best.priority ||
      (rule.priority === best.priority && rule.policy === 'drop' && best.policy !== 'drop')
    ) {
      best = rule;
    }
  }
  if (best) return { verdict: best.policy === 'accept' ? 'allow' : 'deny', rule: best };
  return { verdict: defaultVerdict(groupType, packet.direction), rule: null };
}

/** What a group does with a packet that no rule matches. */
export function defaultVerdict(groupType: GroupType, direction: Direction): Verdict {
  return groupType === 'normal' && direction === 'egress' ? 'allow' : 'deny';
}

/** The verdict alone; see `decidePacket`. */
export function evaluatePacket(rules: Rule[], groupType: GroupType, packet: Packet): Verdict {
  return decidePacket(rules, groupType, packet).verdict;
}
