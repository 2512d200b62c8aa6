import { Alert, Button, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AutoRevertView } from '../../../../server/contract';
import { ErrorDetails } from '../../../components/error-sentence';
import type { Translate } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { restoreQueries } from '../../../lib/restore-queries';
import { useSafeApply } from '../hooks/use-safe-apply';

/** Seconds left before `deadline`, ticking once a second while there is one. */
function useSecondsLeft(deadline: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === undefined) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return deadline === undefined ? 0 : Math.max(0, Math.ceil((Date.parse(deadline) - now) / 1000));
}

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

function at(iso: string | undefined): string {
  return iso === undefined ? '' : new Date(iso).toLocaleString();
}

/** The sentence for a decided timer. */
function outcome(auto: AutoRevertView, t: Translate): string {
  const vars = { at: at(auto.decidedAt), by: auto.decidedBy ?? '', id: auto.revertId ?? '' };
  switch (auto.state) {
    case 'kept':
      return t('safeApply.kept', vars);
    case 'reverting':
      return t('safeApply.reverting', vars);
    case 'reverted':
      return t(
        auto.decidedBy === 'auto-revert' ? 'safeApply.revertedAuto' : 'safeApply.revertedBy',
        vars,
      );
    case 'skipped':
      return t('safeApply.skipped', {
        ...vars,
        added: auto.difference?.added ?? 0,
        removed: auto.difference?.removed ?? 0,
      });
    case 'failed':
      return t('safeApply.failed', { ...vars, reason: auto.reason ?? '' });
    case 'cancelled':
      return t('safeApply.cancelled');
    default:
      return t('safeApply.waiting', { minutes: auto.minutes });
  }
}

/**
 * The confirm-or-revert timer of a restore: a countdown with Keep these rules and Revert now
 * while it runs, then what was decided. The detail is polled while the server may still decide.
 */
export function AutoRevertPanel({ restoreId }: { restoreId: string }) {
  const t = useT();
  const detail = useQuery({
    ...restoreQueries.detail(restoreId),
    refetchInterval: (query) => {
      const state = query.state.data?.autoRevert?.state;
      return state === 'armed' || state === 'reverting' || state === 'waiting' ? 1000 : false;
    },
  });
  const keep = useSafeApply('keep');
  const revertNow = useSafeApply('revert-now');
  const auto = detail.data?.autoRevert;
  const seconds = useSecondsLeft(auto?.state === 'armed' ? auto.deadline : undefined);
  if (auto === undefined) return null;
  const error = keep.error ?? revertNow.error;
  if (auto.state !== 'armed') {
    const type = auto.state === 'failed' ? 'error' : auto.state === 'skipped' ? 'warning' : 'info';
    return <Alert type={type} showIcon role="status" title={outcome(auto, t)} />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={
        <span role="timer" aria-live="off">
          {t('safeApply.countdown', { time: clock(seconds) })}
        </span>
      }
      description={
        <Space orientation="vertical">
          <Typography.Text>{t('safeApply.countdownHint')}</Typography.Text>
          <Space wrap>
            <Button
              type="primary"
              loading={keep.isPending}
              disabled={revertNow.isPending}
              onClick={() => keep.mutate(restoreId)}
            >
              {t('safeApply.keep')}
            </Button>
            <Button
              danger
              loading={revertNow.isPending}
              disabled={keep.isPending}
              onClick={() => revertNow.mutate(restoreId)}
            >
              {t('safeApply.revertNow')}
            </Button>
          </Space>
          {error && <ErrorDetails error={error} />}
        </Space>
      }
    />
  );
}
