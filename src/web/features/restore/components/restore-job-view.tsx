import { useState } from 'react';
import { Alert, Button, Collapse, Progress, Result, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { RestoreDetail, StepOutcome } from '../../../../server/contract';
import { ErrorDetails, ErrorSentence } from '../../../components/error-sentence';
import { Heading } from '../../../components/headings';
import { RestoreSteps, stepLabel } from '../../../components/restore-steps';
import { RevertPreviewModal } from '../../../components/revert-preview-modal';
import { seconds } from '../../../components/step-retries';
import { StepRules } from '../../../components/step-rules';
import type { Translate } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { isRestoreActive, restoreQueries } from '../../../lib/restore-queries';
import { paths } from '../../../lib/paths';
import { useRefreshWhenRestoreEnds } from '../../../lib/use-refresh-when-restore-ends';
import { AutoRevertPanel } from './auto-revert-panel';
import { StopAfterStep } from './stop-after-step';

interface RestoreJobViewProps {
  restoreId: string;
  onFollow: (restoreId: string) => void;
  onClose: () => void;
}

/**
 * A restore job as the server reports it: progress by step while it runs, then success with
 * counts, or a partial failure with Retry remaining and Roll back.
 */
export function RestoreJobView({ restoreId, onFollow, onClose }: RestoreJobViewProps) {
  const t = useT();
  const job = useQuery(restoreQueries.detail(restoreId));
  const [followUp, setFollowUp] = useState<'retry' | 'rollback' | null>(null);
  const detail = job.data;
  useRefreshWhenRestoreEnds(detail);

  if (job.isPending) return <Skeleton active />;
  if (!detail) {
    return (
      <ErrorSentence
        title={t('history.loadError')}
        error={job.error}
        onRetry={() => void job.refetch()}
      />
    );
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {isRestoreActive(detail) ? (
        <Running detail={detail} />
      ) : (
        <Finished detail={detail} onClose={onClose} />
      )}
      <StopAfterStep
        restoreId={detail.id}
        applying={isRestoreActive(detail) && detail.phase !== 'verifying'}
      />
      <AutoRevertPanel restoreId={detail.id} />
      {resumable(detail) ? (
        <Space wrap>
          <Button type="primary" onClick={() => setFollowUp('retry')}>
            {t('restore.retryRemaining')}
          </Button>
          {detail.stepsApplied > 0 ? (
            <Button danger onClick={() => setFollowUp('rollback')}>
              {t('restore.rollBack')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('restore.nothingToRollBack')}</Typography.Text>
          )}
        </Space>
      ) : null}
      {followUp && (
        <RevertPreviewModal
          restore={detail}
          kind={followUp}
          onClose={() => setFollowUp(null)}
          onStarted={onFollow}
        />
      )}
      <AttemptSections detail={detail} />
    </Space>
  );
}

/** A restore that Retry remaining and Roll back work from. */
function resumable(detail: RestoreDetail): boolean {
  return ['failed', 'interrupted', 'stopped'].includes(detail.status);
}

/** The attempt the restore is on (the server's own number; 1 before any Retry remaining). */
function currentAttempt(detail: RestoreDetail): number {
  return detail.attempt ?? Math.max(1, ...detail.steps.map((s) => s.attempt ?? 1));
}

function stepsOfAttempt(detail: RestoreDetail, attempt: number): StepOutcome[] {
  return detail.steps.filter((s) => (s.attempt ?? 1) === attempt);
}

/** The step the current attempt stopped at; its error is shown in the result's summary. */
function failedStepOf(detail: RestoreDetail) {
  return stepsOfAttempt(detail, currentAttempt(detail)).find(
    (s) => s.status === 'failed' || s.status === 'unknown',
  );
}

/** "Attempt 2 — retry remaining", and for an earlier attempt how it ended. */
function attemptLabel(attempt: number, steps: StepOutcome[], ended: boolean, t: Translate) {
  const heading = t(attempt > 1 ? 'console.attemptRetry' : 'console.attempt', { attempt });
  if (!ended) return heading;
  const applied = steps.filter((s) => s.status === 'applied').length;
  const stopped = steps.find((s) => s.status !== 'applied');
  const outcome = !stopped
    ? t('console.attemptDone', { applied, total: steps.length })
    : stopped.status === 'pending'
      ? t('console.attemptInterrupted', { applied, total: steps.length })
      : t('console.attemptOutcome', {
          applied,
          total: steps.length,
          stopped: stopped.index + 1,
        });
  return `${heading} · ${outcome}`;
}

/**
 * One section per attempt, as the journal keeps them: the current one open, earlier ones folded
 * with how they ended (each Retry remaining plans only what was left, numbered from 1 again).
 */
function AttemptSections({ detail }: { detail: RestoreDetail }) {
  const t = useT();
  const current = currentAttempt(detail);
  const attempts = Array.from({ length: current }, (_, i) => i + 1).filter(
    (n) => n === current || stepsOfAttempt(detail, n).length > 0,
  );
  const finished = resumable(detail);
  return (
    <Collapse
      // A new attempt opens its own section and folds the one before.
      key={current}
      defaultActiveKey={[String(current)]}
      items={attempts.map((n) => {
        const steps = stepsOfAttempt(detail, n);
        return {
          key: String(n),
          label: attemptLabel(n, steps, n < current, t),
          children: (
            <RestoreSteps
              steps={steps}
              errorShownFor={finished && n === current ? failedStepOf(detail)?.id : undefined}
            />
          ),
        };
      })}
    />
  );
}

/** "ECS is throttling; retry 2 of 4 in 1.2 s" while the running step waits to call again. */
function retrySentence(detail: RestoreDetail, t: Translate): string | undefined {
  const retrying = detail.retrying;
  if (!retrying) return undefined;
  const vars = {
    retry: retrying.retry,
    of: retrying.of,
    seconds: seconds(retrying.delayMs),
    code: retrying.code,
  };
  return t(
    retrying.code.includes('Throttling') ? 'console.retryingThrottled' : 'console.retryingOther',
    vars,
  );
}

function Running({ detail }: { detail: RestoreDetail }) {
  const t = useT();
  // The server's own counts: earlier attempts' applied steps plus every step of this one.
  const done = detail.stepsApplied;
  const total = detail.stepsTotal;
  const running = stepsOfAttempt(detail, currentAttempt(detail)).find(
    (s) => s.status === 'running',
  );
  const retry = retrySentence(detail, t);
  const progress = `${t('restore.progress', { done, total })}${running ? `: ${stepLabel(running, t)}` : ''}`;
  const status =
    detail.status === 'pending'
      ? t('restore.pending')
      : detail.phase === 'verifying'
        ? t('console.verifying')
        : retry
          ? `${progress} — ${retry}`
          : progress;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Heading level={3} looksLike={4}>
        {t('restore.progressTitle', { name: detail.source.name || detail.source.id })}
      </Heading>
      <Progress
        percent={total ? Math.round((done / total) * 100) : 0}
        status="active"
        aria-label={status}
      />
      <Typography.Text role="status" aria-live="polite">
        {status}
      </Typography.Text>
    </Space>
  );
}

