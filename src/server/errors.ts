/**
 * One error shape for every failure the proxy reports: `{ code, message, requestId?, details? }`
 * with the true HTTP status. ECS errors keep their code and RequestId.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { EcsError } from '../ecs/ecs-port';
import type { ApiError } from './contract';

export class ApiHttpError extends Error {
  override readonly name = 'ApiHttpError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): ApiError {
    const body: ApiError = { code: this.code, message: this.message };
    if (this.requestId !== undefined) body.requestId = this.requestId;
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

/** 400 naming the field, e.g. `destinationId is not a security group ID (sg-...)`. */
export function validationError(field: string, problem: string): ApiHttpError {
  return new ApiHttpError(400, 'ValidationError', `${field} ${problem}`, { field });
}

const TIMEOUT_CODE = /timeout|timedout|etimedout|aborted/i;

/** The proxy's answer for an ECS failure: ECS 4xx keep their status; 5xx → 502; timeouts → 504. */
export function fromEcsError(error: EcsError): ApiHttpError {
  let status: ContentfulStatusCode;
  if (error.httpStatus >= 400 && error.httpStatus < 500)
    status = error.httpStatus as ContentfulStatusCode;
  else if (TIMEOUT_CODE.test(error.code) || TIMEOUT_CODE.test(error.message)) status = 504;
  else status = 502;
  return new ApiHttpError(
    status,
    error.code,
    error.message || `ECS answered ${error.code}`,
    undefined,
    error.requestId,
  );
}

/** Any thrown value as an ApiHttpError (unknown failures become 500 InternalError). */
export function toApiHttpError(error: unknown): ApiHttpError {
  if (error instanceof ApiHttpError) return error;
  if (error instanceof EcsError) return fromEcsError(error);
  return new ApiHttpError(
    500,
    'InternalError',
    'The console server failed unexpectedly; see its log.',
  );
}

/** The ApiError body of any failure, for the journal. */
export function toApiErrorBody(error: unknown): ApiError {
  return toApiHttpError(error).toBody();
}

/**
 * The server cannot start with what it found on disk (DATA_DIR, the journal, its lock): the
 * message is one line naming the setting, the path and the cause, printed without a stack.
 */
export class StartupRefusal extends Error {
  override readonly name = 'StartupRefusal';
}
