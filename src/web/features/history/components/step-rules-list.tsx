import { Space, Tag, Typography } from 'antd';
import type { RestoreDetail } from '../../../../server/contract';
import type { GroupNames } from '../../../components/rule-format';
import { RequestIdText } from '../../../components/request-id-text';
import { stepLabel } from '../../../components/restore-steps';
import { useT } from '../../../i18n/use-t';
import { RulesTable } from './rules-table';
import { statusColor } from '../../../components/restore-labels';

const stepStatusKey = {
  applied: 'restore.stepApplied',
  failed: 'restore.stepFailed',
  running: 'restore.stepRunning',
  pending: 'restore.stepPending',
  unknown: 'restore.stepUnknown',
} as const;

const stepStatusColor = {
  pending: 'default',
  running: 'processing',
  applied: 'success',
  failed: 'error',
  unknown: 'warning',
} as const;

/** Each step with the rules it carried, its outcome and the RequestId ECS answered it with. */
export function StepRulesList({ restore, names }: { restore: RestoreDetail; names: GroupNames }) {
  const t = useT();
  if (restore.steps.length === 0) return null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {restore.steps.map((step) => {
        const title = `${step.index + 1}. ${stepLabel(step, t)}`;
        return (
          <section key={`${step.attempt ?? 1}-${step.id}`} aria-label={title}>
            <Space wrap size={4}>
              <Typography.Text strong>{title}</Typography.Text>
              <Tag color={stepStatusColor[step.status]}>{t(stepStatusKey[step.status])}</Tag>
              {(step.attempt ?? 1) > 1 && (
                <Tag color={statusColor.running}>
                  {t('auditHistory.attempt', { attempt: step.attempt ?? 1 })}
                </Tag>
              )}
              <Typography.Text
                type="secondary"
                copyable={step.requestId ? { text: step.requestId } : false}
              >
                {step.requestId ? (
                  <RequestIdText requestId={step.requestId} />
                ) : (
                  t('auditHistory.noRequestId')
                )}
              </Typography.Text>
            </Space>
            <RulesTable
              label={t('auditHistory.stepRules', { step: title })}
              rules={step.rules}
              names={names}
            />
          </section>
        );
      })}
    </Space>
  );
}
