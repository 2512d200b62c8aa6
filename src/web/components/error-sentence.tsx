import { Alert, Button } from 'antd';
import { Text } from './plain-typography';
import { RequestIdText } from './request-id-text';
import { ApiError, NETWORK_ERROR_CODE } from '../lib/api-client';
import { errorAdvice } from '../i18n/error-advice';
import { useLanguage } from '../i18n/language-store';
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

/**
 * The message, what to do about it, and the code and RequestId of an error (an ApiError or a
 * journal's error body).
 */
export function ErrorDetails({ error }: { error: unknown }) {
  const t = useT();
  const language = useLanguage();
  const body = errorBody(error);
  if (!body) return <div>{error instanceof Error ? error.message : String(error)}</div>;
  // Only the browser's own failure to reach the server (status 0); ECS's dropped connections keep their message.
  const network = body.code === NETWORK_ERROR_CODE && body.browserOffline === true;
  const advice = network
    ? undefined
    : errorAdvice(language, body.code, body.ramAction, t('console.ramActionFallback'));
  return (
    <div>
      <div>{network ? t('errors.network') : body.message}</div>
      {advice && <div>{advice}</div>}
      {!network && (
        <Text type="secondary">
          {t('errors.code', { code: body.code })}
          {body.requestId && (
            <>
              {' · '}
              <RequestIdText requestId={body.requestId} />
            </>
          )}
        </Text>
      )}
    </div>
  );
}

interface ErrorBody {
  code: string;
  message: string;
  requestId?: string | undefined;
  /** The RAM action a Forbidden.RAM refusal names (the server puts it in the details). */
  ramAction?: string | undefined;
  /** The browser could not reach the console server at all. */
  browserOffline?: boolean;
}

function ramActionOf(details: unknown): string | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const action = (details as Record<string, unknown>).ramAction;
  return typeof action === 'string' ? action : undefined;
}

function errorBody(error: unknown): ErrorBody | null {
  if (error instanceof ApiError)
    return {
      code: error.code,
      message: error.message,
      requestId: error.requestId,
      ramAction: ramActionOf(error.details),
      browserOffline: error.status === 0,
    };
  if (typeof error === 'object' && error !== null) {
    const { code, message, requestId, details } = error as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      return {
        code,
        message,
        requestId: typeof requestId === 'string' ? requestId : undefined,
        ramAction: ramActionOf(details),
      };
    }
  }
  return null;
}
