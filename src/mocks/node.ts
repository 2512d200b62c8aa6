import type { HttpHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import type { EcsEmulator } from './emulator';
import { ecsHandlers } from './handlers';

/**
 * Intercepts every ECS call of this Node process (msw/node) and serves it from the emulator.
 * The returned server is listening; close it with `server.close()`. (msw 2.15 types
 * `setupServer()` as `SetupServer`, a plain object at run time, not a `SetupServerApi` instance.)
 * Note: msw parses intercepted requests with Node's HTTP parser, so a URL over 16 KiB (an
 * Authorize of about 55+ permissions) needs `--max-http-header-size` raised, or it never arrives.
 */
export function startEcsInterception(
  emulator: EcsEmulator,
  opts: { onUnhandledRequest?: 'error' | 'bypass' | 'warn'; extraHandlers?: HttpHandler[] } = {},
): SetupServer {
  const server = setupServer(...ecsHandlers(emulator), ...(opts.extraHandlers ?? []));
  server.listen({ onUnhandledRequest: opts.onUnhandledRequest ?? 'error' });
  return server;
}
