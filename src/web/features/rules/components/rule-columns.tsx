import type { RuleView } from '../../../../server/contract';
import { ruleColumns } from '../../../components/rule-columns';
import type { GroupNames } from '../../../components/rule-format';
import type { VirtualColumn } from '../../../components/virtual-table';
import type { Translate } from '../../../i18n/translate';

/** The columns of the rules table (SPEC 3.3): the shared rule columns and Created, each sortable. */
export function rulesPageColumns(
  t: Translate,
  names: GroupNames,
  formatTime: (value?: string) => string,
): VirtualColumn<RuleView>[] {
  return [
    ...ruleColumns<RuleView>({ t, names, rule: (rule) => rule }),
    {
      key: 'created',
      title: t('rules.colCreated'),
      width: '190px',
      render: (r) => formatTime(r.meta.createTime),
      sortValue: (r) => r.meta.createTime ?? '',
    },
  ];
}
