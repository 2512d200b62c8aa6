import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Flex, Input, Space, Tabs, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type {
  PreviewResponse,
  RestoreMode,
  RestoreOptions as PreviewOptions,
  Session,
  WarningView,
} from '../../../server/contract';
import { queryKeys } from '../../lib/query-keys';
import { PreflightChecks } from '../preflight-checks';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import type { GroupNames } from '../rule-format';
import { Heading } from '../headings';
import { summaryLine } from '../restore-summary';
import { useToast } from '../toast';
import { NotRestorableTable } from './not-restorable-table';
import { consistentWarnings } from './preview-warnings';
import {
  completelyResult,
  directionCounts,
  earlyRemovalKeys,
  planJson,
  previewRows,
  type PreviewRow,
} from './preview-rows';
import { groupState, withApplied } from './preview-selection';
import { PreviewTable, previewSearchText } from './preview-table';
import { PacketCheck } from './packet-check';
import { TrafficEffectPanel } from './traffic-effect-panel';

interface PreviewPanelProps {
  preview: PreviewResponse;
  names: GroupNames;
  /** When given, the opt-ins of SPEC 6 are offered as checkboxes. */
  onOptionsChange?: (options: PreviewOptions) => void;
  /** When given, a check that Completely Restore avoids offers a button that switches to it. */
  onModeChange?: (mode: RestoreMode) => void;
  /** The rule identities the user unticked (may run ahead of `preview.selection`). */
  excluded?: readonly string[];
  /** When given, each row the restore applies gets a checkbox (cherry-pick). */
  onExcludedChange?: (excluded: string[]) => void;
}

const PICKED_CATEGORIES = ['added', 'removed', 'changed'] as const;

type Direction = 'ingress' | 'egress';

function warningText(warning: WarningView, t: Translate): string {
  const count = warning.rules.length;
  switch (warning.kind) {
    case 'open-ssh-to-world':
      return t('restore.warnSsh', { count });
    case 'open-rdp-to-world':
      return t('restore.warnRdp', { count });
    case 'open-all-to-world':
      return t('restore.warnAll', { count });
    case 'rule-limit-early-removals':
      return t('restore.warnEarly', { count });
    case 'self-reference':
      return t('restore.warnSelfRef', { count });
  }
}

