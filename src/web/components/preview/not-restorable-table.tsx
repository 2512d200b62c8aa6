import { useMemo } from 'react';
import { useT } from '../../i18n/use-t';
import type { Translate } from '../../i18n/translate';
import type { GroupNames } from '../rule-format';
import { ruleColumns } from '../rule-columns';
import { ruleRowKey } from '../rule-row-key';
import { VirtualTable, type VirtualColumn } from '../virtual-table';
import type { NotRestorableView } from './preview-rows';

/** Why a rule cannot be restored, as a sentence. */
export function reasonText(item: NotRestorableView, t: Translate): string {
  switch (item.reason) {
    case 'system-rule':
      return t('restore.reasonSystemRule');
    case 'system-rule-kept':
      return t('restore.reasonSystemRuleKept');
    case 'cross-vpc-reference':
      return t('restore.reasonCrossVpc');
    case 'enterprise-drop':
      return t('restore.reasonEnterpriseDrop');
    case 'enterprise-group-reference':
      return t('restore.reasonEnterpriseGroupRef');
    case 'self-reference':
      return t('restore.reasonSelfReference');
    case 'description-not-clearable':
      return t('restore.reasonDescriptionNotClearable');
  }
}

/** The "Not restorable" group of a preview: each rule with the reason it is skipped. */
export function NotRestorableTable({
  items,
  names,
  label,
}: {
  items: readonly NotRestorableView[];
  names: GroupNames;
  label: string;
}) {
  const t = useT();
  const columns = useMemo<VirtualColumn<NotRestorableView>[]>(
    () => [
      {
        key: 'reason',
        title: t('restore.notRestorable'),
        width: 'minmax(260px, 3fr)',
        // What is left of a phone's width once the four rule columns have theirs.
        narrowWidth: 'minmax(64px, 1fr)',
        essential: true,
        render: (item) => {
          const text = `⊘ ${t(item.side === 'source' ? 'restore.sideSource' : 'restore.sideDestination')}: ${reasonText(item, t)}`;
          return <span title={text}>{text}</span>;
        },
      },
      // No Description column: the reason takes its room.
      ...ruleColumns<NotRestorableView>({
        t,
        names,
        rule: (item) => item.rule,
        sortable: [],
        omit: ['description'],
      }),
    ],
    [t, names],
  );
  return (
    <VirtualTable
      label={label}
      rows={items}
      columns={columns}
      rowKey={(item) => ruleRowKey(item.rule, item.side, item.reason)}
      emptyText={t('restore.noRows')}
      height={240}
    />
  );
}
