/**
 * Starts the production server: config → ECS connection (live or emulator) → journal (with
 * start-up recovery) → runner → app → listen.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { assertSafeBind, loadConfig, type Config } from './config';
import { connectEcs } from './ecs-mode';
import { openJournal } from './journal/journal';
import { createLogger, type Logger } from './logger';
import { RestoreRunner } from './restore/runner';

export interface RunningServer {
  config: Config;
  url: string;
  mode: 'emulator' | 'live';
  /** Stops taking requests, lets running restores finish (bounded), closes the journal. */
  close(): Promise<void>;
}

/** How long shutdown waits for running restores before leaving them to start-up recovery. */
const SHUTDOWN_GRACE_MS = 10_000;

export async function startServer(
  options: { env?: Record<string, string | undefined>; distDir?: string; logger?: Logger } = {},
): Promise<RunningServer> {
  const config = loadConfig(options.env ?? process.env);
  assertSafeBind(config);
  const logger = options.logger ?? createLogger(config.logLevel);
  const connection = await connectEcs(config, logger);
  const journalFile = path.resolve(config.dataDir, 'journal.db');
  const journal = openJournal(journalFile);
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
    ...(options.distDir === undefined ? {} : { distDir: options.distDir }),
  });

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info(
    { url, mode: connection.mode, journal: journalFile },
    'Restore Rules console listening',
  );

  return {
    config,
    url,
    mode: connection.mode,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
      await Promise.race([runner.idle(), grace]);
      runner.halt();
      journal.close();
      connection.stop();
    },
  };
}
