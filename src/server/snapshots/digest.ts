/**
 * The digest of a group's rules that snapshots and the watcher compare: the revision's
 * normalization (identity, priority, description per rule; order and rule IDs do not count),
 * through the per-rule state key that src/domain/revision.ts shares for comparisons.
 */
import { hashHex } from '../../domain/hash';
import { ruleStateKey } from '../../domain/revision';
import type { Rule } from '../../domain/types';

/** Equal for two rule sets exactly when they hold the same rules (as a multiset). */
export function rulesDigest(rules: readonly Rule[]): string {
  const keys = rules.map(ruleStateKey).sort();
  return `${rules.length}:${hashHex(keys.join('\n'))}`;
}
