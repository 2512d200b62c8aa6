/**
 * The proxy as `npm run dev` runs it inside Vite (loaded by src/server/boot/dev-plugin.ts through
 * Vite's SSR loader, so the config bundle stays free of server code).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { composeConsole } from './compose';

export interface DevApi {
  listener: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  close(): Promise<void>;
}

/** Starts the API for a Vite dev server listening on `port` (the Host check needs it). */
export async function startDevApi(port: number | undefined): Promise<DevApi> {
  const config = loadConfig({
    ...process.env,
    ...(port === undefined ? {} : { PORT: String(port) }),
  });
  const logger = createLogger(config.logLevel);
  const { app, runner, stop } = await composeConsole(config, logger);
  return {
    listener: getRequestListener(app.fetch),
    async close() {
      await runner.idle();
      stop();
    },
  };
}
