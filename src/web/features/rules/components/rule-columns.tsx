import type { RuleView } from '../../../../server/contract';
import type { VirtualColumn } from '../../../components/virtual-table';
import {
  peerLabel,
  policyLabel,
  portLabel,
  protocolLabel,
  type GroupNames,
} from '../../../components/rule-format';
import type { Translate } from '../../../i18n/translate';

/** The columns of the rules table (SPEC 3.3), each sortable. */
export function ruleColumns(
  t: Translate,
  names: GroupNames,
  formatTime: (value?: string) => string,
): VirtualColumn<RuleView>[] {
  return [
    {
      key: 'policy',
      title: t('rules.colAction'),
      width: '90px',
      render: (r) => policyLabel(r, t),
      sortValue: (r) => r.policy,
    },
    {
      key: 'priority',
      title: t('rules.colPriority'),
      width: '90px',
      render: (r) => r.priority,
      sortValue: (r) => r.priority,
    },
    {
      key: 'protocol',
      title: t('rules.colProtocol'),
      width: '110px',
      render: (r) => protocolLabel(r, t),
      sortValue: (r) => r.protocol,
    },
    {
      key: 'port',
      title: t('rules.colPortRange'),
      width: '120px',
      render: (r) => portLabel(r, t),
      sortValue: (r) => portSortValue(r),
    },
    {
      key: 'peer',
      title: t('rules.colPeer'),
      width: 'minmax(220px, 2fr)',
      render: (r) => <span title={peerLabel(r, t, names)}>{peerLabel(r, t, names)}</span>,
      sortValue: (r) => peerLabel(r, t, names),
    },
    {
      key: 'description',
      title: t('rules.colDescription'),
      width: 'minmax(160px, 2fr)',
      render: (r) => <span title={r.description}>{r.description}</span>,
      sortValue: (r) => r.description,
    },
    {
      key: 'created',
      title: t('rules.colCreated'),
      width: '190px',
      render: (r) => formatTime(r.meta.createTime),
      sortValue: (r) => r.meta.createTime ?? '',
    },
  ];
}

function portSortValue(rule: RuleView): number {
  const from = Number(rule.portRange.split('/')[0]);
  return Number.isFinite(from) ? from : -1;
}
