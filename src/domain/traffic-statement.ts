/** Reading traffic-effect statements: which packets one covers, and its English wording. */
import { addressValue, cidrRange, complementWithin, type AddressRange } from './address-space';
import type { Packet } from './evaluate';
import { addressFamily } from './ip';
import type { TrafficPeer, TrafficStatement } from './traffic-effect';

function inCidrs(cidrs: string[], value: bigint, family: 4 | 6): boolean {
  return cidrs.some((cidr) => {
    const range = cidrRange(cidr, family);
    return range !== null && range.lo <= value && value <= range.hi;
  });
}

function peerCovers(peer: TrafficPeer, packet: Packet): boolean {
  switch (peer.kind) {
    case 'cidrs': {
      const ip = packet.peer.ip;
      if (ip === undefined || ip === '' || addressFamily(ip) !== peer.family) return false;
      const value = addressValue(ip, peer.family);
      if (value === null) return false;
      return inCidrs(peer.include, value, peer.family) && !inCidrs(peer.except, value, peer.family);
    }
    case 'group':
      return packet.peer.groupId === peer.groupId;
    case 'prefixList':
      return packet.peer.prefixListIds?.includes(peer.prefixListId) ?? false;
  }
}

/**
 * True when `packet` belongs to the traffic `statement` is about. A packet is read as the
 * traffic effect reads it: by its address, its group or its prefix list, whichever it gives.
 */
export function statementCovers(statement: TrafficStatement, packet: Packet): boolean {
  if (statement.direction !== packet.direction || statement.nicType !== packet.nicType) {
    return false;
  }
  if (statement.protocol !== 'all' && statement.protocol !== packet.protocol) return false;
  if (statement.ports !== null) {
    const [from = 0, to = 0] = statement.ports.split('/').map(Number);
    if (packet.port < from || packet.port > to) return false;
  }
  return peerCovers(statement.peer, packet);
}

function overlap(x: AddressRange, y: AddressRange): AddressRange | null {
  const lo = x.lo > y.lo ? x.lo : y.lo;
  const hi = x.hi < y.hi ? x.hi : y.hi;
  return lo <= hi ? { lo, hi } : null;
}

/**
 * True when some address of `cidr` lies in the statement's address set (a CIDR peer of the
 * same family): how a protected source is checked against the traffic effect.
 */
export function statementTouchesCidr(statement: TrafficStatement, cidr: string): boolean {
  const { peer } = statement;
  if (peer.kind !== 'cidrs') return false;
  const wanted = cidrRange(cidr, peer.family);
  if (!wanted) return false;
  const holes = peer.except
    .map((text) => cidrRange(text, peer.family))
    .filter((range): range is AddressRange => range !== null)
    .sort((x, y) => (x.lo < y.lo ? -1 : x.lo > y.lo ? 1 : 0));
  return peer.include.some((text) => {
    const include = cidrRange(text, peer.family);
    const common = include && overlap(include, wanted);
    if (!common) return false;
    const inside = holes
      .map((hole) => overlap(hole, common))
      .filter((range): range is AddressRange => range !== null);
    return complementWithin(common, inside).length > 0;
  });
}

const PROTOCOL_LABEL = {
  all: 'All traffic',
  tcp: 'TCP',
  udp: 'UDP',
  icmp: 'ICMP',
  icmpv6: 'ICMPv6',
  gre: 'GRE',
} as const;

function portsText(ports: string | null): string {
  if (ports === null) return '';
  const [from, to] = ports.split('/');
  if (from === '1' && to === '65535') return ' all ports';
  return from === to ? ` ${from}` : ` ${from}-${to}`;
}

function peerText(peer: TrafficPeer): string {
  switch (peer.kind) {
    case 'cidrs':
      return peer.except.length === 0
        ? peer.include.join(', ')
        : `${peer.include.join(', ')} except ${peer.except.join(', ')}`;
    case 'group':
      return `group ${peer.groupId}`;
    case 'prefixList':
      return `prefix list ${peer.prefixListId}`;
  }
}

/** "TCP 22 from 0.0.0.0/0 except 192.168.0.0/16: allowed → blocked" (English; the UI translates). */
export function formatStatement(statement: TrafficStatement): string {
  const way = statement.direction === 'ingress' ? 'from' : 'to';
  const nic = statement.nicType === 'internet' ? ' (internet NIC)' : '';
  const part = statement.approximate ? ', in part' : '';
  return (
    `${PROTOCOL_LABEL[statement.protocol]}${portsText(statement.ports)} ${way} ` +
    `${peerText(statement.peer)}${nic}: ${statement.from} → ${statement.to}${part}`
  );
}
