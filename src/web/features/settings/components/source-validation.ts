/**
 * What the editor checks before it saves, so each field says at once what is wrong; the rules
 * are the server's (src/domain/protected-source-rules.ts), which checks again and canonicalises,
 * and its per-field answer is shown the same way.
 */
import { labelFault, protectedCidr } from '../../../../domain/protected-source-rules';

export type FieldProblem = 'labelEmpty' | 'labelLong' | 'cidrInvalid' | 'cidrDuplicate';

/** True for an IPv4 or IPv6 address, with or without a prefix length. */
export function isCidr(text: string): boolean {
  return protectedCidr(text) !== null;
}

export interface Row {
  label: string;
  cidr: string;
}

/**
 * The problem of each field of each row (none when the row is fine). Two entries are duplicates
 * when their canonical CIDRs match. A label with control characters has no editor text: the
 * server's sentence for it is shown after Save.
 */
export function rowProblems(
  rows: readonly Row[],
): Array<{ label?: FieldProblem; cidr?: FieldProblem }> {
  const seen = new Set<string>();
  return rows.map((row) => {
    const fault = labelFault(row.label.trim());
    const cidr = protectedCidr(row.cidr);
    const problems: { label?: FieldProblem; cidr?: FieldProblem } = {};
    if (fault === 'empty') problems.label = 'labelEmpty';
    else if (fault === 'long') problems.label = 'labelLong';
    if (cidr === null) problems.cidr = 'cidrInvalid';
    else if (seen.has(cidr)) problems.cidr = 'cidrDuplicate';
    if (cidr !== null) seen.add(cidr);
    return problems;
  });
}
