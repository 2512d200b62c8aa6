/**
 * Sessions with CONSOLE_TOKEN (issue 11 point 4): a new cookie value at every login with an
 * expiry, logout that revokes it, throttling of wrong tokens per client address, and which
 * X-Forwarded-* headers are believed (only from TRUSTED_PROXIES). Also `Cache-Control: no-store`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_FAILURES,
  WINDOW_MS,
  createFailureThrottle,
} from '../../src/server/security/failure-throttle';
import { createSessionStore } from '../../src/server/security/session-store';
import { createTestStack, type TestStack } from '../support/test-stack';

const TOKEN = 'correct-horse-battery-staple-42';
const PROTECTED = '/api/restores';

/** What @hono/node-server gives the app for a request from `address`. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

let stack: TestStack;
beforeEach(async () => {
  stack = await createTestStack({
    config: { consoleToken: TOKEN, sessionHours: 2, trustedProxies: [] },
  });
});
afterEach(async () => {
  vi.useRealTimers();
  await stack.close();
});

async function login(token: string, address = '192.0.2.1', headers: Record<string, string> = {}) {
  return stack.app.request(
    '/api/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ token }),
    },
    from(address),
  );
}

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;
const get = (path: string, headers: Record<string, string>, address = '192.0.2.1') =>
  stack.app.request(path, { headers }, from(address));

describe('login and logout', () => {
  it('sets a new cookie value at every login, with Max-Age from SESSION_HOURS', async () => {
    const a = await login(TOKEN);
    const b = await login(TOKEN);
    expect(a.status).toBe(200);
    expect(await a.json()).toMatchObject({ loginRequired: false, signedIn: true });
    const header = a.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/Max-Age=7200/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).not.toMatch(/Secure/);
    expect(cookieOf(a)).not.toBe(cookieOf(b));
    expect(cookieOf(a)).not.toContain(TOKEN);
    for (const cookie of [cookieOf(a), cookieOf(b)])
      expect((await get(PROTECTED, { cookie })).status).toBe(200);
    const session = await get('/api/session', { cookie: cookieOf(a) });
    expect(await session.json()).toMatchObject({ loginRequired: false, signedIn: true });
  });

  it('logs out: the cookie is cleared and its session revoked, other sessions stay', async () => {
    const mine = cookieOf(await login(TOKEN));
    const other = cookieOf(await login(TOKEN));
    const out = await stack.app.request(
      '/api/logout',
      { method: 'POST', headers: { 'content-type': 'application/json', cookie: mine } },
      from('192.0.2.1'),
    );
    expect(out.status).toBe(200);
    expect(await out.json()).toMatchObject({ loginRequired: true });
    expect(out.headers.get('set-cookie')).toMatch(/rrc_session=;.*Max-Age=0/);
    // The old value no longer opens anything, even if a client kept it.
    expect((await get(PROTECTED, { cookie: mine })).status).toBe(401);
    const session = await get('/api/session', { cookie: mine });
    expect(await session.json()).not.toHaveProperty('signedIn');
    expect((await get(PROTECTED, { cookie: other })).status).toBe(200);
  });

  it('ends a session when it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const cookie = cookieOf(await login(TOKEN));
    vi.setSystemTime(new Date('2026-01-01T01:59:59Z'));
    expect((await get(PROTECTED, { cookie })).status).toBe(200);
    vi.setSystemTime(new Date('2026-01-01T02:00:01Z'));
    expect((await get(PROTECTED, { cookie })).status).toBe(401);
    expect(await (await get('/api/session', { cookie })).json()).toMatchObject({
      loginRequired: true,
    });
  });

  it('says nothing about signing in on a server without a token', async () => {
    const open = await createTestStack();
    const res = await open.app.request('/api/session');
    expect(await res.json()).not.toHaveProperty('signedIn');
    await open.close();
  });
});

describe('wrong tokens are slowed per client address', () => {
  it('answers 429 with Retry-After after 5 wrong logins in a minute, the right token included', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    for (let i = 0; i < MAX_FAILURES; i += 1)
      expect((await login('wrong-token-wrong-token')).status).toBe(401);
    const blocked = await login('wrong-token-wrong-token');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    expect(await blocked.json()).toMatchObject({ code: 'TooManyAttempts' });
    expect((await login(TOKEN)).status).toBe(429);
    // Another address is not affected.
    expect((await login(TOKEN, '192.0.2.99')).status).toBe(200);
    vi.setSystemTime(new Date('2026-01-01T00:00:30Z'));
    expect((await login(TOKEN)).headers.get('retry-after')).toBe('30');
    vi.setSystemTime(new Date(Date.parse('2026-01-01T00:00:00Z') + WINDOW_MS));
    expect((await login(TOKEN)).status).toBe(200);
  });

  it('counts wrong bearer tokens too, and a success resets the count', async () => {
    const bearer = (token: string) => get(PROTECTED, { authorization: `Bearer ${token}` });
    for (let i = 0; i < MAX_FAILURES - 1; i += 1)
      expect((await bearer('not-the-token-at-all')).status).toBe(401);
    expect((await bearer(TOKEN)).status).toBe(200);
    for (let i = 0; i < MAX_FAILURES - 1; i += 1)
      expect((await bearer('not-the-token-at-all')).status).toBe(401);
    // Without the reset this would be the sixth failure in the minute.
    expect((await login('wrong-token-wrong-token')).status).toBe(401);
    const blocked = await bearer(TOKEN);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('keeps its memory bounded', () => {
    const throttle = createFailureThrottle(100);
    for (let i = 0; i < 1000; i += 1) throttle.failed(`10.0.${i >> 8}.${i & 255}`);
    expect(throttle.size()).toBeLessThanOrEqual(100);
    const sessions = createSessionStore(60_000, 50);
    const ids = Array.from({ length: 500 }, () => sessions.create());
    expect(sessions.size()).toBeLessThanOrEqual(50);
    expect(sessions.valid(ids.at(-1)!)).toBe(true);
    expect(sessions.valid(ids[0]!)).toBe(false);
  });
});

describe('TRUSTED_PROXIES', () => {
  let proxied: TestStack;
  beforeEach(async () => {
    proxied = await createTestStack({
      config: {
        consoleToken: TOKEN,
        trustedProxies: [{ address: '10.0.0.0', prefix: 8, family: 'ipv4' }],
      },
    });
  });
  afterEach(() => proxied.close());

  const loginVia = (address: string, headers: Record<string, string>, token = TOKEN) =>
    proxied.app.request(
      '/api/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ token }),
      },
      from(address),
    );

  it('marks the cookie Secure only when a trusted proxy says the browser used HTTPS', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    expect((await loginVia('10.1.2.3', https)).headers.get('set-cookie')).toMatch(/Secure/);
    expect((await loginVia('::ffff:10.1.2.3', https)).headers.get('set-cookie')).toMatch(/Secure/);
    expect((await loginVia('198.51.100.7', https)).headers.get('set-cookie')).not.toMatch(/Secure/);
    expect((await loginVia('10.1.2.3', {})).headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('throttles the client named by a trusted proxy, and ignores the header from others', async () => {
    const wrong = 'wrong-token-wrong-token';
    for (let i = 0; i < MAX_FAILURES; i += 1)
      await loginVia('10.0.0.2', { 'x-forwarded-for': '203.0.113.5' }, wrong);
    // The client behind the proxy is blocked, another client behind it is not.
    expect((await loginVia('10.0.0.2', { 'x-forwarded-for': '203.0.113.5' })).status).toBe(429);
    expect((await loginVia('10.0.0.2', { 'x-forwarded-for': '203.0.113.6' })).status).toBe(200);
    // A client that is not a proxy cannot choose its address with the header.
    for (let i = 0; i < MAX_FAILURES; i += 1)
      await loginVia('198.51.100.7', { 'x-forwarded-for': `203.0.113.${100 + i}` }, wrong);
    expect((await loginVia('198.51.100.7', { 'x-forwarded-for': '203.0.113.200' })).status).toBe(
      429,
    );
    // Entries left of the last untrusted hop were written by the client and prove nothing.
    expect(
      (await loginVia('10.0.0.2', { 'x-forwarded-for': '203.0.113.77, 203.0.113.5' })).status,
    ).toBe(429);
  });
});

describe('Cache-Control', () => {
  it('is no-store on every /api answer, errors included', async () => {
    const cookie = cookieOf(await login(TOKEN));
    const answers = [
      await get('/api/session', {}),
      await get(PROTECTED, { cookie }),
      await get(PROTECTED, {}),
      await get('/api/nothing-here', { cookie }),
      await login('wrong-token-wrong-token'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 404, 401]);
    for (const res of answers) expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
