/**
 * The proxy as `npm run dev` runs it inside Vite (loaded by src/server/dev-plugin.ts through
 * Vite's SSR loader, so the config bundle stays free of server code).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app';
import { loadConfig } from './config';
import { connectEcs } from './ecs-mode';
import { openJournal } from './journal/journal';
import { createLogger } from './logger';
import { RestoreRunner } from './restore/runner';

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
  const connection = await connectEcs(config, logger);
  const journal = openJournal(path.resolve(config.dataDir, 'journal.db'));
  const interrupted = journal.markInterrupted(new Date().toISOString());
  if (interrupted.length > 0)
    logger.warn(
      { restoreIds: interrupted },
      'restores interrupted by the last stop are marked interrupted',
    );
  const runner = new RestoreRunner({
    ecs: connection.ecs,
    journal,
    limits: { batchSize: config.batchSize, ruleLimit: config.ruleLimit },
    logger,
  });
  const app = createApp({
    config,
    ecs: connection.ecs,
    journal,
    runner,
    logger,
    mode: connection.mode,
    ...(connection.emulator === undefined ? {} : { emulator: connection.emulator }),
  });
  return {
    listener: getRequestListener(app.fetch),
    async close() {
      await runner.idle();
      journal.close();
      connection.stop();
    },
  };
}
