import { useMemo } from 'react';
import { theme } from 'antd';
import type { RuleView } from '../../../server/contract';
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
import type { PreviewCategory, PreviewRow } from './preview-rows';

interface PreviewTableProps {
  label: string;
  rows: readonly PreviewRow[];
  mode: 'completely' | 'partially';
  names: GroupNames;
}

/** The marker and label of a category: colour is never the only signal. */
export function categoryLabel(
  category: PreviewCategory,
  mode: 'completely' | 'partially',
  t: Translate,
): string {
  switch (category) {
    case 'added':
      return `+ ${t('restore.added')}`;
    case 'removed':
      return `− ${t(mode === 'completely' ? 'restore.removed' : 'restore.kept')}`;
    case 'changed':
      return `~ ${t('restore.changed')}`;
    case 'unchanged':
      return t('restore.unchanged');
  }
}

function beforeAfter(before: string | number | undefined, after: string | number): string {
  return before === undefined || before === after ? String(after) : `${before} → ${after}`;
}

/** One direction of a preview: every rule with its category, virtualized. */
export function PreviewTable({ label, rows, mode, names }: PreviewTableProps) {
  const t = useT();
  const { token } = theme.useToken();
  const columns = useMemo<VirtualColumn<PreviewRow>[]>(
    () => [
      {
        key: 'category',
        title: t('restore.category'),
        width: '130px',
        render: (row) => <strong>{categoryLabel(row.category, mode, t)}</strong>,
        sortValue: (row) => row.category,
      },
      {
        key: 'policy',
        title: t('rules.colAction'),
        width: '80px',
        render: (row) => policyLabel(row.rule, t),
      },
      {
        key: 'priority',
        title: t('rules.colPriority'),
        width: '90px',
        render: (row) => beforeAfter(row.before?.priority, row.rule.priority),
        sortValue: (row) => row.rule.priority,
      },
      {
        key: 'protocol',
        title: t('rules.colProtocol'),
        width: '90px',
        render: (row) => protocolLabel(row.rule, t),
      },
      {
        key: 'port',
        title: t('rules.colPortRange'),
        width: '110px',
        render: (row) => portLabel(row.rule, t),
      },
      {
        key: 'peer',
        title: t('rules.colPeer'),
        width: 'minmax(200px, 2fr)',
        render: (row) => (
          <span title={peerLabel(row.rule, t, names)}>{peerLabel(row.rule, t, names)}</span>
        ),
        sortValue: (row) => peerLabel(row.rule, t, names),
      },
      {
        key: 'description',
        title: t('rules.colDescription'),
        width: 'minmax(160px, 2fr)',
        render: (row) => {
          const text = beforeAfter(row.before?.description, row.rule.description);
          return <span title={text}>{text}</span>;
        },
      },
    ],
    [t, mode, names],
  );
  const background: Record<PreviewCategory, string | undefined> = {
    added: token.colorSuccessBg,
    removed: token.colorErrorBg,
    changed: token.colorWarningBg,
    unchanged: undefined,
  };
  return (
    <VirtualTable
      label={label}
      rows={rows}
      columns={columns}
      rowKey={(row) => `${row.key}:${ruleKey(row.rule)}`}
      rowStyle={(row) =>
        background[row.category] ? { background: background[row.category] } : undefined
      }
      emptyText={t('restore.noRows')}
      height={360}
    />
  );
}

/** Text the preview search matches, both sides of a change included. */
export function previewSearchText(
  row: PreviewRow,
  t: Translate,
  names: GroupNames,
  mode: 'completely' | 'partially',
): string {
  const parts = (rule: RuleView) => [
    policyLabel(rule, t),
    protocolLabel(rule, t),
    portLabel(rule, t),
    peerLabel(rule, t, names),
    rule.localCidr,
    rule.description,
    String(rule.priority),
  ];
  return [
    categoryLabel(row.category, mode, t),
    ...parts(row.rule),
    ...(row.before ? parts(row.before) : []),
  ]
    .join(' ')
    .toLowerCase();
}
