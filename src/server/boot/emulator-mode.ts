/**
 * Emulator mode: the seeded ECS emulator on a loopback HTTP endpoint of its own, and the real SDK
 * adapter talking to it with fake keys. The only production file that imports src/mocks; used
 * when the credential chain finds nothing or ECS_MODE=emulator.
 *
 * Why an HTTP endpoint rather than msw interception: msw's mock sockets leave both HTTP parsers
 * of every intercepted request allocated (freed for reuse, never closed), a few KB per ECS call
 * for the life of the process, which a console left running for weeks cannot afford. Over
 * loopback the SDK uses real keep-alive sockets, exactly as in live mode.
 */
import type { EcsPort } from '../../ecs/ecs-port';
import { createEcsEmulator, type EcsEmulator } from '../../mocks/emulator';
import { startEmulatorHttpServer } from '../../mocks/http-server';
import type { Config } from '../config';
import { createSdkEcsPort } from '../ecs/sdk-ecs-port';

export interface EmulatorMode {
  ecs: EcsPort;
  emulator: EcsEmulator;
  stop(): void;
}

/** Starts the seeded emulator on 127.0.0.1 (a free port) and the SDK adapter pointed at it. */
export async function startEmulatorMode(config: Pick<Config, 'ruleLimit'>): Promise<EmulatorMode> {
  const emulator = createEcsEmulator({ seed: 'demo', ruleLimit: config.ruleLimit });
  const endpoint = await startEmulatorHttpServer(emulator, { host: '127.0.0.1', port: 0 });
  const ecs = createSdkEcsPort({
    accessKey: { id: 'emulator-access-key-id', secret: 'emulator-access-key-secret' },
    endpoint: endpoint.url,
  });
  return {
    ecs,
    emulator,
    stop: () => void endpoint.close(),
  };
}
