import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Flex, Input, Space, Tabs, Tag, Typography } from 'antd';
import type {
  PreviewResponse,
  RestoreOptions as PreviewOptions,
  WarningView,
} from '../../../server/contract';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import type { GroupNames } from '../rule-format';
import { Heading } from '../headings';
import { summaryLine } from '../restore-summary';
import { useToast } from '../toast';
import { NotRestorableTable } from './not-restorable-table';
import { directionCounts, planJson, previewRows } from './preview-rows';
import { PreviewTable, previewSearchText } from './preview-table';
import { TrafficEffectPanel } from './traffic-effect-panel';

interface PreviewPanelProps {
  preview: PreviewResponse;
  names: GroupNames;
  /** When given, the opt-ins of SPEC 6 are offered as checkboxes. */
  onOptionsChange?: (options: PreviewOptions) => void;
}

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
export function PreviewPanel({ preview, names, onOptionsChange }: PreviewPanelProps) {
  const t = useT();
  const message = useToast();
  const [direction, setDirection] = useState<Direction>('ingress');
  const [changesOnly, setChangesOnly] = useState(false);
  const [search, setSearch] = useState('');
  const mode = preview.mode;

  const rowsOf = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const build = (d: Direction) =>
      previewRows(preview[d]).filter(
        (row) =>
          (!changesOnly || row.category !== 'unchanged') &&
          (!needle || previewSearchText(row, t, names, mode).includes(needle)),
      );
    return { ingress: build('ingress'), egress: build('egress') };
  }, [preview, changesOnly, search, t, names, mode]);

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
    preview.options.retargetSelfReferences ||
    preview.warnings.some((w) => w.kind === 'self-reference');

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
        <PreviewTable
          label={t('restore.preview') + ': ' + directionLabel(d)}
          rows={rowsOf[d]}
          mode={mode}
          names={names}
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
      <Typography.Text type="secondary">
        {preview.plan.makeBeforeBreak
          ? t('restore.order')
          : t('restore.orderBroken', { count: preview.plan.earlyRemovals.length })}{' '}
        ({t('restore.calls', { steps: preview.plan.steps.length, calls: preview.plan.calls })})
      </Typography.Text>
      {preview.warnings.map((warning) => (
        <Alert key={warning.kind} type="warning" showIcon title={warningText(warning, t)} />
      ))}
      <TrafficEffectPanel traffic={preview.traffic} />
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
