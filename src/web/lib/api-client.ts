import type { ApiError as ApiErrorBody } from '../../server/contract';

/** An error response of the proxy (or a failure to reach it), with everything the UI shows. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly details: unknown;

  constructor(body: ApiErrorBody, status: number) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.status = status;
    this.requestId = body.requestId;
    this.details = body.details;
  }
}

/** Code of the error raised when the browser cannot reach the console server at all. */
export const NETWORK_ERROR_CODE = 'NetworkError';

type Query = Record<string, string | number | undefined>;

/** Builds an absolute URL on this page's origin, so the client works under any host and in tests. */
function apiUrl(path: string, query?: Query): string {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  options: { query?: Query; body?: unknown; signal?: AbortSignal },
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers:
        method === 'POST'
          ? { 'Content-Type': 'application/json', Accept: 'application/json' }
          : { Accept: 'application/json' },
      body: method === 'POST' ? JSON.stringify(options.body ?? {}) : undefined,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(
      {
        code: NETWORK_ERROR_CODE,
        message: 'The console server cannot be reached. Check that it is running, then retry.',
      },
      0,
    );
  }
  const text = await response.text();
  let payload: unknown = undefined;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }
  if (!response.ok) {
    if (isErrorBody(payload)) throw new ApiError(payload, response.status);
    throw new ApiError(
      {
        code: `HTTP${response.status}`,
        message: `The console server answered with HTTP ${response.status}.`,
      },
      response.status,
    );
  }
  return payload as T;
}

/** A small typed fetch wrapper for the proxy's JSON API. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
};

/** True for an error with the given code (our own or an ECS code). */
export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
