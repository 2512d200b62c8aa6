import { Alert, Button, Typography } from 'antd';
import { ApiError, NETWORK_ERROR_CODE } from '../lib/api-client';
import { useT } from '../i18n/use-t';

interface ErrorSentenceProps {
  /** What could not be done, e.g. "The rules could not be loaded." */
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** A failure as a sentence, with the code and RequestId when there is one, and a Retry button. */
export function ErrorSentence({ title, error, onRetry }: ErrorSentenceProps) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={<ErrorDetails error={error} />}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** The message, code and RequestId of an error (an ApiError or a journal's error body). */
export function ErrorDetails({ error }: { error: unknown }) {
  const t = useT();
  const body = errorBody(error);
  if (!body) return <div>{error instanceof Error ? error.message : String(error)}</div>;
  const network = body.code === NETWORK_ERROR_CODE;
  return (
    <div>
      <div>{network ? t('errors.network') : body.message}</div>
      {!network && (
        <Typography.Text type="secondary">
          {t('errors.code', { code: body.code })}
          {body.requestId ? ` · ${t('errors.requestId', { requestId: body.requestId })}` : ''}
        </Typography.Text>
      )}
    </div>
  );
}

function errorBody(
  error: unknown,
): { code: string; message: string; requestId?: string | undefined } | null {
  if (error instanceof ApiError)
    return { code: error.code, message: error.message, requestId: error.requestId };
  if (typeof error === 'object' && error !== null) {
    const { code, message, requestId } = error as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      return { code, message, requestId: typeof requestId === 'string' ? requestId : undefined };
    }
  }
  return null;
}