/** What a restore would change: summary, warnings, per-direction tables, the not-restorable rules. */
export function PreviewPanel({
  preview,
  names,
  onOptionsChange,
  onModeChange,
  excluded = preview.selection.excluded,
  onExcludedChange,
}: PreviewPanelProps) {
  const t = useT();
  // The session is loaded before any page shows (first-screen prefetch); without it the sum
  // is given without the limit rather than with a guessed one.
  const ruleLimit = useQueryClient().getQueryData<Session>(queryKeys.session())?.ruleLimit;
  const message = useToast();
  const [direction, setDirection] = useState<Direction>('ingress');
  const [changesOnly, setChangesOnly] = useState(false);
  const [search, setSearch] = useState('');
  const mode = preview.mode;

  const early = useMemo(() => earlyRemovalKeys(preview), [preview]);
  const warnings = useMemo(() => consistentWarnings(preview), [preview]);
  const before = preview.source.ruleCount;
  const sum = before + preview.summary.added;
  const arithmetic = `${before} + ${preview.summary.added} = ${sum}${ruleLimit !== undefined && sum > ruleLimit ? ` > ${ruleLimit}` : ''}`;

  const excludedSet = useMemo(() => new Set(excluded), [excluded]);
  const onPick = useMemo(
    () =>
      onExcludedChange
        ? (identities: string[], apply: boolean) =>
            onExcludedChange(withApplied(excluded, identities, apply))
        : undefined,
    [excluded, onExcludedChange],
  );
  const allRowsOf = useMemo(
    () => ({
      ingress: previewRows(preview.ingress, early, mode),
      egress: previewRows(preview.egress, early, mode),
    }),
    [preview, early, mode],
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

  const copyPlan = async () => {
    try {
      await navigator.clipboard.writeText(planJson(preview));
      void message.success(t('restore.copied'));
    } catch {
      void message.error(t('restore.copyFailed'));
    }
  };

  const notRestorableTotal =
    preview.ingress.notRestorable.length + preview.egress.notRestorable.length;
  const offersSystemRules =
    preview.options.recreateSystemRules ||
    [...preview.ingress.notRestorable, ...preview.egress.notRestorable].some(
      (n) => n.reason === 'system-rule',
    );
  const offersRetarget =
    preview.options.retargetSelfReferences || warnings.some((w) => w.kind === 'self-reference');

  const directionLabel = (d: Direction) => t(d === 'ingress' ? 'rules.inbound' : 'rules.outbound');
  const tabContent = (d: Direction) => {
    const counts = directionCounts(preview[d]);
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
            excluded={excludedSet}
            onPick={onPick}
            direction={directionLabel(d)}
            mode={mode}
          />
        )}
        <PreviewTable
          label={t('restore.preview') + ': ' + directionLabel(d)}
          rows={rowsOf[d]}
          mode={mode}
          names={names}
          arithmetic={arithmetic}
          excluded={excludedSet}
          {...(onPick ? { onPick } : {})}
        />
        {preview[d].notRestorable.length > 0 && (
          <section
            aria-label={t('restore.notRestorableGroup', { count: preview[d].notRestorable.length })}
          >
            <Heading level={4} looksLike={5}>
              {t('restore.notRestorableGroup', { count: preview[d].notRestorable.length })}
            </Heading>
            <Typography.Paragraph type="secondary">
              {t('restore.notRestorableHint')}
            </Typography.Paragraph>
            <NotRestorableTable
              items={preview[d].notRestorable}
              names={names}
              label={
                t('restore.notRestorableGroup', { count: preview[d].notRestorable.length }) +
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
    <Space orientation="vertical" style={{ width: '100%' }}>
      <p aria-live="polite" style={{ margin: 0, fontWeight: 600 }}>
        {summaryLine(preview.mode, preview.summary, t)}
      </p>
      {preview.selection.excluded.length > 0 && (
        <Flex gap="small" align="center" wrap>
          <Typography.Text>
            {t('cherry.excludedCount', { count: preview.selection.excluded.length })}
          </Typography.Text>
          {onExcludedChange && (
            <Button size="small" onClick={() => onExcludedChange([])}>
              {t('cherry.includeAll')}
            </Button>
          )}
        </Flex>
      )}
      <PreflightChecks
        checks={preview.checks}
        names={names}
        completely={mode === 'partially' ? completelyResult(preview) : undefined}
        onUseCompletely={onModeChange ? () => onModeChange('completely') : undefined}
      />
      <Typography.Text type="secondary">
        {preview.plan.makeBeforeBreak && `${t('restore.order')} `}(
        {t('restore.calls', { steps: preview.plan.steps.length, calls: preview.plan.calls })})
      </Typography.Text>
      {!preview.plan.makeBeforeBreak && (
        // The order and the rule limit's early removals, said once.
        <Alert
          type="warning"
          showIcon
          title={t('preflight.early', { count: preview.plan.earlyRemovals.length, arithmetic })}
        />
      )}
      {warnings.map((warning) => (
        <Alert key={warning.kind} type="warning" showIcon title={warningText(warning, t)} />
      ))}
      <TrafficEffectPanel traffic={preview.traffic} />
      <PacketCheck preview={preview} names={names} />
      {onOptionsChange && (offersSystemRules || offersRetarget) && (
        <Space orientation="vertical" size={0}>
          {offersSystemRules && (
            <Checkbox
              checked={preview.options.recreateSystemRules}
              onChange={(event) =>
                onOptionsChange({ ...preview.options, recreateSystemRules: event.target.checked })
              }
            >
              {t('restore.optRecreateSystemRules')}
            </Checkbox>
          )}
          {offersRetarget && (
            <Checkbox
              checked={preview.options.retargetSelfReferences}
              onChange={(event) =>
                onOptionsChange({
                  ...preview.options,
                  retargetSelfReferences: event.target.checked,
                })
              }
            >
              {t('restore.optRetargetSelfReferences')}
            </Checkbox>
          )}
        </Space>
      )}
      <Flex gap="small" wrap align="center">
        <Checkbox checked={changesOnly} onChange={(event) => setChangesOnly(event.target.checked)}>
          {t('restore.changesOnly')}
        </Checkbox>
        <Input.Search
          aria-label={t('restore.search')}
          placeholder={t('restore.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          allowClear
          style={{ width: 280 }}
        />
        <Button onClick={() => void copyPlan()}>{t('restore.copyPlan')}</Button>
        {notRestorableTotal > 0 && (
          <Tag>{t('restore.notRestorableGroup', { count: notRestorableTotal })}</Tag>
        )}
      </Flex>
      <Tabs
        activeKey={direction}
        onChange={(key) => setDirection(key as Direction)}
        items={(['ingress', 'egress'] as const).map((d) => {
          const c = directionCounts(preview[d]);
          return {
            key: d,
            label: `${directionLabel(d)} (+${c.added} −${c.removed} ~${c.changed})`,
            children: d === direction ? tabContent(d) : null,
          };
        })}
      />
    </Space>
  );
}

interface SelectAllProps {
  rows: readonly PreviewRow[];
  excluded: ReadonlySet<string>;
  onPick: (identities: string[], apply: boolean) => void;
  direction: string;
  mode: RestoreMode;
}

/** The tri-state boxes of one direction: every change, then each category with rows to pick. */
function SelectAll({ rows, excluded, onPick, direction, mode }: SelectAllProps) {
  const t = useT();
  const all = groupState(rows, excluded);
  if (all.identities.length === 0) return null;
  const box = (state: ReturnType<typeof groupState>, label: string, key: string) => (
    <Checkbox
      key={key}
      checked={state.checked}
      indeterminate={state.indeterminate}
      onChange={(event) => onPick(state.identities, event.target.checked)}
    >
      {label}
    </Checkbox>
  );
  return (
    <Flex gap="small" wrap align="center">
      {box(all, t('cherry.allInDirection', { direction }), 'all')}
      {PICKED_CATEGORIES.map((category) => {
        const state = groupState(
          rows.filter((row) => row.category === category),
          excluded,
        );
        if (state.identities.length === 0) return null;
        const name = t(
          category === 'added'
            ? 'restore.added'
            : category === 'changed'
              ? 'restore.changed'
              : mode === 'completely'
                ? 'restore.removed'
                : 'restore.kept',
        );
        return box(state, t('cherry.allOfCategory', { category: name, direction }), category);
      })}
    </Flex>
  );
}
