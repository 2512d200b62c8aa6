/**
 * What the editor checks before it saves, so each field says at once what is wrong; the server
 * checks again (and canonicalises) and its per-field answer is shown the same way.
 */
export const MAX_LABEL = 64;

export type FieldProblem = 'labelEmpty' | 'labelLong' | 'cidrInvalid' | 'cidrDuplicate';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function validIpv6(text: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(text) || text.split('::').length > 2) return false;
  const groups = text.split(':');
  // "::" leaves empty groups; a full address has 8 groups, a compressed one fewer.
  const filled = groups.filter((g) => g !== '');
  if (filled.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return false;
  return text.includes('::') ? filled.length < 8 : filled.length === 8;
}

/** True for an IPv4 or IPv6 address, with or without a prefix length. */
export function isCidr(text: string): boolean {
  const [address = '', prefix, extra] = text.trim().split('/');
  if (extra !== undefined) return false;
  const v4 = IPV4.test(address);
  if (!v4 && !validIpv6(address)) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (v4 ? 32 : 128);
}

export interface Row {
  label: string;
  cidr: string;
}

/** The problem of each field of each row (none when the row is fine). */
export function rowProblems(
  rows: readonly Row[],
): Array<{ label?: FieldProblem; cidr?: FieldProblem }> {
  const seen = new Set<string>();
  return rows.map((row) => {
    const label = row.label.trim();
    const cidr = row.cidr.trim().toLowerCase();
    const problems: { label?: FieldProblem; cidr?: FieldProblem } = {};
    if (label === '') problems.label = 'labelEmpty';
    else if (label.length > MAX_LABEL) problems.label = 'labelLong';
    if (!isCidr(cidr)) problems.cidr = 'cidrInvalid';
    else if (seen.has(cidr)) problems.cidr = 'cidrDuplicate';
    seen.add(cidr);
    return problems;
  });
}
