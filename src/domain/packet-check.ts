/**
 * The packet check (SPEC.md section 11): one packet as an operator types it, decided against a
 * group's rules, with the rule that decides it or null for the group's default.
 */
import { decidePacket, type Decision, type Packet, type PacketProtocol } from './evaluate';
import type { Direction, GroupType, NicType, Rule } from './types';

/** A typed packet: exactly one of `address`, `groupId` or `prefixListId` names the other end. */
export interface PacketQuery {
  direction: Direction;
  protocol: PacketProtocol;
  /** Required for TCP and UDP (1..65535); ignored otherwise. */
  port?: number;
  address?: string;
  groupId?: string;
  prefixListId?: string;
  /** Defaults to intranet (the only NIC type of VPC groups). */
  nicType?: NicType;
}

/** The verdict and the deciding rule (null: no rule matches and the group's default decides). */
export type PacketDecision = Decision;

/** A packet query that cannot be decided; the message says which field is wrong. */
export class PacketQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PacketQueryError';
  }
}

/** The evaluator's packet for a query; throws `PacketQueryError` when it is incomplete. */
export function packetOf(query: PacketQuery): Packet {
  const ported = query.protocol === 'tcp' || query.protocol === 'udp';
  const { port } = query;
  if (ported && (port === undefined || !Number.isInteger(port) || port < 1 || port > 65535)) {
    throw new PacketQueryError('port must be an integer 1..65535 for TCP and UDP');
  }
  const peers = [query.address, query.groupId, query.prefixListId].filter(
    (value) => value !== undefined && value !== '',
  );
  if (peers.length !== 1) {
    throw new PacketQueryError('give exactly one of address, groupId or prefixListId');
  }
  return {
    direction: query.direction,
    protocol: query.protocol,
    port: ported ? (port as number) : 0,
    peer: {
      ...(query.address ? { ip: query.address } : {}),
      ...(query.groupId ? { groupId: query.groupId } : {}),
      ...(query.prefixListId ? { prefixListIds: [query.prefixListId] } : {}),
    },
    nicType: query.nicType ?? 'intranet',
  };
}

/** Decides a typed packet against `rules` of a group of the given type. */
export function decide(
  rules: Rule[],
  group: { type: GroupType },
  query: PacketQuery,
): PacketDecision {
  return decidePacket(rules, group.type, packetOf(query));
}

/** The packet check of a restore: the same packet decided by the rules before and after. */
export function checkPacket(
  before: Rule[],
  after: Rule[],
  group: { type: GroupType },
  query: PacketQuery,
): { before: PacketDecision; after: PacketDecision } {
  const packet = packetOf(query);
  return {
    before: decidePacket(before, group.type, packet),
    after: decidePacket(after, group.type, packet),
  };
}
