import { useState } from 'react';
import { Alert, Button, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { ApiError, PreflightFailureView } from '../../../../server/contract';
import { ErrorDetails, ErrorSentence } from '../../../components/error-sentence';
import { PreflightChecks } from '../../../components/preflight-checks';
import { Heading, PageTitle } from '../../../components/headings';
import { WholeIds } from '../../../components/whole-ids';
import { RestoreSteps } from '../../../components/restore-steps';
import { RevertPreviewModal } from '../../../components/revert-preview-modal';
import { summaryLine } from '../../../components/restore-summary';
import { useFormatTime } from '../../../i18n/use-format-time';
import { useT } from '../../../i18n/use-t';
import { isRestoreActive, restoreQueries } from '../../../lib/restore-queries';
import type { FollowUpKind } from '../../../lib/follow-ups';
import { useRefreshWhenRestoreEnds } from '../../../lib/use-refresh-when-restore-ends';
import { paths } from '../../../lib/paths';
import { kindLabel, modeLabel, statusColor, statusLabel } from '../../../components/restore-labels';
import { destinationLabel } from './destination-label';
import { RestoreLinks } from './restore-links';
import { RulesTable } from './rules-table';
import { StepRulesList } from './step-rules-list';

/** The failed checks a PreflightFailed error carries; none for any other error. */
function checksOf(error: ApiError | undefined): PreflightFailureView[] {
  if (error?.code !== 'PreflightFailed') return [];
  return (error.details as { checks?: PreflightFailureView[] } | undefined)?.checks ?? [];
}

/**
 * One restore of the journal, as an auditor reads it: who started it, the rules before it, each
 * step with the rules it carried and its RequestId, the verification, the restores it is linked
 * to both ways, and what can be done with it (Undo; Retry remaining and Roll back when it
 * stopped), each through its preview.
 */
export function RestoreDetailPage({ restoreId }: { restoreId: string }) {
  const t = useT();
  const formatTime = useFormatTime();
  const detail = useQuery(restoreQueries.detail(restoreId));
  // An undo or rollback opens this page: when it ends, what it changed is read again.
  useRefreshWhenRestoreEnds(detail.data);
  const navigate = useNavigate();
  const [followUp, setFollowUp] = useState<FollowUpKind | null>(null);

  if (detail.isPending) return <Skeleton active />;
  if (!detail.data) {
    return (
      <>
        <Link to={paths.history()}>{t('history.back')}</Link>
        <PageTitle>
          <WholeIds text={t('history.detailTitle', { id: restoreId })} />
        </PageTitle>
        <ErrorSentence
          title={t('history.loadError')}
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      </>
    );
  }
  const r = detail.data;
  const active = isRestoreActive(r);
  const stopped = r.status === 'failed' || r.status === 'interrupted';
  const summary = summaryLine(r.mode, r.summary, t);
  const names = new Map([
    [r.source.id, r.source.name],
    [r.destination.id, r.destination.name],
  ]);
  const refusedChecks = checksOf(r.error);

  return (
    <section aria-labelledby="restore-detail-title">
      <Link to={paths.history()}>{t('history.back')}</Link>
      <PageTitle id="restore-detail-title">
        <WholeIds text={t('history.detailTitle', { id: r.id })} />
      </PageTitle>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          // On a phone the value column took the width and "源安全组" broke after two characters.
          styles={{ label: { minWidth: '8em' } }}
          items={[
            {
              key: 'type',
              label: t('history.colType'),
              children: `${kindLabel(r.kind, t)} · ${modeLabel(r.mode, t)}`,
            },
            {
              key: 'outcome',
              label: t('history.colOutcome'),
              children: (
                <span role="status" aria-live="polite">
                  <Tag color={statusColor[r.status]}>{statusLabel(r.status, t)}</Tag>
                  {r.stepsApplied}/{r.stepsTotal}
                </span>
              ),
            },
            { key: 'region', label: t('history.colRegion'), children: r.regionId },
            {
              key: 'time',
              label: t('history.colTime'),
              children: `${formatTime(r.createdAt)}${r.finishedAt ? ` → ${formatTime(r.finishedAt)}` : ''}`,
            },
            {
              key: 'source',
              label: t('history.colSource'),
              children: (
                <Link to={paths.rules(r.regionId, r.source.id)}>
                  <WholeIds text={`${r.source.name} (${r.source.id})`} />
                </Link>
              ),
            },
            {
              key: 'destination',
              label: t('history.colDestination'),
              children: r.destinationSnapshot ? (
                // The snapshot may be pruned since; its group's timeline shows what is kept.
                <Link to={paths.timeline(r.regionId, r.destinationSnapshot.groupId)}>
                  <WholeIds text={destinationLabel(r, t, formatTime)} />
                </Link>
              ) : (
                <WholeIds text={destinationLabel(r, t, formatTime)} />
              ),
            },
            { key: 'actor', label: t('auditHistory.actor'), children: r.actor },
          ]}
        />
        <RestoreLinks restore={r} />
        {refusedChecks.length > 0 && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="error" showIcon title={t('preflight.refusedTitle')} />
            <PreflightChecks checks={refusedChecks} names={names} />
          </Space>
        )}
        {r.error && refusedChecks.length === 0 && (
          <Alert
            type="error"
            showIcon
            title={t('history.error')}
            description={<ErrorDetails error={r.error} />}
          />
        )}
        <div>
          <Heading level={2} looksLike={4}>
            {t('history.plan')}
          </Heading>
          <Typography.Paragraph>{summary}</Typography.Paragraph>
        </div>
        <div>
          <Heading level={2} looksLike={4}>
            {t('history.snapshot', { count: r.snapshot.length })}
          </Heading>
          <RulesTable label={t('auditHistory.rulesBefore')} rules={r.snapshot} names={names} />
        </div>
        {(r.refusals ?? []).map((refusal) => (
          <Space key={refusal.at} orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>
              {t('preflight.retryRefused', { time: formatTime(refusal.at) })}
            </Typography.Text>
            {checksOf(refusal.error).length > 0 ? (
              <PreflightChecks checks={checksOf(refusal.error)} names={names} />
            ) : (
              <ErrorDetails error={refusal.error} />
            )}
          </Space>
        ))}
        <div>
          <Heading level={2} looksLike={4}>
            {t('history.steps')}
          </Heading>
          <RestoreSteps steps={r.steps} />
        </div>
        <div>
          <Heading level={2} looksLike={4}>
            {t('auditHistory.stepsCarried')}
          </Heading>
          <StepRulesList restore={r} names={names} />
        </div>
        <div>
          <Heading level={2} looksLike={4}>
            {t('history.verification')}
          </Heading>
          <Typography.Paragraph>
            {r.verification.status === 'passed'
              ? t('restore.verificationPassed')
              : r.verification.status === 'failed'
                ? t('restore.verificationFailed', {
                    missing: r.verification.missing.length,
                    unexpected: r.verification.unexpected.length,
                  })
                : t('history.verificationPending')}
          </Typography.Paragraph>
        </div>
        <Space wrap>
          {stopped && (
            <Button type="primary" onClick={() => setFollowUp('retry')}>
              {t('restore.retryRemaining')}
            </Button>
          )}
          {stopped && r.stepsApplied > 0 && (
            <Button danger onClick={() => setFollowUp('rollback')}>
              {t('restore.rollBack')}
            </Button>
          )}
          <Button onClick={() => setFollowUp('undo')} disabled={active}>
            {t('history.undo')}
          </Button>
        </Space>
      </Space>
      {followUp && (
        <RevertPreviewModal
          restore={r}
          kind={followUp}
          onClose={() => setFollowUp(null)}
          onStarted={(id) => void navigate(paths.restore(id))}
        />
      )}
    </section>
  );
}
