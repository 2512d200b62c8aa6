/**
 * The sweep behind the traffic effect: within one direction, NIC type and protocol, it cuts the
 * address dimension and then the port dimension at every rule boundary (elementary intervals),
 * decides each cell before and after with the evaluator's order (priority, then Drop), and
 * reports the cells whose verdict changes, already merged along ports.
 */
import type { AddressRange } from './address-space';
import type { PacketProtocol, Verdict } from './evaluate';
import type { Rule } from './types';

/** One distinct rule state (identity and priority) of either side, ranked by strength. */
export interface RankedRule {
  rule: Rule;
  /** 0 is the strongest: smallest priority number, Drop before Accept at equal priority. */
  rank: number;
  inBefore: boolean;
  inAfter: boolean;
}

/** A ranked rule as it applies within one protocol: its ports and whether it is conditional. */
export interface ContextRule {
  ranked: RankedRule;
  rank: number;
  portLo: number;
  portHi: number;
  /**
   * It also depends on a source port, a local address or a port-range list, which the
   * partition does not cut: cells it touches get every verdict pair it may produce.
   */
  conditional: boolean;
  /** In one side only: only where such rules apply can a verdict change. */
  differs: boolean;
}

/** 0: allowed → blocked, 1: blocked → allowed; +2 when the change holds only for part of the cell. */
export type ChangeKind = 0 | 1 | 2 | 3;

export const PORT_MIN = 1;
export const PORT_MAX = 65535;

/** Beyond this many conditional rules on one cell, every verdict they allow is assumed possible. */
const ENUMERATION_LIMIT = 10;

const PORTED: ReadonlySet<PacketProtocol> = new Set(['tcp', 'udp']);

function parseRange(range: string): [number, number] {
  if (range === '' || range === '-1/-1') return [PORT_MIN, PORT_MAX];
  const [from = PORT_MIN, to = from] = range.split('/').map(Number);
  return [Math.max(PORT_MIN, from), Math.min(PORT_MAX, to)];
}

function hasRange(range: string): boolean {
  return range !== '' && range !== '-1/-1';
}

/** How `ranked` applies to packets of `protocol`; null when it never does. */
export function contextRule(ranked: RankedRule, protocol: PacketProtocol): ContextRule | null {
  const { rule } = ranked;
  if (rule.protocol !== 'all' && rule.protocol !== protocol) return null;
  const ported = PORTED.has(protocol);
  const [portLo, portHi] =
    ported && rule.portRangeListId === '' ? parseRange(rule.portRange) : [PORT_MIN, PORT_MAX];
  if (portLo > portHi) return null;
  const conditional =
    rule.localCidr !== '' ||
    (ported && (hasRange(rule.sourcePortRange) || rule.portRangeListId !== ''));
  return {
    ranked,
    rank: ranked.rank,
    portLo: ported ? portLo : 0,
    portHi: ported ? portHi : 0,
    conditional,
    differs: ranked.inBefore !== ranked.inAfter,
  };
}

/** Receives the changed port runs of one address cell. */
export type EmitChange = (kind: ChangeKind, portLo: number, portHi: number) => void;

const DENY = 1;
const ALLOW = 0;

function code(verdict: Verdict): number {
  return verdict === 'allow' ? ALLOW : DENY;
}

function policyCode(rule: ContextRule): number {
  return rule.ranked.rule.policy === 'accept' ? ALLOW : DENY;
}

