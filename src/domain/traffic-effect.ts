/**
 * The exact traffic effect of a restore (SPEC.md section 11): the traffic whose verdict differs
 * between the rules before and after, per direction and NIC type, as a short list of statements
 * such as "TCP 22 from 0.0.0.0/0 except 192.168.0.0/16: allowed → blocked".
 *
 * The space is protocol × port × peer, where the peer is an IPv4 address, an IPv6 address, or a
 * named atom: "a member of group X" or "an address of prefix list P". As in the evaluator, a
 * packet known only by its group is matched by that group's rules and by no CIDR rule (not even
 * 0.0.0.0/0, which needs an address), and likewise for a prefix list. A real packet that has an
 * address and is also a group member is matched by the rules of both; the statements describe
 * each part on its own, which is why the UI must say that group and prefix-list peers are named
 * sets. Ports run 1..65535; ICMP, ICMPv6 and GRE have none.
 */
import { spellRanges, type AddressRange } from './address-space';
import { defaultVerdict, type PacketProtocol } from './evaluate';
import { normalizedPeerRange } from './traffic-peer';
import {
  contextRule,
  decideCell,
  sweepAddresses,
  type AddressedRule,
  type ChangeKind,
  type ContextRule,
  type RankedRule,
} from './traffic-cells';
import { ruleIdentity } from './normalize';
import type { Direction, GroupType, NicType, Protocol, Rule } from './types';

export type Reach = 'allowed' | 'blocked';

/** The other end of the traffic a statement is about. */
export type TrafficPeer =
  | { kind: 'cidrs'; family: 4 | 6; include: string[]; except: string[] }
  | { kind: 'group'; groupId: string }
  | { kind: 'prefixList'; prefixListId: string };

export interface TrafficStatement {
  direction: Direction;
  nicType: NicType;
  /** `all` when the same change holds for every protocol and port. */
  protocol: Protocol;
  /** "from/to" for TCP and UDP; null for port-less protocols and `all`. */
  ports: string | null;
  peer: TrafficPeer;
  from: Reach;
  to: Reach;
  /**
   * The change holds only for part of this traffic: rules that also test a source port, a local
   * address or a port-range list decide which part. Traffic outside every statement never changes.
   */
  approximate: boolean;
}

export interface DirectionEffect {
  /** The first `limit` statements, most consequential first (blocking before opening). */
  statements: TrafficStatement[];
  /** Statements left off past the limit. */
  more: number;
}

export type TrafficEffect = Record<Direction, DirectionEffect>;

export interface TrafficEffectOptions {
  /** Statements per direction before the rest are counted in `more` (default 50). */
  limit?: number;
}

export const DEFAULT_STATEMENT_LIMIT = 50;

const PROTOCOLS: readonly PacketProtocol[] = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre'];
const NIC_TYPES: readonly NicType[] = ['intranet', 'internet'];
const FULL_PORTS = '1/65535';

function strength(x: Rule, y: Rule): number {
  if (x.priority !== y.priority) return x.priority - y.priority;
  if (x.policy === y.policy) return 0;
  return x.policy === 'drop' ? -1 : 1;
}

/** The distinct rule states of both sides, strongest first; descriptions do not matter. */
function rankRules(before: Rule[], after: Rule[]): RankedRule[] {
  const byKey = new Map<string, RankedRule>();
  const add = (rule: Rule, side: 'inBefore' | 'inAfter') => {
    const key = `${rule.priority}|${ruleIdentity(rule)}`;
    let ranked = byKey.get(key);
    if (!ranked) {
      ranked = { rule, rank: 0, inBefore: false, inAfter: false };
      byKey.set(key, ranked);
    }
    ranked[side] = true;
  };
  for (const rule of before) add(rule, 'inBefore');
  for (const rule of after) add(rule, 'inAfter');
  const ranked = [...byKey.values()].sort((x, y) => strength(x.rule, y.rule));
  ranked.forEach((r, i) => (r.rank = i));
  return ranked;
}

interface Pending {
  protocol: PacketProtocol;
  ports: string | null;
  kind: ChangeKind;
  /** 'v4', 'v6', or the named atom's key. */
  domain: string;
  ranges: AddressRange[];
}

