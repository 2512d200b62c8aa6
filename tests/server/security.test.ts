/**
 * The security rules of issue 4 section 4: Host allow-list (DNS rebinding), Origin and
 * Sec-Fetch-Site on mutating requests (CSRF), JSON content type, body limit, the access token,
 * security headers with a CSP nonce, and the served SPA.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { createSdkEcsPort } from '../../src/server/ecs/sdk-ecs-port';
import { createLogger } from '../../src/server/logger';
import { createTestStack, type TestStack } from '../support/test-stack';

const PREVIEW = '/api/regions/cn-hangzhou/security-groups/sg-abcdefgh1234/restore-preview';
const VALID_BODY = JSON.stringify({ destinationId: 'sg-zyxwvuts9876', mode: 'completely' });

describe('Host and Origin checks, content type, body limit', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack({
      config: { port: 8787, allowedHosts: ['console.example.com'] },
    });
  });
  afterAll(() => stack.close());

  it.each([
    'localhost:8787',
    '127.0.0.1:8787',
    '[::1]:8787',
    'localhost',
    'console.example.com',
    'console.example.com:443',
  ])('answers the Host %s', async (host) => {
    const res = await stack.app.request('/api/session', { headers: { host } });
    expect(res.status).toBe(200);
  });

  it.each([
    'evil.com',
    'evil.com:8787',
    'localhost:9999',
    'localhost.evil.com:8787',
    '127.0.0.1.nip.io:8787',
    '',
    'local host',
  ])('refuses the Host %j with 403 ForbiddenHost (DNS rebinding)', async (host) => {
    const res = await stack.app.request('/api/regions', { headers: { host } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'ForbiddenHost' });
  });

  it.each([
    'http://evil.com',
    'null',
    'http://localhost:9999',
    'https://localhost.evil.com',
    'file://',
    'http://localhost:8787/path',
  ])('refuses a mutating request from Origin %s', async (origin) => {
    const res = await stack.app.request(PREVIEW, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: VALID_BODY,
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'ForbiddenOrigin' });
  });

  it.each(['cross-site', 'same-site'])(
    'refuses Sec-Fetch-Site: %s on a mutating request',
    async (site) => {
      const res = await stack.app.request(PREVIEW, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': site },
        body: VALID_BODY,
      });
      expect(res.status).toBe(403);
    },
  );

  it('accepts a same-origin mutating request', async () => {
    const res = await stack.app.request(PREVIEW, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://localhost:8787',
        'sec-fetch-site': 'same-origin',
        host: 'localhost:8787',
      },
      body: VALID_BODY,
    });
    // Past the guards: the group does not exist.
    expect(res.status).toBe(404);
  });

  it.each([
    undefined,
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonp',
  ])('refuses a mutating request with content type %s (415)', async (contentType) => {
    const headers: Record<string, string> =
      contentType === undefined ? {} : { 'content-type': contentType };
    const res = await stack.app.request(PREVIEW, { method: 'POST', headers, body: VALID_BODY });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: 'UnsupportedMediaType' });
  });

  it('refuses a body over 64 KiB (413)', async () => {
    const body = JSON.stringify({
      destinationId: 'sg-zyxwvuts9876',
      mode: 'completely',
      pad: 'x'.repeat(70 * 1024),
    });
    const res = await stack.app.request(PREVIEW, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PayloadTooLarge' });
  });

  it('sets the security headers on every response, errors included, with a fresh nonce', async () => {
    const a = await stack.app.request('/api/session');
    const b = await stack.app.request('/api/nothing');
    for (const res of [a, b]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
      // <style> elements need the nonce; style attributes (antd positioning) cannot run script.
      expect(csp).toMatch(/style-src-elem 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(csp).toContain("style-src-attr 'unsafe-inline'");
      expect(csp).not.toMatch(/(script|style)-src(-elem)? [^;]*'unsafe-inline'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const nonce = (res: Response) =>
      /nonce-([^']+)/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce(a)).not.toBe(nonce(b));
  });

  it('exposes no emulator controls unless asked', async () => {
    const res = await stack.app.request('/api/_emulator/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(404);
  });
});

describe('a specific bind address', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack({
      config: { host: '192.168.1.10', port: 8787, consoleToken: 'a-long-enough-token' },
    });
  });
  afterAll(() => stack.close());

  it('is an allowed Host with its port, and still needs the token', async () => {
    const headers = { host: '192.168.1.10:8787', authorization: 'Bearer a-long-enough-token' };
    expect((await stack.app.request('/api/regions', { headers })).status).toBe(200);
    expect(
      (await stack.app.request('/api/regions', { headers: { host: '192.168.1.10:8787' } })).status,
    ).toBe(401);
    expect(
      (
        await stack.app.request('/api/regions', {
          headers: { ...headers, host: '192.168.1.10:9999' },
        })
      ).status,
    ).toBe(403);
  });
});

describe('CONSOLE_TOKEN', () => {
  const TOKEN = 'correct-horse-battery-staple-42';
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack({ config: { consoleToken: TOKEN } });
  });
  afterAll(() => stack.close());

  it('tells the UI a login is needed and refuses the API without the token', async () => {
    const session = await stack.app.request('/api/session');
    expect(await session.json()).toMatchObject({ loginRequired: true });
    const regions = await stack.app.request('/api/regions');
    expect(regions.status).toBe(401);
    expect(await regions.json()).toMatchObject({ code: 'Unauthorized' });
    const wrong = await stack.app.request('/api/regions', {
      headers: { authorization: 'Bearer not-the-token-at-all' },
    });
    expect(wrong.status).toBe(401);
    const basic = await stack.app.request('/api/regions', {
      headers: { authorization: `Basic ${TOKEN}` },
    });
    expect(basic.status).toBe(401);
  });

  it('accepts the bearer token', async () => {
    const res = await stack.app.request('/api/regions', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
  });

  it('logs in with the token: an HttpOnly SameSite=Strict cookie that is not the token', async () => {
    const bad = await stack.app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'nope' }),
    });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();

    const res = await stack.app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: TOKEN }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ loginRequired: false });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toContain(TOKEN);
    const pair = cookie.split(';')[0]!;
    const session = await stack.app.request('/api/session', { headers: { cookie: pair } });
    expect(await session.json()).toMatchObject({ loginRequired: false });
    expect((await stack.app.request('/api/regions', { headers: { cookie: pair } })).status).toBe(
      200,
    );
    expect(
      (await stack.app.request('/api/regions', { headers: { cookie: `${pair}x` } })).status,
    ).toBe(401);
  });

  it('validates the login body', async () => {
    const res = await stack.app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ details: { field: 'token' } });
  });
});

describe('the served SPA', () => {
  let stack: TestStack;
  let dist: string;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    stack = await createTestStack();
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'rrc-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      `<!doctype html><html><head><title>Restore Rules</title><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`,
    );
    fs.writeFileSync(
      path.join(dist, 'assets', 'index-abc123.js'),
      `console.log(${JSON.stringify('x'.repeat(4000))});`,
    );
    fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = createApp({
      config: stack.config,
      ecs: stackEcs(),
      journal: stack.journal,
      runner: stack.runner,
      autoReverter: stack.autoReverter,
      logger: createLogger('silent'),
      mode: 'emulator',
      distDir: dist,
    });
  });
  afterAll(async () => {
    await stack.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html uncached, with the response nonce in a meta tag', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    const nonce = /nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`<meta name="csp-nonce" content="${nonce}" />`);
  });

  it("preloads the first screen's API reads from index.html, in the browser's language", async () => {
    const html = await (
      await app.request('/?region=cn-hangzhou', {
        headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
      })
    ).text();
    const preloads = [
      ...html.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)"/g),
    ].map((match) => match[1]);
    expect(preloads).toEqual([
      '/api/session',
      '/api/regions?language=zh-CN',
      '/api/regions/cn-hangzhou/security-groups?pageSize=20',
      '/api/regions/cn-hangzhou/security-groups?pageSize=100',
      '/api/watches',
    ]);
    // They come before the app's scripts, so the browser asks for them first.
    expect(html.indexOf('rel="preload"')).toBeLessThan(html.indexOf('<script'));
    const filtered = await (
      await app.request('/security-groups?region=cn-hangzhou&q=a%26b&vpc=vpc-1')
    ).text();
    expect(filtered).toContain(
      'href="/api/regions/cn-hangzhou/security-groups?search=a%26b&amp;vpcId=vpc-1&amp;pageSize=20"',
    );
    expect(filtered).toContain('href="/api/regions?language=en-US"');
    // A region that is not an ECS region ID gets no list (it would go into a URL and the page).
    const odd = await (await app.request('/?region=%22%3E%3Cscript%3E')).text();
    expect(odd).not.toContain('security-groups?');
    expect(odd).not.toContain('<script>');
  });

  it('falls back to index.html for client routes, never for /api or missing assets', async () => {
    const route = await app.request('/regions/cn-hangzhou/security-groups');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('csp-nonce');
    const api = await app.request('/api/nope');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'NotFound' });
    expect((await app.request('/assets/missing-123.js')).status).toBe(404);
  });

  it('caches hashed assets for a year and compresses them', async () => {
    const res = await app.request('/assets/index-abc123.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });

  it('serves top-level files and refuses path traversal', async () => {
    expect((await app.request('/favicon.svg')).status).toBe(200);
    const traversal = await app.request('/..%2F..%2Fetc%2Fpasswd');
    expect(await traversal.text()).not.toContain('root:');
  });

  it('applies the Host check to the SPA too', async () => {
    expect((await app.request('/', { headers: { host: 'evil.com' } })).status).toBe(403);
  });
});

/** The real adapter with fake keys (these apps make no ECS call that the emulator does not serve). */
function stackEcs() {
  return createSdkEcsPort({
    accessKey: { id: 'test-access-key-id', secret: 'test-access-key-secret' },
  });
}

describe('logs', () => {
  it('never contain the token, cookies or keys', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', sink);
    const TOKEN = 'super-secret-console-token-1';
    logger.info(
      {
        headers: { authorization: `Bearer ${TOKEN}`, cookie: 'rrc_session=abc' },
        accessKeySecret: 'SECRETKEY',
        config: { consoleToken: TOKEN },
      },
      'probe',
    );
    const stack = await createTestStack({ config: { consoleToken: TOKEN } });
    const app = createApp({
      config: stack.config,
      ecs: stackEcs(),
      journal: stack.journal,
      runner: stack.runner,
      autoReverter: stack.autoReverter,
      logger,
      mode: 'emulator',
    });
    await app.request('/api/regions', {
      headers: { authorization: `Bearer ${TOKEN}`, cookie: 'rrc_session=abc' },
    });
    await app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: TOKEN }),
    });
    await stack.close();
    const all = lines.join('');
    expect(all).toContain('probe');
    expect(all).toContain('/api/regions');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain('SECRETKEY');
    expect(all).not.toContain('rrc_session=abc');
  });
});
