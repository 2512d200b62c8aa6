/**
 * The real SDK, through our adapter, against the ECS emulator served by msw/node. Fake static
 * keys only: no test reaches a credential chain.
 */
import {
  createEcsEmulator,
  type EcsEmulator,
  type EmulatorOptions,
} from '../../../src/mocks/emulator';
import { startEcsInterception } from '../../../src/mocks/node';
import { normalizeRule } from '../../../src/domain/normalize';
import type { Rule, RuleInput } from '../../../src/domain/types';
import type { EcsPort, SecurityGroupSummary } from '../../../src/ecs/ecs-port';
import { createSdkEcsPort, type SdkEcsPortOptions } from '../../../src/server/ecs/sdk-ecs-port';

export const REGION = 'cn-hangzhou';

/** URLs of the HTTP requests msw intercepted since the current test began. */
export const interceptedUrls: string[] = [];

let server: ReturnType<typeof startEcsInterception> | undefined;

/** The running msw server, for `server.use()` answers the emulator cannot give. */
export function mswServer(): ReturnType<typeof startEcsInterception> {
  if (!server) throw new Error('useEmulator() first');
  return server;
}

/** Starts an emulator behind msw for the file's tests; every test starts from the seed. */
export function useEmulator(options?: EmulatorOptions): EcsEmulator {
  const emulator = createEcsEmulator(options);
  beforeAll(() => {
    server = startEcsInterception(emulator, { onUnhandledRequest: 'error' });
    server.events.on('request:start', ({ request }) => {
      interceptedUrls.push(request.url);
    });
  });
  afterAll(() => server?.close());
  afterEach(() => server?.resetHandlers());
  beforeEach(() => {
    emulator.reset();
    interceptedUrls.length = 0;
  });
  return emulator;
}

export interface TestPort {
  port: EcsPort;
  /** Every backoff the adapter asked for, in ms (nobody actually waits). */
  waits: number[];
}

export function makePort(options: Partial<SdkEcsPortOptions> = {}): TestPort {
  const waits: number[] = [];
  const port = createSdkEcsPort({
    accessKey: { id: 'test-access-key-id', secret: 'test-access-key-secret' },
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    timeoutMs: 5000,
    ...options,
  });
  return { port, waits };
}

/** Every group of a region, following NextToken. */
export async function allGroups(
  port: EcsPort,
  regionId: string,
  maxResults = 100,
): Promise<SecurityGroupSummary[]> {
  const groups: SecurityGroupSummary[] = [];
  let nextToken = '';
  do {
    const page = await port.describeSecurityGroups(
      regionId,
      {},
      { maxResults, ...(nextToken ? { nextToken } : {}) },
    );
    groups.push(...page.groups);
    nextToken = page.nextToken;
  } while (nextToken);
  return groups;
}

export async function groupId(port: EcsPort, name: string, regionId = REGION): Promise<string> {
  const page = await port.describeSecurityGroups(regionId, { securityGroupName: name }, {});
  const found = page.groups.find((group) => group.name === name);
  if (!found) throw new Error(`no seeded group ${name} in ${regionId}`);
  return found.id;
}

export function vpcRule(input: Omit<RuleInput, 'meta'>): Rule {
  return normalizeRule(input, { vpc: true });
}

/** Distinct ingress TCP rules from 10.x.y.0/24, one per index. */
export function manyRules(count: number, direction: 'ingress' | 'egress' = 'ingress'): Rule[] {
  return Array.from({ length: count }, (_, i) =>
    vpcRule({
      direction,
      protocol: 'tcp',
      portRange: `${30000 + i}/${30000 + i}`,
      cidr: `10.${Math.floor(i / 200)}.${i % 200}.0/24`,
      priority: (i % 100) + 1,
      description: `bulk rule ${i} of ${count}`,
    }),
  );
}

export function callsOf(emulator: EcsEmulator, action: string) {
  return emulator.calls.filter((call) => call.action === action);
}