/** The step a restore stopped at, in its last attempt or the one before `before`. */
function stoppedStep(detail: RestoreDetail, before?: number): StepOutcome | undefined {
  const attempt = before ?? currentAttempt(detail) + 1;
  return detail.steps
    .filter((s) => (s.attempt ?? 1) < attempt && (s.status === 'failed' || s.status === 'unknown'))
    .at(-1);
}

/**
 * What a roll back or a retry recovered from, kept above its result: which step of the restore
 * stopped and why (the parent's for a roll back, the earlier attempt's for a retry).
 */
function FailureContext({ detail }: { detail: RestoreDetail }) {
  const t = useT();
  const parentId = detail.kind === 'rollback' ? detail.parentId : undefined;
  const parent = useQuery({ ...restoreQueries.detail(parentId ?? ''), enabled: !!parentId });
  const source = parentId ? parent.data : currentAttempt(detail) > 1 ? detail : undefined;
  if (!source) return null;
  const step = stoppedStep(source, parentId ? undefined : currentAttempt(detail));
  const error = step?.error ?? source.error;
  if (!step && !error) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ textAlign: 'start' }}
      title={
        step
          ? t('rollback.stoppedAt', { id: source.id, step: stepLabel(step, t) })
          : t('rollback.stopped', { id: source.id })
      }
      description={error && <ErrorDetails error={error} />}
    />
  );
}