function peerOf(domain: string, ranges: AddressRange[]): TrafficPeer {
  if (domain === 'v4' || domain === 'v6') {
    const family = domain === 'v4' ? 4 : 6;
    return { kind: 'cidrs', family, ...spellRanges(ranges, family) };
  }
  if (domain.startsWith('group:')) return { kind: 'group', groupId: domain.slice(6) };
  return { kind: 'prefixList', prefixListId: domain.slice(3) };
}

/** Collects the changed cells of one direction and NIC type, keyed by everything but address. */
function collect(
  ranked: RankedRule[],
  groupType: GroupType,
  direction: Direction,
  nicType: NicType,
): Pending[] {
  const pending = new Map<string, Pending>();
  const fallback = defaultVerdict(groupType, direction);
  const scoped = ranked.filter((r) => r.rule.direction === direction && r.rule.nicType === nicType);
  if (!scoped.some((r) => r.inBefore !== r.inAfter)) return [];
  for (const protocol of PROTOCOLS) {
    const ported = protocol === 'tcp' || protocol === 'udp';
    const families: Record<'v4' | 'v6', AddressedRule[]> = { v4: [], v6: [] };
    const atoms = new Map<string, ContextRule[]>();
    for (const r of scoped) {
      const rule = contextRule(r, protocol);
      if (!rule) continue;
      const peer = normalizedPeerRange(r.rule);
      if (peer === null) continue;
      if ('atom' in peer) {
        const list = atoms.get(peer.atom) ?? [];
        list.push(rule);
        atoms.set(peer.atom, list);
      } else {
        families[peer.family === 4 ? 'v4' : 'v6'].push({ rule, range: peer.range });
      }
    }
    const visit = (domain: string, range: AddressRange | null, active: ContextRule[]) => {
      decideCell(active, ported, fallback, (kind, portLo, portHi) => {
        const ports = ported ? `${portLo}/${portHi}` : null;
        const key = `${protocol}|${ports}|${kind}|${domain}`;
        let entry = pending.get(key);
        if (!entry) {
          entry = { protocol, ports, kind, domain, ranges: [] };
          pending.set(key, entry);
        }
        if (!range) return;
        const last = entry.ranges[entry.ranges.length - 1];
        // The sweep visits ranges in address order, so touching ones join here.
        if (last && last.hi + 1n === range.lo) last.hi = range.hi;
        else entry.ranges.push({ ...range });
      });
    };
    for (const domain of ['v4', 'v6'] as const) {
      sweepAddresses(families[domain], (range, active) => visit(domain, range, active));
    }
    for (const [atom, rules] of [...atoms].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
      if (rules.some((rule) => rule.differs)) {
        visit(
          atom,
          null,
          [...rules].sort((x, y) => x.rank - y.rank),
        );
      }
    }
  }
  return [...pending.values()];
}

function toStatement(direction: Direction, nicType: NicType, p: Pending): TrafficStatement {
  const allowedToBlocked = p.kind === 0 || p.kind === 2;
  return {
    direction,
    nicType,
    protocol: p.protocol,
    ports: p.ports,
    peer: peerOf(p.domain, p.ranges),
    from: allowedToBlocked ? 'allowed' : 'blocked',
    to: allowedToBlocked ? 'blocked' : 'allowed',
    approximate: p.kind >= 2,
  };
}

function peerKey(peer: TrafficPeer): string {
  return JSON.stringify(peer);
}

/** Replaces the five per-protocol statements of one change on every port by one `all`. */
function mergeAllProtocols(statements: TrafficStatement[]): TrafficStatement[] {
  const groups = new Map<string, TrafficStatement[]>();
  for (const s of statements) {
    if (s.ports !== null && s.ports !== FULL_PORTS) continue;
    const key = `${s.nicType}|${s.from}|${s.approximate}|${peerKey(s.peer)}`;
    const list = groups.get(key) ?? [];
    list.push(s);
    groups.set(key, list);
  }
  const merged = new Set<TrafficStatement>();
  const replacements = new Map<TrafficStatement, TrafficStatement>();
  for (const list of groups.values()) {
    if (list.length !== PROTOCOLS.length) continue;
    const first = list[0] as TrafficStatement;
    for (const s of list) merged.add(s);
    replacements.set(first, { ...first, protocol: 'all', ports: null });
  }
  const result: TrafficStatement[] = [];
  for (const s of statements) {
    const replacement = replacements.get(s);
    if (replacement) result.push(replacement);
    else if (!merged.has(s)) result.push(s);
  }
  return result;
}

