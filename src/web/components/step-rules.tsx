import { Typography } from 'antd';
import type { RuleView } from '../../server/contract';
import { useT } from '../i18n/use-t';
import { peerLabel, policyLabel, portLabel, protocolLabel } from './rule-format';

/** How many rules a failed step names before "and N more". */
const NAMED = 5;

/** The rules a failed step carried: the first five ("Allow TCP 22 10.0.0.0/8"), then "and N more". */
export function StepRules({ rules }: { rules: readonly RuleView[] }) {
  const t = useT();
  if (rules.length === 0) return null;
  const named = rules
    .slice(0, NAMED)
    .map(
      (rule) =>
        `${policyLabel(rule, t)} ${protocolLabel(rule, t)} ${portLabel(rule, t)} ${peerLabel(rule, t)}${rule.description ? ` (${rule.description})` : ''}`,
    );
  const rest = rules.length - named.length;
  const list = rest > 0 ? [...named, t('console.moreRules', { count: rest })] : named;
  return (
    <Typography.Text type="secondary">
      {t('console.failedRules', { rules: list.join('; ') })}
    </Typography.Text>
  );
}
