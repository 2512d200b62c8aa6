/**
 * The cherry-pick state of the preview dialog: the rule identities the user unticked. Pure
 * helpers, so the tri-state "select all" boxes and the toggles are one computation.
 */
import type { PreviewRow } from './preview-rows';

/** A box that ticks several rows: all on, all off, or some of each. */
export interface GroupState {
  checked: boolean;
  indeterminate: boolean;
  /** The identities the box controls; empty when there is nothing to pick. */
  identities: string[];
}

/** The identities of the rows that can be picked. */
export function pickable(rows: readonly PreviewRow[]): string[] {
  return rows.flatMap((row) => (row.identity === undefined ? [] : [row.identity]));
}

/** The state of a box over `rows` given the excluded identities. */
export function groupState(rows: readonly PreviewRow[], excluded: ReadonlySet<string>): GroupState {
  const identities = pickable(rows);
  const off = identities.filter((identity) => excluded.has(identity)).length;
  return {
    checked: identities.length > 0 && off === 0,
    indeterminate: off > 0 && off < identities.length,
    identities,
  };
}

/** The excluded list after ticking (`apply`) or unticking `identities`, sorted. */
export function withApplied(
  excluded: readonly string[],
  identities: readonly string[],
  apply: boolean,
): string[] {
  const next = new Set(excluded);
  for (const identity of identities) {
    if (apply) next.delete(identity);
    else next.add(identity);
  }
  return [...next].sort();
}
