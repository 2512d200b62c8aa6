import { useMemo } from 'react';
import { Checkbox, Space, Tag, Tooltip, theme } from 'antd';
import { useT } from '../../i18n/use-t';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
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

/** A category's one-character marker, for a phone where its word has no room. */
const MARKER: Record<PreviewCategory, string> = {
  added: '+',
  removed: '−',
  changed: '~',
  unchanged: '=',
};

/**
 * The Change cell on a phone: the marker shown, the whole label read by screen readers and given
 * as a tooltip. The counts above the table ("+ Added: 1", "~ Changed: 2") are its legend, and the
 * row's colour says it again. A row left as it is says so only to screen readers: it is already
 * greyed and its box unticked.
 */
function CompactCategory({
  label,
  category,
  leftAsIs,
}: {
  label: string;
  category: PreviewCategory;
  leftAsIs: string | undefined;
}) {
  const full = leftAsIs ? `${label}, ${leftAsIs}` : label;
  return (
    <strong className="rr-change-marker" title={full}>
      <span aria-hidden="true">{MARKER[category]}</span>
      <span className="rr-visually-hidden">{full}</span>
    </strong>
  );
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
  const narrow = useNarrowScreen();
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
        // The marker alone on a phone; wide enough for the header "Change ↕" on two lines, or for
        // the marker and the "Removed first" tag when the rule limit moves removals first.
        narrowWidth: anyEarly ? 'minmax(112px, 1fr)' : '52px',
        essential: true,
        render: (row) => {
          const leftAsIs =
            row.identity !== undefined && excluded.has(row.identity)
              ? t('cherry.leftAsIs')
              : undefined;
          const label = categoryLabel(row.category, mode, t);
          const earlyTag = row.early && (
            <Tooltip title={t('preflight.removedFirstTip', { arithmetic: arithmetic ?? '' })}>
              <Tag color="warning">{t('preflight.removedFirst')}</Tag>
            </Tooltip>
          );
          return narrow ? (
            <Space size={4}>
              <CompactCategory label={label} category={row.category} leftAsIs={leftAsIs} />
              {earlyTag}
            </Space>
          ) : (
            <Space size={4}>
              <strong>{label}</strong>
              {leftAsIs && <Tag>{leftAsIs}</Tag>}
              {earlyTag}
            </Space>
          );
        },
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
    [t, mode, names, anyEarly, arithmetic, excluded, onPick, narrow],
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
