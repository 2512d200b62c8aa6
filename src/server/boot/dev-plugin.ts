/**
 * `npm run dev`: mounts the same proxy app on /api inside the Vite dev server, so the SPA and
 * the API share one origin. The server code is loaded through Vite's SSR loader on the first
 * API request (when the listening port is known), never when Vite or Vitest reads the config.
 */
import type { AddressInfo } from 'node:net';
import type { Plugin } from 'vite';
import type { DevApi, startDevApi } from './dev-api';

export function restoreRulesApi(): Plugin {
  return {
    name: 'restore-rules-api',
    apply: 'serve',
    configureServer(server) {
      // Vitest also starts a Vite server from this config; tests build their own stack.
      if (process.env.VITEST !== undefined) return;
      let api: Promise<DevApi> | undefined;
      server.httpServer?.once('close', () => {
        void api?.then((started) => started.close());
      });
      server.middlewares.use((req, res, next) => {
        if (req.url === undefined || !(req.url === '/api' || req.url.startsWith('/api/')))
          return next();
        api ??= server.ssrLoadModule('/src/server/boot/dev-api.ts').then((mod) => {
          const address = server.httpServer?.address() as AddressInfo | null | undefined;
          return (mod as { startDevApi: typeof startDevApi }).startDevApi(address?.port);
        });
        api.then((started) => started.listener(req, res)).catch(next);
      });
    },
  };
}
