/**
 * The console's API requests as the in-process proxy receives them, in the order they went out,
 * each with the status the journal gave the latest restore at that moment (so a test can tell a
 * request sent while a restore ran from one sent after it ended).
 */
import type { TestStack } from '../support/test-stack';

export interface LoggedRequest {
  method: string;
  /** Path and query, e.g. "/api/regions?language=en-US". */
  path: string;
  /** Status of the latest restore in the journal when the request started; null before any. */
  latestRestore: string | null;
}

export function logApiRequests(stack: TestStack): LoggedRequest[] {
  const log: LoggedRequest[] = [];
  stack.msw.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.origin !== window.location.origin || !url.pathname.startsWith('/api/')) return;
    log.push({
      method: request.method,
      path: url.pathname + url.search,
      latestRestore: stack.journal.list({ limit: 1 }).restores[0]?.status ?? null,
    });
  });
  return log;
}
