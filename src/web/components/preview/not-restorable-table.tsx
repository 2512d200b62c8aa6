import { useMemo } from 'react';
import { useT } from '../../i18n/use-t';
import type { Translate } from '../../i18n/translate';
import {
  peerLabel,
  policyLabel,
  portLabel,
  protocolLabel,
  ruleKey,
  type GroupNames,
} from '../rule-format';
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
        render: (item) => {
          const text = `⊘ ${t(item.side === 'source' ? 'restore.sideSource' : 'restore.sideDestination')}: ${reasonText(item, t)}`;
          return <span title={text}>{text}</span>;
        },
      },
      {
        key: 'policy',
        title: t('rules.colAction'),
        width: '80px',
        render: (item) => policyLabel(item.rule, t),
      },
      {
        key: 'priority',
        title: t('rules.colPriority'),
        width: '80px',
        render: (item) => item.rule.priority,
      },
      {
        key: 'protocol',
        title: t('rules.colProtocol'),
        width: '90px',
        render: (item) => protocolLabel(item.rule, t),
      },
      {
        key: 'port',
        title: t('rules.colPortRange'),
        width: '100px',
        render: (item) => portLabel(item.rule, t),
      },
      {
        key: 'peer',
        title: t('rules.colPeer'),
        width: 'minmax(180px, 2fr)',
        render: (item) => peerLabel(item.rule, t, names),
      },
    ],
    [t, names],
  );
  return (
    <VirtualTable
      label={label}
      rows={items}
      columns={columns}
      rowKey={(item) => `${item.side}:${item.reason}:${ruleKey(item.rule)}`}
      emptyText={t('restore.noRows')}
      height={240}
    />
  );
}
