import type { RuleView } from '../../server/contract';
import type { Translate } from '../i18n/translate';
import { peerLabel, policyLabel, portLabel, protocolLabel, type GroupNames } from './rule-format';

/**
 * One lower-case line of text that a table's search matches a rule against: what its columns
 * show, the raw port range, the local CIDR and the ECS rule ID.
 */
export function ruleSearchText(rule: RuleView, t: Translate, names?: GroupNames): string {
  return [
    policyLabel(rule, t),
    protocolLabel(rule, t),
    rule.portRange,
    portLabel(rule, t),
    peerLabel(rule, t, names),
    rule.localCidr,
    rule.description,
    String(rule.priority),
    rule.meta.ruleId ?? '',
  ]
    .join(' ')
    .toLowerCase();
}
