/** The web client's view: `hc<AppType>` gives typed calls and typed answers over the real app. */
import { hc } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppType } from '../../src/server/app';
import { createTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
let client: ReturnType<typeof hc<AppType>>;
beforeAll(async () => {
  stack = await createTestStack();
  client = hc<AppType>('http://localhost', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      stack.app.fetch(new Request(input, init)),
    headers: { 'content-type': 'application/json' },
  });
});
afterAll(() => stack.close());

describe('hc<AppType>', () => {
  it('types the session, regions and groups routes', async () => {
    const session = await client.api.session.$get();
    expect(session.status).toBe(200);
    const body = await session.json();
    expect(body.mode).toBe('emulator');

    const regions = await client.api.regions.$get({ query: { language: 'zh-CN' } });
    const { regions: list } = await regions.json();
    expect(list.some((r) => r.regionId === 'cn-hangzhou')).toBe(true);

    const groups = await client.api.regions[':region']['security-groups'].$get({
      param: { region: 'cn-hangzhou' },
      query: { search: 'web-prod' },
    });
    expect(groups.status).toBe(200);
    if (groups.status === 200) {
      const page = await groups.json();
      expect(page.groups.map((g) => g.name)).toContain('web-prod');
    }
  });

  it('types the error answers of the restores routes', async () => {
    const res = await client.api.restores[':id'].$get({ param: { id: 'rst-unknown00' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'RestoreNotFound' });
  });
});
