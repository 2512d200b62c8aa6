import type { RuleView } from '../../../../server/contract';
import { ruleColumns } from '../../../components/rule-columns';
import type { GroupNames } from '../../../components/rule-format';
import { ruleRowKey } from '../../../components/rule-row-key';
import { VirtualTable } from '../../../components/virtual-table';
import { useT } from '../../../i18n/use-t';

const ROW_HEIGHT = 44;
const MAX_HEIGHT = 360;

/** A list of rules in the rules page's columns (Action, Priority, Protocol, Port, Object, Description). */
export function RulesTable({
  label,
  rules,
  names,
}: {
  label: string;
  rules: readonly RuleView[];
  names: GroupNames;
}) {
  const t = useT();
  return (
    <VirtualTable
      label={label}
      rows={rules}
      columns={ruleColumns<RuleView>({ t, names, rule: (rule) => rule })}
      rowKey={(rule) => ruleRowKey(rule, rule.direction)}
      emptyText={t('rules.none')}
      height={Math.min(MAX_HEIGHT, Math.max(1, rules.length) * ROW_HEIGHT)}
    />
  );
}
