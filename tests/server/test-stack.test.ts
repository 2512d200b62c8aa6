/** The shared test stack: the web app's fetches to apiOrigin reach the real proxy in-process. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, type TestStack } from '../support/test-stack';

const ORIGIN = 'http://localhost:3000';
let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack({ apiOrigin: ORIGIN });
});
afterAll(() => stack.close());

describe('createTestStack({ apiOrigin })', () => {
  it('forwards fetch(`${apiOrigin}/api/*`) into the app', async () => {
    const res = await fetch(`${ORIGIN}/api/session`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ mode: 'emulator', loginRequired: false });
  });

  it('forwards mutating requests with the browser Origin', async () => {
    const res = await fetch(
      `${ORIGIN}/api/regions/cn-hangzhou/security-groups/sg-abcdefgh1234/restore-preview`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ destinationId: 'sg-zyxwvuts9876', mode: 'completely' }),
      },
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'InvalidSecurityGroupId.NotFound' });
  });

  it('refuses requests to hosts it does not know (onUnhandledRequest: error)', async () => {
    await expect(fetch('http://elsewhere.test/x')).rejects.toThrow();
  });
});
