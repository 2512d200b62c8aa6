/**
 * The emulator's own CIDR parsing, used only to decide whether two rules are the same rule
 * (ECS treats `10.0.0.1/8` and `10.0.0.0/8`, or `::0/0` and `::/0`, as one peer).
 * Returns null for anything malformed.
 */

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return bytes;
}

/** Canonical IPv4 CIDR (network address, explicit prefix) or null. */
export function canonicalIpv4Cidr(text: string): string | null {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const bytes = parseIpv4(address);
  if (!bytes) return null;
  const prefix =
    prefixText === undefined ? 32 : /^\d{1,2}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < 0 || prefix > 32) return null;
  const network = bytes.map((byte, i) => {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    return byte & ((0xff << (8 - bits)) & 0xff);
  });
  return `${network.join('.')}/${prefix}`;
}

function parseIpv6(input: string): number[] | null {
  let text = input;
  // An embedded IPv4 tail (::ffff:1.2.3.4) stands for the last two groups.
  if (text.includes('.')) {
    const lastColon = text.lastIndexOf(':');
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (lastColon < 0 || !v4) return null;
    const high = ((v4[0]! << 8) | v4[1]!).toString(16);
    const low = ((v4[2]! << 8) | v4[3]!).toString(16);
    text = `${text.slice(0, lastColon + 1)}${high}:${low}`;
  }
  const sides = text.split('::');
  if (sides.length > 2) return null;
  const toGroups = (side: string): number[] | null => {
    if (side === '') return [];
    const groups: number[] = [];
    for (const group of side.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
      groups.push(parseInt(group, 16));
    }
    return groups;
  };
  const left = toGroups(sides[0] ?? '');
  const right = sides.length === 2 ? toGroups(sides[1] ?? '') : [];
  if (!left || !right) return null;
  const explicit = left.length + right.length;
  if (sides.length === 1) return explicit === 8 ? left : null;
  if (explicit > 7) return null;
  return [...left, ...new Array<number>(8 - explicit).fill(0), ...right];
}

function formatIpv6(groups: number[]): string {
  // Compress the longest run (length >= 2) of zero groups, as RFC 5952 says.
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Canonical IPv6 CIDR (network address, lower-case, compressed, explicit prefix) or null. */
export function canonicalIpv6Cidr(text: string): string | null {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined || !address.includes(':')) return null;
  const groups = parseIpv6(address);
  if (!groups) return null;
  const prefix =
    prefixText === undefined ? 128 : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < 0 || prefix > 128) return null;
  const network = groups.map((group, i) => {
    const bits = Math.max(0, Math.min(16, prefix - i * 16));
    return group & ((0xffff << (16 - bits)) & 0xffff);
  });
  return `${formatIpv6(network)}/${prefix}`;
}
