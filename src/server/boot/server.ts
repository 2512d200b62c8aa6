/**
 * Starts the production server: config → ECS connection (live or emulator) → journal (with
 * start-up recovery) → runner → app → listen.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { assertSafeBind, loadConfig, type Config } from '../config';
import { createLogger, type Logger } from '../logger';
import { composeConsole } from './compose';

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
  const { app, mode, journalFile, runner, stop } = await composeConsole(config, logger, {
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
  logger.info({ url, mode, journal: journalFile }, 'Restore Rules console listening');

  return {
    config,
    url,
    mode,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
      await Promise.race([runner.idle(), grace]);
      runner.halt();
      stop();
    },
  };
}
