/**
 * Chooses how the server reaches ECS: the real service through the credential chain, or the
 * built-in emulator when no credentials are found (ECS_MODE forces either).
 */
import http from 'node:http';
import type { EcsPort } from '../../ecs/ecs-port';
import { ConfigError, type Config } from '../config';
import { resolveCredentials } from '../ecs/credentials';
import { createSdkEcsPort } from '../ecs/sdk-ecs-port';
import type { Logger } from '../logger';
import type { EmulatorControls } from '../routes/emulator';

export interface EcsConnection {
  mode: 'emulator' | 'live';
  ecs: EcsPort;
  emulator?: EmulatorControls;
  stop(): void;
}

/** Header size that lets 100 permissions with long descriptions reach the emulator. */
const EMULATOR_HEADER_SIZE = 1024 * 1024;

export async function connectEcs(config: Config, logger: Logger): Promise<EcsConnection> {
  if (config.ecsMode !== 'emulator') {
    const resolved = await resolveCredentials();
    if (resolved !== null) {
      if (config.emulatorTestControls)
        throw new ConfigError(
          'Invalid configuration: EMULATOR_TEST_CONTROLS: set, but the credential chain found credentials (live mode); unset it or use ECS_MODE=emulator',
        );
      logger.info(
        { credentialSource: resolved.source, endpoint: config.ecsEndpoint ?? 'regional' },
        'ECS mode: live',
      );
      const ecs = createSdkEcsPort({
        credential: resolved.client,
        ...(config.ecsEndpoint === undefined ? {} : { endpoint: config.ecsEndpoint }),
      });
      return { mode: 'live', ecs, stop: () => undefined };
    }
    if (config.ecsMode === 'live')
      throw new ConfigError(
        'Invalid configuration: ECS_MODE: live, but the credential chain found no credentials (see the README: environment variables, CLI profile, credentials file, RAM role)',
      );
  }
  // Loaded only here so that live mode never imports the emulator or msw.
  const { startEmulatorMode } = await import('./emulator-mode');
  const started = startEmulatorMode(config);
  logger.warn(
    'ECS mode: emulator (no credentials found or ECS_MODE=emulator); the console shows demo data',
  );
  if (http.maxHeaderSize < EMULATOR_HEADER_SIZE) {
    // msw/node parses intercepted requests with Node's HTTP parser: a long Authorize URL would hang.
    logger.warn(
      { maxHeaderSize: http.maxHeaderSize, batchSize: config.batchSize },
      `start node with --max-http-header-size=${EMULATOR_HEADER_SIZE} (npm start and npm run serve do): large batches may not reach the emulator`,
    );
  }
  return { mode: 'emulator', ecs: started.ecs, emulator: started.emulator, stop: started.stop };
}
