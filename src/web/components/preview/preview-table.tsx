import { useMemo } from 'react';
import { Checkbox, Space, Tag, Tooltip, theme } from 'antd';
import { useT } from '../../i18n/use-t';
import type { Translate } from '../../i18n/translate';
import type { RuleView } from '../../../server/contract';
import { peerLabel, policyLabel, portLabel, protocolLabel, type GroupNames } from '../rule-format';
import { ruleColumns } from '../rule-columns';
import { ruleSearchText } from '../rule-search';
import { VirtualTable, type VirtualColumn } from '../virtual-table';
import type { PreviewCategory, PreviewRow } from './preview-rows';

interface PreviewTableProps {
  label: string;
  rows: readonly PreviewRow[];
  mode: 'completely' | 'partially';
  names: GroupNames;
  /** The sum a "Removed first" tag's tooltip gives, e.g. "9 + 200 = 209 > 200". */
  arithmetic?: string;
  /** Cherry-pick: the identities left as they are; rows with an identity get a checkbox. */
  excluded?: ReadonlySet<string>;
  /** Ticks (`apply`) or unticks rows by identity; without it no checkbox is shown. */
  onPick?: (identities: string[], apply: boolean) => void;
}

const NONE: ReadonlySet<string> = new Set();

/** A rule in a few words for a checkbox's name: "Allow TCP 22 0.0.0.0/0 temporary debug SSH". */
function ruleLabel(rule: RuleView, t: Translate, names: GroupNames): string {
  return [
    policyLabel(rule, t),
    protocolLabel(rule, t),
    portLabel(rule, t),
    peerLabel(rule, t, names),
    rule.description,
  ]
    .filter((part) => part !== '')
    .join(' ');
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

/** One direction of a preview: every rule with its category, virtualized. */
export function PreviewTable({
  label,
  rows,
  mode,
  names,
  arithmetic,
  excluded = NONE,
  onPick,
}: PreviewTableProps) {
  const t = useT();
  const { token } = theme.useToken();
  const anyEarly = rows.some((row) => row.early);
  const isExcluded = (row: PreviewRow) => row.identity !== undefined && excluded.has(row.identity);
  const columns = useMemo<VirtualColumn<PreviewRow>[]>(
    () => [
      ...(onPick
        ? [
            {
              key: 'pick',
              title: t('cherry.applyColumn'),
              titleHidden: true,
              width: '40px',
              // On a phone too: a choice hidden behind a row's expander would go unseen.
              narrowWidth: '24px',
              essential: true,
              render: (row: PreviewRow) => {
                const identity = row.identity;
                if (identity === undefined) return null;
                return (
                  <Checkbox
                    checked={!excluded.has(identity)}
                    aria-label={t('cherry.apply', {
                      change: categoryLabel(row.category, mode, t),
                      rule: ruleLabel(row.rule, t, names),
                    })}
                    onChange={(event) => onPick([identity], event.target.checked)}
                  />
                );
              },
            },
          ]
        : []),
      {
        key: 'category',
        title: t('restore.category'),
        width: anyEarly ? '230px' : excluded.size > 0 ? '210px' : '130px',
        narrowWidth: anyEarly ? 'minmax(96px, 1fr)' : '72px',
        essential: true,
        render: (row) => (
          <Space size={4}>
            <strong>{categoryLabel(row.category, mode, t)}</strong>
            {row.identity !== undefined && excluded.has(row.identity) && (
              <Tag>{t('cherry.leftAsIs')}</Tag>
            )}
            {row.early && (
              <Tooltip title={t('preflight.removedFirstTip', { arithmetic: arithmetic ?? '' })}>
                <Tag color="warning">{t('preflight.removedFirst')}</Tag>
              </Tooltip>
            )}
          </Space>
        ),
        sortValue: (row) => row.category,
      },
      ...ruleColumns<PreviewRow>({
        t,
        names,
        rule: (row) => row.rule,
        before: (row) => row.before,
        sortable: ['priority', 'peer'],
      }),
    ],
    [t, mode, names, anyEarly, arithmetic, excluded, onPick],
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
      rowKey={(row) => row.key}
      rowStyle={(row) =>
        // An excluded row is left as it is: no change colour, greyed (still readable).
        isExcluded(row)
          ? { background: token.colorBgLayout, color: token.colorTextSecondary }
          : background[row.category]
            ? { background: background[row.category] }
            : undefined
      }
      emptyText={t('restore.noRows')}
      height={360}
    />
  );
}

/** Text the preview search matches: the category and the rule, both sides of a change included. */
export function previewSearchText(
  row: PreviewRow,
  t: Translate,
  names: GroupNames,
  mode: 'completely' | 'partially',
): string {
  return [
    categoryLabel(row.category, mode, t).toLowerCase(),
    ...(row.early ? [t('preflight.removedFirst').toLowerCase()] : []),
    ruleSearchText(row.rule, t, names),
    ...(row.before ? [ruleSearchText(row.before, t, names)] : []),
  ].join(' ');
}
