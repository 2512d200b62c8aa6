import { useMemo, useState, type ReactNode } from 'react';
import { Checkbox, Flex, Input, Space, Tabs, Tag, Typography } from 'antd';
import type { PreviewResponse } from '../../../server/contract';
import { useT } from '../../i18n/use-t';
import type { GroupNames } from '../rule-format';
import { Heading } from '../headings';
import { NotRestorableTable } from './not-restorable-table';
import { directionCounts, previewRows } from './preview-rows';
import { PreviewTable, previewSearchText } from './preview-table';
import { SelectAll } from './select-all';

type Direction = 'ingress' | 'egress';

interface DiffTabsProps {
  /** The two directions of a diff (a preview's, or a comparison of two points). */
  diff: Pick<PreviewResponse, 'ingress' | 'egress'>;
  mode: 'completely' | 'partially';
  names: GroupNames;
  /** Prefix of each table's accessible name, e.g. "Preview" gives "Preview: Inbound". */
  tableLabel: string;
  /** Removals the rule limit moves before the additions (marked in the tables). */
  early?: ReadonlySet<string>;
  /** The sum a "Removed first" tag's tooltip gives. */
  arithmetic?: string;
  /** More controls on the search row (the preview's Copy plan). */
  toolbarExtra?: ReactNode;
  /** The rule identities left as they are (cherry-pick); shown unticked and greyed. */
  excluded?: ReadonlySet<string>;
  /** When given, each row the restore applies gets a checkbox, with select-all boxes. */
  onPick?: (identities: string[], apply: boolean) => void;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The diff view shared by the preview and the snapshot comparison: Changes only and search, then
 * one tab per direction with its counts, its rules marked by category and its not-restorable rules.
 */
export function DiffTabs({
  diff,
  mode,
  names,
  tableLabel,
  early,
  arithmetic,
  toolbarExtra,
  excluded = NONE,
  onPick,
}: DiffTabsProps) {
  const t = useT();
  const [direction, setDirection] = useState<Direction>('ingress');
  const [changesOnly, setChangesOnly] = useState(false);
  const [search, setSearch] = useState('');

  const allRowsOf = useMemo(
    () => ({
      ingress: previewRows(diff.ingress, early, mode),
      egress: previewRows(diff.egress, early, mode),
    }),
    [diff, early, mode],
  );
  const rowsOf = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const build = (d: Direction) =>
      allRowsOf[d].filter(
        (row) =>
          (!changesOnly || row.category !== 'unchanged') &&
          (!needle || previewSearchText(row, t, names, mode).includes(needle)),
      );
    return { ingress: build('ingress'), egress: build('egress') };
  }, [allRowsOf, changesOnly, search, t, names, mode]);

  const notRestorableTotal = diff.ingress.notRestorable.length + diff.egress.notRestorable.length;
  const directionLabel = (d: Direction) => t(d === 'ingress' ? 'rules.inbound' : 'rules.outbound');
  const tabContent = (d: Direction) => {
    const counts = directionCounts(diff[d]);
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space
          size={4}
          wrap
          aria-label={t('restore.directionCounts', { direction: directionLabel(d) })}
        >
          <Tag color="success">
            + {t('restore.added')}: {counts.added}
          </Tag>
          <Tag color="error">
            − {t(mode === 'completely' ? 'restore.removed' : 'restore.kept')}: {counts.removed}
          </Tag>
          <Tag color="warning">
            ~ {t('restore.changed')}: {counts.changed}
          </Tag>
          <Tag>
            {t('restore.unchanged')}: {counts.unchanged}
          </Tag>
          <Tag>
            {t('restore.notRestorable')}: {counts.notRestorable}
          </Tag>
        </Space>
        {onPick && (
          <SelectAll
            rows={allRowsOf[d]}
            excluded={excluded}
            onPick={onPick}
            direction={directionLabel(d)}
            mode={mode}
          />
        )}
        <PreviewTable
          label={`${tableLabel}: ${directionLabel(d)}`}
          rows={rowsOf[d]}
          mode={mode}
          names={names}
          excluded={excluded}
          {...(arithmetic === undefined ? {} : { arithmetic })}
          {...(onPick ? { onPick } : {})}
        />
        {diff[d].notRestorable.length > 0 && (
          <section
            aria-label={t('restore.notRestorableGroup', { count: diff[d].notRestorable.length })}
          >
            <Heading level={4} looksLike={5}>
              {t('restore.notRestorableGroup', { count: diff[d].notRestorable.length })}
            </Heading>
            <Typography.Paragraph type="secondary">
              {t('restore.notRestorableHint')}
            </Typography.Paragraph>
            <NotRestorableTable
              items={diff[d].notRestorable}
              names={names}
              label={
                t('restore.notRestorableGroup', { count: diff[d].notRestorable.length }) +
                ': ' +
                directionLabel(d)
              }
            />
          </section>
        )}
      </Space>
    );
  };

  return (
    <>
      <Flex gap="small" wrap align="center">
        <Checkbox checked={changesOnly} onChange={(event) => setChangesOnly(event.target.checked)}>
          {t('restore.changesOnly')}
        </Checkbox>
        <Input.Search
          aria-label={t('restore.search')}
          // A placeholder short enough for a phone; the whole hint is the box's description.
          placeholder={t('phoneLayout.previewSearchShort')}
          title={t('restore.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          allowClear
          style={{ width: 280, maxWidth: '100%' }}
        />
        {toolbarExtra}
        {notRestorableTotal > 0 && (
          <Tag>{t('restore.notRestorableGroup', { count: notRestorableTotal })}</Tag>
        )}
      </Flex>
      <Tabs
        activeKey={direction}
        onChange={(key) => setDirection(key as Direction)}
        items={(['ingress', 'egress'] as const).map((d) => {
          const c = directionCounts(diff[d]);
          return {
            key: d,
            label: `${directionLabel(d)} (+${c.added} −${c.removed} ~${c.changed})`,
            children: d === direction ? tabContent(d) : null,
          };
        })}
      />
    </>
  );
}
