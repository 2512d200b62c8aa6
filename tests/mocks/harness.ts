import type { SetupServer } from 'msw/node';
import {
  createEcsEmulator,
  type EcsEmulator,
  type EmulatorOptions,
} from '../../src/mocks/emulator';
import { startEcsInterception } from '../../src/mocks/node';
import { ecsClient, req } from './sdk';

/**
 * One emulator behind msw/node for a test file (unhandled requests are errors), reset before
 * each test. `groupId(name)` finds a seeded group through the SDK, as a client would.
 */
export function useEmulator(options: EmulatorOptions = {}) {
  const emulator: EcsEmulator = createEcsEmulator(options);
  let server: SetupServer | undefined;
  beforeAll(() => {
    server = startEcsInterception(emulator, { onUnhandledRequest: 'error' });
  });
  afterAll(() => server?.close());
  beforeEach(() => emulator.reset());
  const client = ecsClient();
  const groupId = async (name: string, regionId = 'cn-hangzhou'): Promise<string> => {
    const res = await ecsClient(regionId).describeSecurityGroups(
      req.groups({ regionId, securityGroupName: name }),
    );
    const id = res.body?.securityGroups?.securityGroup?.[0]?.securityGroupId;
    if (!id) throw new Error(`no seeded group named ${name}`);
    return id;
  };
  return { emulator, client, groupId };
}
