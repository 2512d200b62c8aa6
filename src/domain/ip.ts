/**
 * Minimal IPv4/IPv6 address and CIDR handling, written here so the domain layer stays free of
 * dependencies. Addresses are arrays of 16-bit groups (2 for IPv4, 8 for IPv6), which makes
 * masking and containment the same code for both families.
 */

export type IpFamily = 4 | 6;

export interface ParsedCidr {
  family: IpFamily;
  /** 16-bit groups with host bits zeroed. */
  groups: number[];
  prefix: number;
}

const DECIMAL = /^(0|[1-9][0-9]{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const PREFIX = /^(0|[1-9][0-9]{0,2})$/;

/** Parses dotted-quad IPv4 into two 16-bit groups; rejects leading zeros (octal ambiguity). */
function parseIpv4Groups(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!DECIMAL.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  const [a = 0, b = 0, c = 0, d = 0] = bytes;
  return [(a << 8) | b, (c << 8) | d];
}

function parseHexGroups(text: string): number[] | null {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4Groups(part);
      if (!v4) return null;
      groups.push(...v4);
      continue;
    }
    if (!HEX_GROUP.test(part)) return null;
    groups.push(parseInt(part, 16));
  }
  return groups;
}

function parseIpv6Groups(text: string): number[] | null {
  const doubleColon = text.indexOf('::');
  if (doubleColon === -1) {
    const groups = parseHexGroups(text);
    return groups && groups.length === 8 ? groups : null;
  }
  if (text.indexOf('::', doubleColon + 1) !== -1) return null;
  const head = parseHexGroups(text.slice(0, doubleColon));
  const tail = parseHexGroups(text.slice(doubleColon + 2));
  if (!head || !tail) return null;
  // An IPv4 tail may only end the address, never precede '::'.
  if (text.slice(0, doubleColon).includes('.')) return null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** Parses a bare address of the given family; null when malformed. */
export function parseAddress(text: string, family: IpFamily): number[] | null {
  return family === 4 ? parseIpv4Groups(text) : parseIpv6Groups(text);
}

/** The family an address literal looks like (a colon means IPv6). */
export function addressFamily(text: string): IpFamily {
  return text.includes(':') ? 6 : 4;
}

/** Parses "addr" or "addr/prefix" and zeroes the host bits; null when malformed. */
export function parseCidr(text: string, family: IpFamily): ParsedCidr | null {
  const slash = text.indexOf('/');
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const bits = family === 4 ? 32 : 128;
  let prefix = bits;
  if (slash !== -1) {
    const prefixText = text.slice(slash + 1);
    if (!PREFIX.test(prefixText)) return null;
    prefix = Number(prefixText);
    if (prefix > bits) return null;
  }
  const groups = parseAddress(addressText, family);
  if (!groups) return null;
  return { family, groups: maskGroups(groups, prefix), prefix };
}

function maskGroups(groups: number[], prefix: number): number[] {
  return groups.map((group, i) => {
    const keep = Math.min(16, Math.max(0, prefix - i * 16));
    const mask = keep === 0 ? 0 : (0xffff << (16 - keep)) & 0xffff;
    return group & mask;
  });
}

/** True when `address` (same family, 16-bit groups) lies inside `cidr`. */
export function cidrContains(cidr: ParsedCidr, address: number[]): boolean {
  if (address.length !== cidr.groups.length) return false;
  const masked = maskGroups(address, cidr.prefix);
  return masked.every((group, i) => group === cidr.groups[i]);
}

function formatIpv4(groups: number[]): string {
  const [hi = 0, lo = 0] = groups;
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

/** RFC 5952: lower-case, no leading zeros, the longest run (>= 2) of zero groups as '::'. */
function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart === -1) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLength).join(':');
  return `${head}::${tail}`;
}

/** Canonical text of a parsed CIDR, always with its prefix length. */
export function formatCidr(cidr: ParsedCidr): string {
  const address = cidr.family === 4 ? formatIpv4(cidr.groups) : formatIpv6(cidr.groups);
  return `${address}/${cidr.prefix}`;
}

/** Canonical CIDR text, or null when `text` is not a CIDR or address of that family. */
export function canonicalCidr(text: string, family: IpFamily): string | null {
  const parsed = parseCidr(text, family);
  return parsed ? formatCidr(parsed) : null;
}
