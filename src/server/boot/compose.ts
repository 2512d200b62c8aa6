/**
 * Wires one console from its configuration: ECS connection (live or emulator) → journal (with
 * start-up recovery) → runner → app. Shared by the production server and `npm run dev`, so both
 * run the same proxy.
 */
import { createApp } from '../app';
import { defaultActor } from '../security/actor';
import type { Config } from '../config';
import { openDataDir } from '../journal/open';
import type { Logger } from '../logger';
import { impactSettings } from '../protected-sources';
import { AutoReverter } from '../restore/auto-revert';
import { RestoreRunner } from '../restore/runner';
import { Watcher } from '../watch/watcher';
import { connectEcs } from './ecs-mode';

export interface ComposedConsole {
  app: ReturnType<typeof createApp>;
  mode: 'emulator' | 'live';
  journalFile: string;
  runner: RestoreRunner;
  autoReverter: AutoReverter;
  /** Closes the journal and the ECS connection (after the caller has let restores finish). */
  stop(): void;
}

export async function composeConsole(
  config: Config,
  logger: Logger,
  options: { distDir?: string } = {},
): Promise<ComposedConsole> {
  // DATA_DIR first: a refusal there comes before any ECS connection is set up.
  const opened = openDataDir(config.dataDir);
  let connection: Awaited<ReturnType<typeof connectEcs>>;
  try {
    connection = await connectEcs(config, logger);
  } catch (error) {
    opened.close();
    throw error;
  }
  const { journal, journalFile } = opened;
  // Restores that were running when the last process stopped can only be retried or rolled back.
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
    impact: impactSettings(config, journal),
    logger,
    actor: defaultActor(config),
  });
  // Armed deadlines are read from the journal: one that passed while the server was down fires now.
  const autoReverter = new AutoReverter({
    ecs: connection.ecs,
    journal,
    runner,
    logger,
    minuteMs: config.autoRevertMinuteMs,
  });
  autoReverter.start();
  const app = createApp({
    config,
    ecs: connection.ecs,
    journal,
    runner,
    autoReverter,
    logger,
    mode: connection.mode,
    ...(connection.emulator === undefined ? {} : { emulator: connection.emulator }),
    ...(options.distDir === undefined ? {} : { distDir: options.distDir }),
  });
  // Watched groups are read from the journal, so watches started before a restart go on.
  const watcher = new Watcher({
    ecs: connection.ecs,
    journal,
    logger,
    intervalS: config.watchIntervalS,
    retention: { retentionDays: config.snapshotRetentionDays, perGroup: config.snapshotsPerGroup },
  });
  watcher.start();
  return {
    app,
    mode: connection.mode,
    journalFile,
    runner,
    autoReverter,
    stop() {
      autoReverter.stop();
      // A read in flight finishes without writing (the watcher checks that it was stopped).
      void watcher.stop();
      opened.close();
      connection.stop();
    },
  };
}
