import { Alert, Button } from 'antd';
import { ErrorDetails } from '../../../components/error-sentence';
import { useT } from '../../../i18n/use-t';
import { useSafeApply } from '../hooks/use-safe-apply';

/** "Stop after this step" on a running restore: the step in flight finishes, no more run. */
export function StopAfterStep({ restoreId }: { restoreId: string }) {
  const t = useT();
  const stop = useSafeApply('stop');
  return (
    <>
      <Button
        danger
        loading={stop.isPending}
        disabled={stop.isSuccess}
        onClick={() => stop.mutate(restoreId)}
      >
        {stop.isSuccess ? t('safeApply.stopping') : t('safeApply.stop')}
      </Button>
      {stop.error && <Alert type="error" showIcon title={<ErrorDetails error={stop.error} />} />}
    </>
  );
}
