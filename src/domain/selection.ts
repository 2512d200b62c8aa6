/**
 * Cherry-pick (SPEC.md section 13): a restore that leaves some of its changes out. Rules are
 * excluded by identity (`ruleIdentity`, direction included), the same key the diff pairs rules
 * by, so an exclusion names one row of the preview in either direction. Excluding a row leaves
 * the source's rule as it is: an Added rule is not added, a Removed rule is kept, a Changed rule
 * keeps its current priority and description. The plan is made from the selected diff, so its
 * steps, expected result, checks and revision all follow the selection.
 */
import type { DiffContext } from './diff';
import { ruleIdentity } from './normalize';
import { DIRECTIONS, type DirectionDiff, type RuleDiff } from './types';

/** The diff context plus the identities of the rows the restore leaves as they are. */
export interface PlanContext extends DiffContext {
  excluded?: readonly string[];
}

export interface Selected {
  /** The diff as the plan applies it: excluded rows left out or moved to `unchanged`. */
  diff: RuleDiff;
  /** The exclusions that name a row of the diff, sorted (the revision covers these). */
  excluded: string[];
  /** The exclusions that name no row that could change: the preview they came from is stale. */
  unmatched: string[];
}

/**
 * Applies the exclusions to a diff. Only rows the mode applies can be excluded: under Partially,
 * removed and changed rows are kept anyway, so excluding them names nothing.
 */
export function selectDiff(diff: RuleDiff, excluded: readonly string[] = []): Selected {
  if (excluded.length === 0) return { diff, excluded: [], unmatched: [] };
  const wanted = new Set(excluded);
  const hit = new Set<string>();
  const isExcluded = (key: string): boolean => {
    if (!wanted.has(key)) return false;
    hit.add(key);
    return true;
  };
  const completely = diff.mode === 'completely';
  const selected: RuleDiff = { mode: diff.mode, ingress: diff.ingress, egress: diff.egress };
  for (const direction of DIRECTIONS) {
    const part = diff[direction];
    const out: DirectionDiff = { ...part, added: [], unchanged: [...part.unchanged] };
    for (const rule of part.added) if (!isExcluded(ruleIdentity(rule))) out.added.push(rule);
    if (completely) {
      out.removed = [];
      out.changed = [];
      for (const rule of part.removed) {
        if (isExcluded(ruleIdentity(rule))) out.unchanged.push(rule);
        else out.removed.push(rule);
      }
      for (const change of part.changed) {
        if (isExcluded(ruleIdentity(change.before))) out.unchanged.push(change.before);
        else out.changed.push(change);
      }
    }
    selected[direction] = out;
  }
  const matched = [...hit].sort();
  const unmatched = [...wanted].filter((key) => !hit.has(key)).sort();
  return { diff: selected, excluded: matched, unmatched };
}
