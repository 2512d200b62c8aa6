/** The test-only /api/_emulator routes: present only when asked for, in emulator mode. */
import { hc } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { createSdkEcsPort } from '../../src/server/ecs/sdk-ecs-port';
import { createLogger } from '../../src/server/logger';
import { createTestStack, groupIdByName, type TestStack } from '../support/test-stack';
import type { emulatorControlRoutes } from '../../src/server/routes/emulator';
import { apiOf, errorOf } from './helpers';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack({ config: { emulatorTestControls: true } });
});
afterAll(() => stack.close());

/** The routes are mounted outside `AppType` (only on request): type them from their module. */
function controls() {
  return hc<ReturnType<typeof emulatorControlRoutes>>('http://localhost/api/_emulator', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      stack.app.fetch(new Request(input, init)),
    headers: { 'content-type': 'application/json' },
  });
}

describe('/api/_emulator', () => {
  it('arms faults the next ECS calls meet, and clears them', async () => {
    const api = apiOf(stack.app);
    const ok = async (res: Response) => {
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
    };
    await ok(
      await controls().fail.$post({
        json: { action: 'DescribeRegions', nth: 1, code: 'Forbidden.RAM', status: 403 },
      }),
    );
    const failed = await api.regions.$get({ query: {} });
    expect(failed.status).toBe(403);
    expect((await errorOf(failed)).code).toBe('Forbidden.RAM');
    await ok(await controls().latency.$post({ json: { ms: 5 } }));
    await ok(await controls().throttle.$post({ json: { n: 1 } }));
    expect((await api.regions.$get({ query: {} })).status).toBe(200);
    await ok(
      await controls()['fail-after-apply'].$post({
        json: { action: 'AuthorizeSecurityGroup', nth: 1 },
      }),
    );
    await ok(
      await controls().drop.$post({
        json: { action: 'RevokeSecurityGroup', nth: 1, afterApply: true },
      }),
    );
    await ok(await controls()['clear-faults'].$post());
    await ok(await controls().reset.$post());
  });

  it('adds rules to a group outside the console, and answers 404 for an unknown group', async () => {
    const webProd = await groupIdByName(stack.app, 'cn-hangzhou', 'web-prod');
    const rules = async () =>
      (
        await (
          await apiOf(stack.app).regions[':region']['security-groups'][':id'].$get({
            param: { region: 'cn-hangzhou', id: webProd },
          })
        ).json()
      ).rules;
    const before = (await rules()).length;
    const permission = {
      IpProtocol: 'TCP',
      PortRange: '9443/9443',
      SourceCidrIp: '10.8.0.0/16',
      Policy: 'Accept',
      Priority: '1',
    };
    const added = await controls()['add-rules'].$post({
      json: {
        regionId: 'cn-hangzhou',
        groupId: webProd,
        direction: 'ingress',
        permissions: [permission],
      },
    });
    expect(added.status).toBe(200);
    expect((await rules()).length).toBe(before + 1);
    const unknown = await controls()['add-rules'].$post({
      json: {
        regionId: 'cn-hangzhou',
        groupId: 'sg-unknown0000',
        direction: 'ingress',
        permissions: [permission],
      },
    });
    expect(unknown.status).toBe(404);
    await controls().reset.$post();
  });

  it('validates its input', async () => {
    const res = await controls().fail.$post({
      json: { action: 'Describe Regions', nth: 0, code: '', status: 200 },
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({
      code: 'ValidationError',
      details: { field: 'action' },
    });
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
        autoReverter: stack.autoReverter,
        logger: createLogger('silent'),
        mode: 'live',
      }),
    ).toThrow(/EMULATOR_TEST_CONTROLS/);
  });
});
