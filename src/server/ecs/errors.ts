/**
 * Normalizes whatever the SDK throws into an `EcsError`, plus the server's requested wait
 * (`x-acs-retry-after`) when the SDK exposes it.
 *
 * What the SDK (@alicloud/openapi-core 1.0.x) throws:
 * - ClientError (4xx), ThrottlingError (any code containing "Throttling"), ServerError (5xx), each
 *   with `code`, `statusCode`, `requestId` (the string "undefined" when ECS sent none) and `data`
 *   (the parsed error body). ClientError adds `accessDeniedDetail`.
 * - ThrottlingError carries `retryAfter`: the `x-acs-retry-after` header parsed as an integer (ms).
 *   It is the only place the SDK exposes response headers of a failed call: ServerError and
 *   ClientError keep none, so a Retry-After on a 5xx cannot be honoured.
 * - httpx errors named `RequestTimeoutError` for connect and read timeouts.
 * - A raw SyntaxError when the body is not JSON (the status is lost with it).
 * - A plain Error "type of X is mismatch" / "can not cast" when a JSON body has the wrong types.
 * - A TypeError or a Node socket error (ECONNRESET ...) when the connection drops.
 */
import { EcsError } from '../../ecs/ecs-port';

export interface ClassifiedError {
  error: EcsError;
  /** How long ECS asked us to wait before retrying, in ms, when it said so. */
  retryAfterMs?: number;
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
]);

type Loose = Record<string, unknown>;

const asRecord = (value: unknown): Loose | undefined =>
  typeof value === 'object' && value !== null ? (value as Loose) : undefined;

const stringField = (record: Loose | undefined, key: string): string | undefined => {
  const value = record?.[key];
  return typeof value === 'string' && value !== '' && value !== 'undefined' ? value : undefined;
};

function fromServiceError(error: Loose, action: string): ClassifiedError {
  const status = error.statusCode as number;
  const data = asRecord(error.data);
  const code = stringField(error, 'code') ?? stringField(data, 'Code') ?? `HTTP${status}`;
  const requestId = stringField(error, 'requestId') ?? stringField(data, 'RequestId');
  let message =
    stringField(data, 'Message') ??
    stringField(error, 'message') ??
    `ECS answered ${action} with HTTP ${status}.`;
  const detail = error.accessDeniedDetail ?? data?.AccessDeniedDetail;
  if (detail !== undefined && detail !== null) {
    // Forbidden.RAM: the detail names the action, the policy type and the principal to fix.
    message += ` AccessDeniedDetail: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`;
  }
  const throttled = code.includes('Throttling');
  const classified: ClassifiedError = {
    error: new EcsError({
      code,
      message,
      ...(requestId ? { requestId } : {}),
      httpStatus: status,
      retryable: throttled || status >= 500,
    }),
  };
  const retryAfter = error.retryAfter;
  if (
    throttled &&
    typeof retryAfter === 'number' &&
    Number.isFinite(retryAfter) &&
    retryAfter >= 0
  ) {
    classified.retryAfterMs = retryAfter;
  }
  return classified;
}

function local(code: string, message: string, retryable: boolean): ClassifiedError {
  return { error: new EcsError({ code, message, httpStatus: 0, retryable }) };
}

/** Classifies an error thrown by one SDK call of `action`. */
export function classifySdkError(thrown: unknown, action: string): ClassifiedError {
  if (thrown instanceof EcsError) return { error: thrown };
  const error = asRecord(thrown);
  if (!error) return local('UpstreamError', `ECS call ${action} failed: ${String(thrown)}`, false);
  const name = typeof error.name === 'string' ? error.name : '';
  const message = typeof error.message === 'string' ? error.message : '';
  if (typeof error.statusCode === 'number' && error.statusCode >= 400)
    return fromServiceError(error, action);
  if (name === 'RequestTimeoutError') {
    return local(
      'UpstreamTimeout',
      `ECS did not answer ${action} in time (${message.trim()}).`,
      true,
    );
  }
  if (thrown instanceof SyntaxError) {
    return local('UpstreamMalformed', `ECS answered ${action} with a body that is not JSON.`, true);
  }
  if (/^type of .* is mismatch|^can not cast/.test(message)) {
    return local(
      'UpstreamMalformed',
      `ECS answered ${action} with an unexpected shape: ${message}.`,
      false,
    );
  }
  const code = typeof error.code === 'string' ? error.code : '';
  if (
    thrown instanceof TypeError ||
    NETWORK_CODES.has(code) ||
    /socket hang up|network/i.test(message)
  ) {
    return local(
      'NetworkError',
      // The SDK glues the socket error to the request line ("…:9100POST http://… failed.").
      `The connection to ECS failed during ${action}: ${(message || name).replace(/(\d)(POST|GET) /, '$1; $2 ').replace(/\.+$/, '')}.`,
      true,
    );
  }
  if (/credential/i.test(message)) {
    return local(
      'CredentialsUnavailable',
      `No usable Alibaba Cloud credentials for ${action}: ${message}`,
      false,
    );
  }
  return local(
    'UpstreamError',
    `ECS call ${action} failed: ${message || name || 'unknown error'}`,
    false,
  );
}
