import { Space, Steps, Tag, Typography } from 'antd';
import type { StepOutcome } from '../../server/contract';
import type { Translate } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { ErrorDetails } from './error-sentence';
import { RequestIdText } from './request-id-text';
import { StepRetries } from './step-retries';

/**
 * What the read after an unanswered call found: "ECS did not confirm this step; a read shows it
 * was applied (12 of 12 rules present)". For a removal, the rules counted are the ones gone.
 */
export function outcomeText(step: StepOutcome, t: Translate): string | undefined {
  const outcome = step.outcome;
  if (!outcome) return step.status === 'unknown' ? t('preflight.outcomeUnresolved') : undefined;
  if (outcome.applied === 'unresolved') return t('preflight.outcomeUnresolved');
  const total = outcome.present + outcome.absent;
  const evidence = t(step.action === 'revoke' ? 'preflight.gone' : 'preflight.present', {
    present: outcome.present,
    total,
  });
  const key =
    outcome.applied === 'applied'
      ? 'preflight.outcomeApplied'
      : outcome.applied === 'not-applied'
        ? 'preflight.outcomeNotApplied'
        : 'preflight.outcomePartly';
  return t(key, { evidence });
}

/** "Add 3 inbound rules (opening)". */
export function stepLabel(
  step: Pick<StepOutcome, 'action' | 'direction' | 'ruleCount'>,
  t: Translate,
): string {
  const direction = t(step.direction === 'ingress' ? 'restore.inbound' : 'restore.outbound');
  const key =
    step.action === 'authorize'
      ? 'restore.stepAuthorize'
      : step.action === 'revoke'
        ? 'restore.stepRevoke'
        : 'restore.stepModify';
  return t(key, { count: step.ruleCount, direction });
}

const statusKey = {
  applied: 'restore.stepApplied',
  failed: 'restore.stepFailed',
  running: 'restore.stepRunning',
  pending: 'restore.stepPending',
  unknown: 'restore.stepUnknown',
} as const;

const stepsStatus = {
  applied: 'finish',
  failed: 'error',
  running: 'process',
  pending: 'wait',
  unknown: 'error',
} as const;

interface RestoreStepsProps {
  steps: readonly StepOutcome[];
  /** A step whose error is already on screen (the result's summary), so it is not said twice. */
  errorShownFor?: string | undefined;
}

/** A restore's steps in order, each with its phase, status (as text, not only colour) and error. */
export function RestoreSteps({ steps, errorShownFor }: RestoreStepsProps) {
  const t = useT();
  return (
    <Steps
      orientation="vertical"
      size="small"
      items={steps.map((step) => {
        const outcome = outcomeText(step, t);
        return {
          key: step.id,
          status: stepsStatus[step.status],
          title: `${step.index + 1}. ${stepLabel(step, t)} · ${t(statusKey[step.status])}`,
          content: (
            <Space orientation="vertical" size={0}>
              {outcome && <Typography.Text>{outcome}</Typography.Text>}
              <Space size={4} wrap>
                <Tag>
                  {t(step.phase === 'opening' ? 'restore.phaseOpening' : 'restore.phaseClosing')}
                </Tag>
                {step.early && <Tag color="warning">{t('restore.early')}</Tag>}
                {step.attempts > 1 && (
                  <Typography.Text type="secondary">
                    {t('restore.attempts', { count: step.attempts })}
                  </Typography.Text>
                )}
                {step.requestId && !step.error && (
                  <Typography.Text type="secondary">
                    <RequestIdText requestId={step.requestId} />
                  </Typography.Text>
                )}
              </Space>
              {step.error && step.id !== errorShownFor && <ErrorDetails error={step.error} />}
              {step.outcome?.readError && <ErrorDetails error={step.outcome.readError} />}
              <StepRetries retries={step.retries} />
            </Space>
          ),
        };
      })}
    />
  );
}
