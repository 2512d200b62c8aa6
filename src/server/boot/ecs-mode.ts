/**
 * Chooses how the server reaches ECS: the real service through the credential chain, or the
 * built-in emulator when no credentials are found (ECS_MODE forces either).
 */
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
  // Loaded only here so that live mode never imports the emulator.
  const { startEmulatorMode } = await import('./emulator-mode');
  const started = await startEmulatorMode(config);
  logger.warn(
    'ECS mode: emulator (no credentials found or ECS_MODE=emulator); the console shows demo data',
  );
  return { mode: 'emulator', ecs: started.ecs, emulator: started.emulator, stop: started.stop };
}
