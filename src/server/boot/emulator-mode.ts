/**
 * Emulator mode: the seeded ECS emulator behind msw interception, and the real SDK adapter
 * talking to it with fake keys. The only production file that imports src/mocks; used when the
 * credential chain finds nothing or ECS_MODE=emulator.
 */
import type { EcsPort } from '../../ecs/ecs-port';
import { createEcsEmulator, type EcsEmulator } from '../../mocks/emulator';
import { startEcsInterception } from '../../mocks/node';
import type { Config } from '../config';
import { createSdkEcsPort } from '../ecs/sdk-ecs-port';

export interface EmulatorMode {
  ecs: EcsPort;
  emulator: EcsEmulator;
  stop(): void;
}

/** Starts the seeded emulator; requests to other hosts pass through untouched. */
export function startEmulatorMode(config: Pick<Config, 'ruleLimit'>): EmulatorMode {
  const emulator = createEcsEmulator({ seed: 'demo', ruleLimit: config.ruleLimit });
  const interception = startEcsInterception(emulator, { onUnhandledRequest: 'bypass' });
  const ecs = createSdkEcsPort({
    accessKey: { id: 'emulator-access-key-id', secret: 'emulator-access-key-secret' },
  });
  return {
    ecs,
    emulator,
    stop: () => interception.close(),
  };
}
