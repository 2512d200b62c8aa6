import { Alert, Button, Space, Typography } from 'antd';
import type { PreflightFailureView, RuleView } from '../../server/contract';
import type { Translate } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { DataTable, type DataColumn } from './data-table';
import type { GroupNames } from './rule-format';
import { ruleColumns } from './rule-columns';
import { ruleRowKey } from './rule-row-key';

/** Rules listed under a check before "and N more": enough to recognise them, not a second preview. */
const SHOWN_RULES = 5;

/** What Completely Restore would leave in the source: for the "use Completely" way out. */
export interface CompletelyResult {
  rules: number;
  references: number;
}

function groupList(ids: readonly string[], names: GroupNames): string {
  return ids.map((id) => (names.get(id) ? `${names.get(id)} (${id})` : id)).join(', ');
}

/** The sentence of a failed check, with its numbers. */
export function checkText(check: PreflightFailureView, t: Translate, names: GroupNames): string {
  const n = check.rules.length;
  switch (check.code) {
    case 'rule-limit':
      return t('preflight.ruleLimit', { peak: check.peak, limit: check.limit });
    case 'group-reference-limit':
      return t('preflight.referenceLimit', { peak: check.peak, limit: check.limit });
    case 'eni-rule-limit':
      return t('preflight.eniLimit', { count: check.enis.length, limit: check.limit });
    case 'enterprise-group-reference':
      return t('preflight.enterpriseRef', { count: n });
    case 'reference-missing':
      return t('preflight.missing', { count: n, groups: groupList(check.groupIds, names) });
    case 'reference-other-vpc':
      return t('preflight.otherVpc', { count: n, groups: groupList(check.groupIds, names) });
    case 'reference-self':
      return t('preflight.self', { count: n });
    case 'field-priority':
      return t('preflight.priority', { count: n, min: check.min, max: check.max });
    case 'field-description':
      return t('preflight.description', { count: n, limit: check.limit, longest: check.longest });
    case 'field-port-range':
      return t('preflight.portRange', { count: n });
    case 'field-cidr':
      return t('preflight.cidr', { count: n });
    case 'service-managed':
      return t('preflight.serviceManaged');
    case 'port-range-list-classic':
      return t('preflight.classicList', { count: n });
  }
}

/**
 * Whether Completely Restore avoids a count check that Partially fails: its result is the
 * destination's rules, which may fit where the source's plus the destination's do not.
 */
function completelyFits(check: PreflightFailureView, completely?: CompletelyResult): boolean {
  if (!completely) return false;
  if (check.code === 'rule-limit') return completely.rules <= check.limit;
  if (check.code === 'group-reference-limit') return completely.references <= check.limit;
  return false;
}

/** The ways out of a check that exist in this console (no cherry-picking yet). */
function waysOut(check: PreflightFailureView, t: Translate): string[] {
  switch (check.code) {
    case 'rule-limit':
      return [t('preflight.wayFewerRules'), t('preflight.wayRuleLimit', { limit: check.limit })];
    case 'group-reference-limit':
      return [t('preflight.wayFewerReferences')];
    case 'eni-rule-limit':
      return [t('preflight.wayEni')];
    case 'enterprise-group-reference':
      return [t('preflight.wayEnterprise')];
    case 'reference-missing':
      return [t('preflight.wayMissing')];
    case 'reference-other-vpc':
      return [t('preflight.wayOtherVpc')];
    case 'reference-self':
      return [t('preflight.waySelf')];
    case 'field-priority':
    case 'field-description':
    case 'field-port-range':
    case 'field-cidr':
      return [t('preflight.wayFields')];
    case 'service-managed':
      return [t('preflight.wayServiceManaged')];
    case 'port-range-list-classic':
      return [t('preflight.wayClassic')];
  }
}

/** The first few rules a check concerns, in the columns every rule table shares. */
function ConcernedRules({
  rules,
  names,
  caption,
}: {
  rules: readonly RuleView[];
  names: GroupNames;
  caption: string;
}) {
  const t = useT();
  const columns: DataColumn<RuleView>[] = ruleColumns<RuleView>({
    t,
    names,
    rule: (rule) => rule,
    sortable: [],
  }).map(({ key, title, render }) => ({ key, title, render }));
  const shown = rules.slice(0, SHOWN_RULES);
  return (
    <div>
      <DataTable
        caption={caption}
        rows={shown}
        columns={columns}
        rowKey={(rule) => ruleRowKey(rule, rule.direction)}
        empty={t('restore.noRows')}
      />
      {rules.length > shown.length && (
        <Typography.Text type="secondary">
          {t('preflight.more', { count: rules.length - shown.length })}
        </Typography.Text>
      )}
    </div>
  );
}

interface CheckAlertProps {
  check: PreflightFailureView;
  names: GroupNames;
  completely?: CompletelyResult | undefined;
  onUseCompletely?: (() => void) | undefined;
}

function CheckAlert({ check, names, completely, onUseCompletely }: CheckAlertProps) {
  const t = useT();
  const title = checkText(check, t, names);
  const fits = completelyFits(check, completely);
  const ways = [
    ...(fits && completely
      ? [
          t('preflight.wayCompletely', {
            result: t('preflight.rules', {
              count: check.code === 'rule-limit' ? completely.rules : completely.references,
            }),
          }),
        ]
      : []),
    ...waysOut(check, t),
  ];
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      action={
        fits && onUseCompletely ? (
          <Button size="small" onClick={onUseCompletely}>
            {t('preflight.useCompletely')}
          </Button>
        ) : undefined
      }
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {(check.code === 'rule-limit' || check.code === 'group-reference-limit') && (
            <span>
              {t('preflight.countDetail', {
                before: check.before,
                added: check.added,
                removed: check.removed,
              })}
            </span>
          )}
          {check.code === 'eni-rule-limit' && (
            <ul style={{ margin: 0 }}>
              {check.enis.map((eni) => (
                <li key={eni.eniId}>{t('preflight.eniItem', { eni: eni.eniId, ...eni })}</li>
              ))}
            </ul>
          )}
          <div>
            <Typography.Text strong>{t('preflight.waysOut')}</Typography.Text>
            <ul style={{ margin: 0 }}>
              {ways.map((way) => (
                <li key={way}>{way}</li>
              ))}
            </ul>
          </div>
          {check.rules.length > 0 && (
            <ConcernedRules
              rules={check.rules}
              names={names}
              caption={`${t('preflight.rulesConcerned')}: ${title}`}
            />
          )}
        </Space>
      }
    />
  );
}

interface PreflightChecksProps {
  checks: readonly PreflightFailureView[];
  names: GroupNames;
  /** Under Partially: what Completely would leave, so a count check can offer it as a way out. */
  completely?: CompletelyResult | undefined;
  onUseCompletely?: (() => void) | undefined;
}

/** Every failed pre-flight check as an error: the numbers, the ways out and the rules concerned. */
export function PreflightChecks({
  checks,
  names,
  completely,
  onUseCompletely,
}: PreflightChecksProps) {
  const t = useT();
  if (checks.length === 0) return null;
  return (
    <section aria-label={t('preflight.checksLabel')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {checks.map((check) => (
          <CheckAlert
            key={check.code}
            check={check}
            names={names}
            completely={completely}
            onUseCompletely={onUseCompletely}
          />
        ))}
      </Space>
    </section>
  );
}