/** Bit set of the (before, after) verdict pairs a cell's packets may have: bit 2*before+after. */
function possiblePairs(
  conditional: ContextRule[],
  before: number,
  beforeRank: number,
  after: number,
  afterRank: number,
): number {
  const relevant = conditional.filter(
    (c) => (c.ranked.inBefore && c.rank < beforeRank) || (c.ranked.inAfter && c.rank < afterRank),
  );
  if (relevant.length === 0) return 1 << (2 * before + after);
  if (relevant.length > ENUMERATION_LIMIT) {
    let befores = 1 << before;
    let afters = 1 << after;
    for (const c of relevant) {
      if (c.ranked.inBefore && c.rank < beforeRank) befores |= 1 << policyCode(c);
      if (c.ranked.inAfter && c.rank < afterRank) afters |= 1 << policyCode(c);
    }
    let pairs = 0;
    for (let b = 0; b < 2; b++)
      for (let a = 0; a < 2; a++)
        if (befores & (1 << b) && afters & (1 << a)) pairs |= 1 << (2 * b + a);
    return pairs;
  }
  // Each subset stands for the packets that satisfy exactly those rules' extra conditions;
  // `relevant` is in rank order, so the first satisfied rule of a side decides it.
  let pairs = 0;
  for (let mask = 0; mask < 1 << relevant.length; mask++) {
    let b = -1;
    let a = -1;
    for (let j = 0; j < relevant.length && (b < 0 || a < 0); j++) {
      if (!(mask & (1 << j))) continue;
      const c = relevant[j] as ContextRule;
      if (b < 0 && c.ranked.inBefore && c.rank < beforeRank) b = policyCode(c);
      if (a < 0 && c.ranked.inAfter && c.rank < afterRank) a = policyCode(c);
    }
    pairs |= 1 << (2 * (b < 0 ? before : b) + (a < 0 ? after : a));
  }
  return pairs;
}

/** Change kinds present in a pair set: exact when only one pair is possible. */
function kindsOf(pairs: number): number {
  const allowToDeny = pairs & (1 << (2 * ALLOW + DENY));
  const denyToAllow = pairs & (1 << (2 * DENY + ALLOW));
  const single = (pairs & (pairs - 1)) === 0;
  let kinds = 0;
  if (allowToDeny) kinds |= 1 << (single ? 0 : 2);
  if (denyToAllow) kinds |= 1 << (single ? 1 : 3);
  return kinds;
}

/** Union-find "next unpainted segment at or after i", with path halving. */
function findFree(next: Int32Array, i: number): number {
  while (next[i] !== i) {
    const parent = next[i] as number;
    next[i] = next[parent] as number;
    i = next[i] as number;
  }
  return i;
}

function paint(
  plain: ContextRule[],
  side: 'inBefore' | 'inAfter',
  segmentCount: number,
  indexOf: (port: number) => number,
): Int32Array {
  const winner = new Int32Array(segmentCount).fill(-1);
  const next = new Int32Array(segmentCount + 1);
  for (let i = 0; i <= segmentCount; i++) next[i] = i;
  plain.forEach((c, index) => {
    if (!c.ranked[side]) return;
    const end = indexOf(c.portHi + 1);
    for (let i = findFree(next, indexOf(c.portLo)); i < end; i = findFree(next, i + 1)) {
      winner[i] = index;
      next[i] = i + 1;
    }
  });
  return winner;
}

/**
 * Decides one address cell, whose applicable rules are `active` (rank order), over its port
 * segments, and emits the changed runs of ports per change kind (ports 0/0 when port-less).
 */
