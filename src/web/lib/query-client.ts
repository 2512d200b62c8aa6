import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** Options of `createQueryClient`; tests pass `retry: false`. */
export interface QueryClientOptions {
  retry?: boolean;
}

/** Client errors (4xx) will not change on a retry; network and 5xx errors may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** The app's QueryClient: short stale time, no retry of 4xx, no retries of mutations. */
export function createQueryClient(options: QueryClientOptions = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: options.retry === false ? false : shouldRetry,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
