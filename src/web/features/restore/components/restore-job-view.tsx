import { Alert, Button, Popconfirm, Progress, Result, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { RestoreDetail } from '../../../../server/contract';
import { ErrorDetails, ErrorSentence } from '../../../components/error-sentence';
import { Heading } from '../../../components/headings';
import { RestoreSteps, stepLabel } from '../../../components/restore-steps';
import { useT } from '../../../i18n/use-t';
import { isRestoreActive, restoreQueries } from '../../../lib/restore-queries';
import { paths } from '../../../lib/paths';
import { useRefreshWhenRestoreEnds } from '../../../lib/use-refresh-when-restore-ends';
import { useRestoreFollowUp } from '../hooks/use-restore-mutations';

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
  const retry = useRestoreFollowUp('retry');
  const rollback = useRestoreFollowUp('rollback');
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

  const followUp = (kind: 'retry' | 'rollback') => {
    const mutation = kind === 'retry' ? retry : rollback;
    mutation.mutate(detail.id, {
      onSuccess: (accepted) => onFollow(accepted?.restoreId ?? detail.id),
    });
  };
  const followUpError = retry.error ?? rollback.error;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {isRestoreActive(detail) ? (
        <Running detail={detail} />
      ) : (
        <Finished detail={detail} onClose={onClose} />
      )}
      {detail.status === 'failed' || detail.status === 'interrupted' ? (
        <Space wrap>
          <Button type="primary" loading={retry.isPending} onClick={() => followUp('retry')}>
            {t('restore.retryRemaining')}
          </Button>
          {detail.stepsApplied > 0 ? (
            <Popconfirm
              title={t('restore.rollBack')}
              description={t('restore.rollBackHint')}
              okText={t('restore.rollBack')}
              cancelText={t('restore.cancel')}
              onConfirm={() => followUp('rollback')}
            >
              <Button danger loading={rollback.isPending}>
                {t('restore.rollBack')}
              </Button>
            </Popconfirm>
          ) : (
            <Typography.Text type="secondary">{t('restore.nothingToRollBack')}</Typography.Text>
          )}
        </Space>
      ) : null}
      {followUpError && (
        <Alert type="error" showIcon title={<ErrorDetails error={followUpError} />} />
      )}
      <RestoreSteps
        steps={detail.steps}
        errorShownFor={
          detail.status === 'failed' || detail.status === 'interrupted'
            ? failedStepOf(detail)?.id
            : undefined
        }
      />
    </Space>
  );
}

/** The step a finished restore stopped at; its error is shown in the result's summary. */
function failedStepOf(detail: RestoreDetail) {
  return detail.steps.find((s) => s.status === 'failed');
}

function Running({ detail }: { detail: RestoreDetail }) {
  const t = useT();
  const done = detail.steps.filter((s) => s.status === 'applied').length;
  const total = detail.steps.length;
  const running = detail.steps.find((s) => s.status === 'running');
  const status =
    detail.status === 'pending'
      ? t('restore.pending')
      : total > 0 && done === total
        ? t('restore.verifying')
        : `${t('restore.progress', { done, total })}${running ? `: ${stepLabel(running, t)}` : ''}`;
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

function Finished({ detail, onClose }: { detail: RestoreDetail; onClose: () => void }) {
  const t = useT();
  const name = detail.source.name || detail.source.id;
  const total = detail.steps.length;
  const applied = detail.steps.filter((s) => s.status === 'applied').length;
  if (detail.status === 'succeeded') {
    const subtitle = t(
      detail.mode === 'completely' ? 'restore.successSubtitle' : 'restore.successSubtitleKept',
      {
        ...detail.summary,
      },
    );
    return (
      <div role="status" aria-live="polite">
        <Result
          status="success"
          title={t('restore.successTitle', { name })}
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
        status={detail.status === 'interrupted' ? 'warning' : 'error'}
        title={t(
          detail.status === 'interrupted' ? 'restore.interruptedTitle' : 'restore.failedTitle',
        )}
        subTitle={t(
          detail.status === 'interrupted'
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
            </div>
          )}
          {!failedStep && detail.error && <ErrorDetails error={detail.error} />}
          <Typography.Text>
            <strong>{t('restore.remainingSteps')}:</strong>{' '}
            {detail.steps
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
