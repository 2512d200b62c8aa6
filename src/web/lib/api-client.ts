/**
 * The proxy's JSON API as Hono's typed client: paths, parameters, bodies and answers come from
 * the routes of `AppType` (so from the contract's schemas), and `read` turns an answer into its
 * typed body or an `ApiError`.
 */
import { hc, type ClientResponse } from 'hono/client';
import type { AppType } from '../../server/app';
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

function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError'
  );
}

/**
 * The browser's fetch with what every API call needs: the session cookie, JSON both ways (the
 * proxy refuses a POST that is not JSON, even one without fields), and an `ApiError` instead of
 * the browser's TypeError when the server cannot be reached. An abort stays an AbortError.
 */
async function apiFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  let body = init.body;
  if (method !== 'GET' && method !== 'HEAD') {
    headers.set('Content-Type', 'application/json');
    body ??= '{}';
  }
  try {
    return await fetch(input, { ...init, method, headers, body, credentials: 'same-origin' });
  } catch (error) {
    // By name: the AbortError may come from another realm's DOMException (Node's fetch under jsdom).
    if (isAbort(error)) throw error;
    throw new ApiError(
      {
        code: NETWORK_ERROR_CODE,
        message: 'The console server cannot be reached. Check that it is running, then retry.',
      },
      0,
    );
  }
}

/** The typed client of the API served at `origin`. */
export function createApiClient(origin: string) {
  return hc<AppType>(origin, { fetch: apiFetch }).api;
}

type ApiClient = ReturnType<typeof createApiClient>;
let current: { origin: string; client: ApiClient } | undefined;

/**
 * The typed client on this page's origin (absolute URLs, so it works under any host and in
 * tests). Made on first use: modules that import it also load where there is no window.
 */
export function apiClient(): ApiClient {
  const origin = window.location.origin;
  if (current?.origin !== origin) current = { origin, client: createApiClient(origin) };
  return current.client;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'string' &&
    'message' in value &&
    typeof value.message === 'string'
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The body of a successful answer, typed by its route. An error answer becomes an `ApiError`:
 * the proxy's error body when it sent one, else `HTTP<status>` (a proxy in between, say).
 */
export async function read<T, S extends number>(
  pending: Promise<ClientResponse<T, S, 'json'>>,
): Promise<T> {
  const response = await pending;
  if (response.ok) return response.json();
  const payload = parseJson(await response.text());
  if (isErrorBody(payload)) throw new ApiError(payload, response.status);
  throw new ApiError(
    {
      code: `HTTP${response.status}`,
      message: `The console server answered with HTTP ${response.status}.`,
    },
    response.status,
  );
}

/** Options of a call that the query's AbortSignal cancels. */
export function withSignal(signal: AbortSignal) {
  return { init: { signal } };
}

/** True for an error with the given code (our own or an ECS code). */
export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
