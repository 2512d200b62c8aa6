import { Alert, Button } from 'antd';
import { ErrorDetails } from '../../../components/error-sentence';
import { useT } from '../../../i18n/use-t';
import { isApiError } from '../../../lib/api-client';
import { useSafeApply } from '../hooks/use-safe-apply';

interface StopAfterStepProps {
  restoreId: string;
  /** Steps remain to be applied (the run is pending or applying, not verifying or finished). */
  applying: boolean;
}

/**
 * "Stop after this step" on a running restore: the step in flight finishes, no more run. It
 * stays mounted after the run ends so that a stop the server refused as too late (the last step
 * was already in flight) is still said next to the result, instead of vanishing with the button.
 */
export function StopAfterStep({ restoreId, applying }: StopAfterStepProps) {
  const t = useT();
  const stop = useSafeApply('stop');
  if (isApiError(stop.error, 'StopTooLate')) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('stopAfterStep.tooLate')}
        description={t('stopAfterStep.tooLateDetail')}
      />
    );
  }
  return (
    <>
      {applying && (
        <Button
          danger
          loading={stop.isPending}
          disabled={stop.isSuccess}
          onClick={() => stop.mutate(restoreId)}
        >
          {stop.isSuccess ? t('safeApply.stopping') : t('safeApply.stop')}
        </Button>
      )}
      {stop.error && <Alert type="error" showIcon title={<ErrorDetails error={stop.error} />} />}
    </>
  );
}
