import { ruleIdentity } from '../../domain/normalize';
import type { RuleView } from '../../server/contract';

/**
 * The key of a table row that shows a rule: the domain's identity of the rule and its ECS rule
 * ID, after `scope`, what tells apart the same identity in two places of one table (a preview's
 * category, the side of a not-restorable rule).
 */
export function ruleRowKey(rule: RuleView, ...scope: string[]): string {
  return [...scope, ruleIdentity(rule), rule.meta.ruleId ?? ''].join('#');
}
