/** The test-only /api/_emulator routes: present only when asked for, in emulator mode. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { createSdkEcsPort } from '../../src/server/ecs/sdk-ecs-port';
import { createLogger } from '../../src/server/logger';
import { createTestStack, type TestStack } from '../support/test-stack';
import { getJson, postJson } from './helpers';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack({ config: { emulatorTestControls: true } });
});
afterAll(() => stack.close());

describe('/api/_emulator', () => {
  it('arms faults the next ECS calls meet, and clears them', async () => {
    expect(
      (
        await postJson(stack.app, '/api/_emulator/fail', {
          action: 'DescribeRegions',
          nth: 1,
          code: 'Forbidden.RAM',
          status: 403,
        })
      ).status,
    ).toBe(200);
    const failed = await getJson(stack.app, '/api/regions');
    expect(failed.status).toBe(403);
    expect(failed.body.code).toBe('Forbidden.RAM');
    expect((await postJson(stack.app, '/api/_emulator/latency', { ms: 5 })).status).toBe(200);
    expect((await postJson(stack.app, '/api/_emulator/throttle', { n: 1 })).status).toBe(200);
    expect((await getJson(stack.app, '/api/regions')).status).toBe(200);
    expect(
      (
        await postJson(stack.app, '/api/_emulator/fail-after-apply', {
          action: 'AuthorizeSecurityGroup',
          nth: 1,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await postJson(stack.app, '/api/_emulator/drop', {
          action: 'RevokeSecurityGroup',
          nth: 1,
          afterApply: true,
        })
      ).status,
    ).toBe(200);
    expect((await postJson(stack.app, '/api/_emulator/clear-faults')).status).toBe(200);
    expect((await postJson(stack.app, '/api/_emulator/reset')).status).toBe(200);
  });

  it('validates its input', async () => {
    const res = await postJson(stack.app, '/api/_emulator/fail', {
      action: 'Describe Regions',
      nth: 0,
      code: '',
      status: 200,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ValidationError');
  });

  it('refuses to exist outside emulator mode', () => {
    expect(() =>
      createApp({
        config: stack.config,
        ecs: createSdkEcsPort({
          accessKey: { id: 'test-access-key-id', secret: 'test-access-key-secret' },
        }),
        journal: stack.journal,
        runner: stack.runner,
        logger: createLogger('silent'),
        mode: 'live',
      }),
    ).toThrow(/EMULATOR_TEST_CONTROLS/);
  });
});