/** Who asked to stop, as the server recorded it with the stopped restore. */
function stoppedBy(detail: RestoreDetail): string {
  const details = detail.error?.details;
  const by =
    typeof details === 'object' && details !== null && 'by' in details ? details.by : undefined;
  return typeof by === 'string' ? by : '—';
}

function Finished({ detail, onClose }: { detail: RestoreDetail; onClose: () => void }) {
  const t = useT();
  const name = detail.source.name || detail.source.id;
  const total = detail.stepsTotal;
  const applied = detail.stepsApplied;
  const currentSteps = stepsOfAttempt(detail, currentAttempt(detail));
  if (detail.status === 'succeeded') {
    const retried = currentAttempt(detail) > 1;
    const title =
      detail.kind === 'rollback'
        ? t('rollback.rolledBackTitle', { name })
        : detail.kind === 'undo'
          ? t('rollback.undoneTitle', { name })
          : retried
            ? t('rollback.retriedTitle', { name })
            : t('restore.successTitle', { name });
    const subtitle = t(
      detail.mode === 'completely' ? 'restore.successSubtitle' : 'restore.successSubtitleKept',
      {
        ...detail.summary,
      },
    );
    return (
      <div role="status" aria-live="polite">
        <FailureContext detail={detail} />
        <Result
          status="success"
          title={title}
          subTitle={subtitle}
          extra={[
            <Link key="rules" to={paths.rules(detail.regionId, detail.source.id)} onClick={onClose}>
              {t('restore.viewRules', { name })}
            </Link>,
          ]}
        />
      </div>
    );
  }
  const failedStep = failedStepOf(detail);
  const verification = detail.verification;
  return (
    <div role="status" aria-live="polite">
      <Result
        status={detail.status === 'failed' ? 'error' : 'warning'}
        title={t(
          detail.status === 'stopped'
            ? 'safeApply.stoppedTitle'
            : detail.status === 'interrupted'
              ? 'restore.interruptedTitle'
              : 'restore.failedTitle',
        )}
        subTitle={t(
          detail.status === 'stopped'
            ? 'safeApply.stoppedSubtitle'
            : detail.status === 'interrupted'
              ? 'restore.interruptedSubtitle'
              : 'restore.failedSubtitle',
          {
            applied,
            total,
          },
        )}
      >
        <Space orientation="vertical">
          <Typography.Text>
            <strong>{t('restore.appliedSteps')}:</strong>{' '}
            {detail.steps
              .filter((s) => s.status === 'applied')
              .map((s) => stepLabel(s, t))
              .join('; ') || '—'}
          </Typography.Text>
          {failedStep && (
            <div>
              <Typography.Text strong>
                {t('restore.failedSteps')}: {stepLabel(failedStep, t)}
              </Typography.Text>
              {failedStep.error && <ErrorDetails error={failedStep.error} />}
              <StepRules rules={failedStep.rules} />
            </div>
          )}
          {detail.status === 'stopped' ? (
            <Typography.Text>
              {t('stopAfterStep.stoppedBy', { by: stoppedBy(detail) })}
            </Typography.Text>
          ) : (
            !failedStep && detail.error && <ErrorDetails error={detail.error} />
          )}
          <Typography.Text>
            <strong>{t('restore.remainingSteps')}:</strong>{' '}
            {currentSteps
              .filter((s) => s.status === 'pending')
              .map((s) => stepLabel(s, t))
              .join('; ') || '—'}
          </Typography.Text>
          {verification.status === 'failed' && (
            <Typography.Text type="danger">
              {t('restore.verificationFailed', {
                missing: verification.missing.length,
                unexpected: verification.unexpected.length,
              })}
            </Typography.Text>
          )}
        </Space>
      </Result>
    </div>
  );
}
