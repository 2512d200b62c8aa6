import { useMemo } from 'react';
import { useT } from '../../i18n/use-t';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
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
  const narrow = useNarrowScreen();
  const columns = useMemo<VirtualColumn<NotRestorableView>[]>(() => {
    const why = (item: NotRestorableView) =>
      t('phone2.reasonOf', {
        side: t(item.side === 'source' ? 'restore.sideSource' : 'restore.sideDestination'),
        reason: reasonText(item, t),
      });
    // On a phone a sentence has no room beside the rule: the row keeps the marker (its words for
    // screen readers) and the reason is read, wrapped, in the row's details.
    const reason: VirtualColumn<NotRestorableView>[] = narrow
      ? [
          {
            key: 'reason',
            title: t('restore.notRestorable'),
            titleHidden: true,
            width: '28px',
            essential: true,
            render: (item) => (
              <strong className="rr-change-marker" title={why(item)}>
                <span aria-hidden="true">⊘</span>
                <span className="rr-visually-hidden">{why(item)}</span>
              </strong>
            ),
          },
          {
            key: 'why',
            title: t('phone2.reason'),
            width: '0px',
            detailLines: 3,
            render: why,
          },
        ]
      : [
          {
            key: 'reason',
            title: t('restore.notRestorable'),
            width: 'minmax(260px, 3fr)',
            essential: true,
            render: (item) => <span title={why(item)}>⊘ {why(item)}</span>,
          },
        ];
    return [
      ...reason,
      // No Description column: the reason takes its room.
      ...ruleColumns<NotRestorableView>({
        t,
        names,
        rule: (item) => item.rule,
        sortable: [],
        omit: ['description'],
      }),
    ];
  }, [t, names, narrow]);
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
