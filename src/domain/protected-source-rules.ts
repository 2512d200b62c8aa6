/**
 * What makes a protected-source entry usable (SPEC.md section 11), the one set of rules both the
 * server (PROTECTED_SOURCES and the PUT of the console's list) and the settings editor check.
 */
import { addressFamily, canonicalCidr } from './ip';

export const MAX_PROTECTED_SOURCES = 100;
export const MAX_LABEL_LENGTH = 64;

/** The canonical CIDR of an address or CIDR of either family; null when it is neither. */
export function protectedCidr(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  return canonicalCidr(trimmed, addressFamily(trimmed));
}

/** What is wrong with a label, as a code; null when it can be used. */
export type LabelFault = 'empty' | 'long' | 'control';

export function labelFault(label: string): LabelFault | null {
  if (label.trim() === '') return 'empty';
  if (label.length > MAX_LABEL_LENGTH) return 'long';
  if ([...label].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) return 'control';
  return null;
}

const LABEL_SENTENCES: Record<LabelFault, string> = {
  empty: 'must not be empty',
  long: `must be at most ${MAX_LABEL_LENGTH} characters`,
  control: 'must not contain control characters',
};

/** Why a label cannot be used (the server's sentence), or null when it can. */
export function labelProblem(label: string): string | null {
  const fault = labelFault(label);
  return fault === null ? null : LABEL_SENTENCES[fault];
}
