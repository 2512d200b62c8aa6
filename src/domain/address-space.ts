/**
 * IPv4 and IPv6 address sets as sorted, disjoint, inclusive bigint ranges, and their shortest
 * CIDR spellings. The traffic effect partitions the address dimension with these.
 */
import { formatCidr, parseCidr, type IpFamily } from './ip';

/** An inclusive range of addresses of one family, as integers. */
export interface AddressRange {
  lo: bigint;
  hi: bigint;
}

function familyBits(family: IpFamily): bigint {
  return family === 4 ? 32n : 128n;
}

function groupsToBigint(groups: number[]): bigint {
  let value = 0n;
  for (const group of groups) value = (value << 16n) | BigInt(group);
  return value;
}

function bigintToGroups(value: bigint, family: IpFamily): number[] {
  const count = family === 4 ? 2 : 8;
  const groups = new Array<number>(count);
  let rest = value;
  for (let i = count - 1; i >= 0; i--) {
    groups[i] = Number(rest & 0xffffn);
    rest >>= 16n;
  }
  return groups;
}

/** Rule CIDRs repeat across calls; the cap keeps a long-running server's cache bounded. */
const RANGE_CACHE_LIMIT = 10_000;
const rangeCache = new Map<string, AddressRange | null>();

function parseRange(text: string, family: IpFamily): AddressRange | null {
  const parsed = parseCidr(text, family);
  if (!parsed) return null;
  const lo = groupsToBigint(parsed.groups);
  return { lo, hi: lo + (1n << (familyBits(family) - BigInt(parsed.prefix))) - 1n };
}

/** The addresses a CIDR (or bare address) covers; null when malformed. */
export function cidrRange(text: string, family: IpFamily): AddressRange | null {
  const key = `${family}${text}`;
  const cached = rangeCache.get(key);
  if (cached !== undefined) return cached;
  const range = parseRange(text, family);
  if (rangeCache.size >= RANGE_CACHE_LIMIT) rangeCache.clear();
  rangeCache.set(key, range);
  return range;
}

/** A bare address as an integer; null when malformed. Not cached: packets rarely repeat. */
export function addressValue(text: string, family: IpFamily): bigint | null {
  if (text.includes('/')) return null;
  return parseRange(text, family)?.lo ?? null;
}

/** A bare address's text (canonical for its family). */
export function formatAddress(value: bigint, family: IpFamily): string {
  const cidr = formatCidr({ family, groups: bigintToGroups(value, family), prefix: 0 });
  return cidr.slice(0, cidr.indexOf('/'));
}

/** The largest aligned block size at `lo` (a power of two; the whole space for 0). */
function alignment(lo: bigint, bits: bigint): bigint {
  return lo === 0n ? 1n << bits : lo & -lo;
}

function log2(value: bigint): bigint {
  let bits = 0n;
  while (value > 1n) {
    value >>= 1n;
    bits++;
  }
  return bits;
}

/** The fewest CIDRs whose union is exactly the given ranges (sorted, disjoint). */
export function rangesToCidrs(ranges: readonly AddressRange[], family: IpFamily): string[] {
  const bits = familyBits(family);
  const cidrs: string[] = [];
  for (const { lo: start, hi } of ranges) {
    let lo = start;
    while (lo <= hi) {
      let size = alignment(lo, bits);
      while (size > hi - lo + 1n) size >>= 1n;
      const prefix = Number(bits - log2(size));
      cidrs.push(formatCidr({ family, groups: bigintToGroups(lo, family), prefix }));
      lo += size;
    }
  }
  return cidrs;
}

/** The smallest CIDR block containing [lo, hi]. */
function enclosingBlock(lo: bigint, hi: bigint, family: IpFamily): AddressRange {
  const bits = familyBits(family);
  let hostBits = 0n;
  while (hostBits < bits && lo >> hostBits !== hi >> hostBits) hostBits++;
  const base = (lo >> hostBits) << hostBits;
  return { lo: base, hi: base + (1n << hostBits) - 1n };
}

/** The parts of `outer` not covered by `ranges` (sorted by start, all inside `outer`). */
export function complementWithin(
  outer: AddressRange,
  ranges: readonly AddressRange[],
): AddressRange[] {
  const gaps: AddressRange[] = [];
  let next = outer.lo;
  for (const { lo, hi } of ranges) {
    if (lo > next) gaps.push({ lo: next, hi: lo - 1n });
    if (hi + 1n > next) next = hi + 1n;
  }
  if (next <= outer.hi) gaps.push({ lo: next, hi: outer.hi });
  return gaps;
}

/** An address set written as CIDRs, optionally "include except …" when that is shorter. */
export interface CidrSpelling {
  include: string[];
  except: string[];
}

/**
 * The shortest spelling of an address set: its exact CIDR cover, or the smallest block holding
 * it minus the CIDRs of what it leaves out, whichever has fewer CIDRs (the plain cover on a tie).
 */
export function spellRanges(ranges: readonly AddressRange[], family: IpFamily): CidrSpelling {
  const plain = rangesToCidrs(ranges, family);
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last || plain.length <= 2) return { include: plain, except: [] };
  const block = enclosingBlock(first.lo, last.hi, family);
  const except = rangesToCidrs(complementWithin(block, ranges), family);
  if (1 + except.length < plain.length) {
    return { include: rangesToCidrs([block], family), except };
  }
  return { include: plain, except: [] };
}
