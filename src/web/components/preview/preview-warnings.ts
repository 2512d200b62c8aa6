import type { PreviewResponse, WarningView } from '../../../server/contract';
import { ruleRowKey } from '../rule-row-key';

/** Checks over a total: each rule they list could be restored on its own, so its warnings stand. */
const COUNT_CHECKS = new Set(['rule-limit', 'group-reference-limit', 'eni-rule-limit']);

/**
 * The preview's warnings without what another message already says: the rule limit's early
 * removals have their own Alert (with the sum), and a rule that is not restorable, or that a
 * failed per-rule check names, gets no warning that assumes it will be restored (a cross-VPC reference
 * is not also warned about as a self-reference). A warning left with no rules is dropped.
 */
export function consistentWarnings(preview: PreviewResponse): WarningView[] {
  const explained = new Set(
    [
      ...preview.ingress.notRestorable.map((item) => item.rule),
      ...preview.egress.notRestorable.map((item) => item.rule),
      ...preview.checks.filter((check) => !COUNT_CHECKS.has(check.code)).flatMap((c) => c.rules),
    ].map((rule) => ruleRowKey(rule)),
  );
  return preview.warnings
    .filter((warning) => warning.kind !== 'rule-limit-early-removals')
    .map((warning) => ({
      ...warning,
      rules: warning.rules.filter((rule) => !explained.has(ruleRowKey(rule))),
    }))
    .filter((warning) => warning.rules.length > 0);
}