export function decideCell(
  active: ContextRule[],
  ported: boolean,
  defaultVerdict: Verdict,
  emit: EmitChange,
): void {
  const plain = active.filter((c) => !c.conditional);
  const conditional = active.filter((c) => c.conditional);
  const cuts = ported ? new Set<number>([PORT_MIN, PORT_MAX + 1]) : new Set<number>([0, 1]);
  if (ported) {
    for (const c of active) {
      cuts.add(c.portLo);
      cuts.add(c.portHi + 1);
    }
  }
  const bounds = [...cuts].sort((x, y) => x - y);
  const position = new Map<number, number>();
  bounds.forEach((bound, i) => position.set(bound, i));
  const indexOf = (port: number) => position.get(port) ?? 0;
  const segmentCount = bounds.length - 1;
  const beforeWinner = paint(plain, 'inBefore', segmentCount, indexOf);
  const afterWinner = paint(plain, 'inAfter', segmentCount, indexOf);
  const fallback = code(defaultVerdict);
  const runStart = [-1, -1, -1, -1];
  const flush = (kind: number, endSegment: number) => {
    const start = runStart[kind] as number;
    if (start < 0) return;
    emit(kind as ChangeKind, bounds[start] as number, (bounds[endSegment] as number) - 1);
    runStart[kind] = -1;
  };
  for (let s = 0; s < segmentCount; s++) {
    const bw = beforeWinner[s] as number;
    const aw = afterWinner[s] as number;
    const before = bw < 0 ? fallback : policyCode(plain[bw] as ContextRule);
    const after = aw < 0 ? fallback : policyCode(plain[aw] as ContextRule);
    let pairs: number;
    if (conditional.length === 0) {
      pairs = 1 << (2 * before + after);
    } else {
      const lo = bounds[s] as number;
      const covering = ported
        ? conditional.filter((c) => c.portLo <= lo && lo <= c.portHi)
        : conditional;
      const beforeRank = bw < 0 ? Infinity : (plain[bw] as ContextRule).rank;
      const afterRank = aw < 0 ? Infinity : (plain[aw] as ContextRule).rank;
      pairs = possiblePairs(covering, before, beforeRank, after, afterRank);
    }
    const kinds = kindsOf(pairs);
    for (let kind = 0; kind < 4; kind++) {
      if (kinds & (1 << kind)) {
        if ((runStart[kind] as number) < 0) runStart[kind] = s;
      } else {
        flush(kind, s);
      }
    }
  }
  for (let kind = 0; kind < 4; kind++) flush(kind, segmentCount);
}

/** A rule of one protocol with the address range its peer covers. */
export interface AddressedRule {
  rule: ContextRule;
  range: AddressRange;
}

function compareBigint(x: bigint, y: bigint): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Sweeps one address family: calls `visit` for each elementary address range on which at least
 * one rule that differs between the sides applies, with the applicable rules in rank order.
 * Ranges where only shared rules apply cannot change and are skipped.
 */
export function sweepAddresses(
  items: AddressedRule[],
  visit: (range: AddressRange, active: ContextRule[]) => void,
): void {
  const starts = [...items].sort((x, y) => compareBigint(x.range.lo, y.range.lo));
  const ends = [...items].sort((x, y) => compareBigint(x.range.hi, y.range.hi));
  const active = new Set<ContextRule>();
  let differing = 0;
  let si = 0;
  let ei = 0;
  while (si < starts.length || ei < ends.length) {
    const nextStart = starts[si]?.range.lo;
    const nextEnd = ends[ei] !== undefined ? (ends[ei] as AddressedRule).range.hi + 1n : undefined;
    const at =
      nextStart !== undefined && (nextEnd === undefined || nextStart <= nextEnd)
        ? nextStart
        : (nextEnd as bigint);
    while (ei < ends.length && (ends[ei] as AddressedRule).range.hi + 1n === at) {
      const { rule } = ends[ei++] as AddressedRule;
      active.delete(rule);
      if (rule.differs) differing--;
    }
    while (si < starts.length && (starts[si] as AddressedRule).range.lo === at) {
      const { rule } = starts[si++] as AddressedRule;
      active.add(rule);
      if (rule.differs) differing++;
    }
    if (differing === 0) continue;
    const following = [
      starts[si]?.range.lo,
      ends[ei] ? (ends[ei] as AddressedRule).range.hi + 1n : undefined,
    ]
      .filter((value): value is bigint => value !== undefined)
      .reduce((x, y) => (y < x ? y : x));
    const ordered = [...active].sort((x, y) => x.rank - y.rank);
    visit({ lo: at, hi: following - 1n }, ordered);
  }
}