const PROTOCOL_ORDER: readonly Protocol[] = ['all', 'tcp', 'udp', 'icmp', 'icmpv6', 'gre'];
const PEER_ORDER = { cidrs: 0, group: 1, prefixList: 2 } as const;

function portFrom(ports: string | null): number {
  return ports === null ? 0 : Number(ports.split('/')[0]);
}

function peerRank(peer: TrafficPeer): string {
  const rank = PEER_ORDER[peer.kind];
  if (peer.kind === 'cidrs') return `${rank}${peer.family}`;
  return `${rank}${peer.kind === 'group' ? peer.groupId : peer.prefixListId}`;
}

interface SortKey {
  statement: TrafficStatement;
  order: number[];
  peer: string;
}

function sortKey(statement: TrafficStatement): SortKey {
  return {
    statement,
    order: [
      statement.to === 'blocked' ? 0 : 1,
      NIC_TYPES.indexOf(statement.nicType),
      PROTOCOL_ORDER.indexOf(statement.protocol),
      portFrom(statement.ports),
    ],
    peer: `${peerRank(statement.peer)}|${Number(statement.approximate)}`,
  };
}

function compareKeys(x: SortKey, y: SortKey): number {
  for (let i = 0; i < x.order.length; i++) {
    const difference = (x.order[i] as number) - (y.order[i] as number);
    if (difference !== 0) return difference;
  }
  return x.peer < y.peer ? -1 : x.peer > y.peer ? 1 : 0;
}

/** Blocking first (what an operator must not miss), then NIC type, protocol, port, peer. */
function sortStatements(statements: TrafficStatement[]): TrafficStatement[] {
  return statements
    .map(sortKey)
    .sort(compareKeys)
    .map((key) => key.statement);
}

/**
 * The traffic whose verdict changes from `before` to `after` rules of a group of the given type,
 * per direction; both directions empty when nothing changes for traffic (e.g. descriptions only).
 */
export function trafficEffect(
  before: Rule[],
  after: Rule[],
  group: { type: GroupType },
  options: TrafficEffectOptions = {},
): TrafficEffect {
  const limit = options.limit ?? DEFAULT_STATEMENT_LIMIT;
  const ranked = rankRules(before, after);
  const effect = (direction: Direction): DirectionEffect => {
    const statements: TrafficStatement[] = [];
    for (const nicType of NIC_TYPES) {
      const pending = collect(ranked, group.type, direction, nicType);
      statements.push(...pending.map((p) => toStatement(direction, nicType, p)));
    }
    const sorted = sortStatements(mergeAllProtocols(statements));
    return { statements: sorted.slice(0, limit), more: Math.max(0, sorted.length - limit) };
  };
  return { ingress: effect('ingress'), egress: effect('egress') };
}

/**
 * The first `limit` statements of each direction, the rest counted in `more`: what a screen
 * lists, when the whole effect was needed first (a protected source may lie past the limit).
 */
export function limitStatements(
  effect: TrafficEffect,
  limit: number = DEFAULT_STATEMENT_LIMIT,
): TrafficEffect {
  const cut = ({ statements, more }: DirectionEffect): DirectionEffect => ({
    statements: statements.slice(0, limit),
    more: more + Math.max(0, statements.length - limit),
  });
  return { ingress: cut(effect.ingress), egress: cut(effect.egress) };
}

/** True when the restore changes no traffic at all. */
export function noTrafficChange(effect: TrafficEffect): boolean {
  return effect.ingress.statements.length === 0 && effect.egress.statements.length === 0;
}
