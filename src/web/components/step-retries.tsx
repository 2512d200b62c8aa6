import { Typography } from 'antd';
import type { StepRetry } from '../../server/contract';
import { useT } from '../i18n/use-t';

/** "3 retries: Throttling.User (0.2 s), …": the adapter's waits within one step, as journaled. */
export function StepRetries({ retries }: { retries: readonly StepRetry[] | undefined }) {
  const t = useT();
  if (!retries?.length) return null;
  const codes = retries.map((r) => `${r.code} (${seconds(r.delayMs)} s)`).join(', ');
  return (
    <Typography.Text type="secondary">
      {t('console.retries', { count: retries.length, codes })}
    </Typography.Text>
  );
}

/** A wait in seconds with one decimal, as the job view says it. */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}
