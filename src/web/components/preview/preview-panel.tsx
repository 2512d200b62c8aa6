import { useMemo } from 'react';
import { Alert, Button, Checkbox, Flex, Space, Typography } from 'antd';
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
import { summaryLine } from '../restore-summary';
import { useToast } from '../toast';
import { consistentWarnings } from './preview-warnings';
import { completelyResult, earlyRemovalKeys, planJson } from './preview-rows';
import { DiffTabs } from './diff-tabs';
import { withApplied } from './preview-selection';
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

  const copyPlan = async () => {
    try {
      await navigator.clipboard.writeText(planJson(preview));
      void message.success(t('restore.copied'));
    } catch {
      void message.error(t('restore.copyFailed'));
    }
  };

  const offersSystemRules =
    preview.options.recreateSystemRules ||
    [...preview.ingress.notRestorable, ...preview.egress.notRestorable].some(
      (n) => n.reason === 'system-rule',
    );
  const offersRetarget =
    preview.options.retargetSelfReferences || warnings.some((w) => w.kind === 'self-reference');

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
      {preview.eniQuota.status === 'unavailable' && (
        // The pre-flight check was skipped, not passed: say so rather than stay silent.
        <Alert
          type="warning"
          showIcon
          title={t('rollback.eniUnavailable', {
            action: preview.eniQuota.action,
            code: preview.eniQuota.code,
          })}
          description={preview.eniQuota.message}
        />
      )}
      <TrafficEffectPanel traffic={preview.traffic} />
      {/* Keyed: antd's Space keys unkeyed items by position, so a line shown above (the left-out
          count, a warning) would remount them and lose the packet typed or the tab chosen. */}
      <PacketCheck key="packet" preview={preview} names={names} />
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
      <DiffTabs
        key="diff"
        diff={preview}
        mode={mode}
        names={names}
        tableLabel={t('restore.preview')}
        early={early}
        arithmetic={arithmetic}
        toolbarExtra={<Button onClick={() => void copyPlan()}>{t('restore.copyPlan')}</Button>}
        excluded={excludedSet}
        {...(onPick ? { onPick } : {})}
      />
    </Space>
  );
}
