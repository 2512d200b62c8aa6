/**
 * Serves the built SPA: hashed files under /assets cached for a year (their names change with
 * their content), index.html never cached and carrying this response's CSP nonce, and every
 * other non-API GET answered with index.html so client-side routes survive a reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { firstScreenPreloadTags } from './first-screen-preloads';
import type { AppEnv } from './hono-env';

/**
 * Inserts `<meta name="csp-nonce">` (read by the web app for antd's ConfigProvider `csp`) and
 * anything else for the top of `<head>` (the first screen's preloads).
 */
export function withNonce(html: string, nonce: string, head = ''): string {
  return html.replace(
    /<head([^>]*)>/i,
    `<head$1>\n    <meta name="csp-nonce" content="${nonce}" />${head}`,
  );
}

export function mountSpa(app: Hono<AppEnv>, distDir: string): void {
  const root = path.resolve(distDir);
  const indexFile = path.join(root, 'index.html');
  let cached: { mtimeMs: number; html: string } | undefined;
  const indexHtml = (): string | undefined => {
    if (!fs.existsSync(indexFile)) return undefined;
    const { mtimeMs } = fs.statSync(indexFile);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: fs.readFileSync(indexFile, 'utf8') };
    return cached.html;
  };

  app.use('/assets/*', async (c, next) => {
    await next();
    // Hashed names change with their content, so a cached copy is never stale.
    if (c.res.status === 200)
      c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  });
  // Build-time .br/.gz copies (scripts/vite-precompress.ts) are sent as they are.
  app.use('/assets/*', serveStatic({ root, precompressed: true }));
  app.get('*', async (c, next) => {
    // API paths and missing hashed assets are real 404s, not the app.
    if (
      c.req.path.startsWith('/api/') ||
      c.req.path === '/api' ||
      c.req.path.startsWith('/assets/')
    )
      return next();
    // Files at the top of dist (favicon, robots.txt ...), but never index.html without its nonce.
    if (c.req.path !== '/' && c.req.path !== '/index.html') {
      const file = path.join(root, path.normalize(c.req.path));
      if (file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        const served = await serveStatic({ root })(c, next);
        if (served instanceof Response && served.status === 200)
          served.headers.set('Cache-Control', 'public, max-age=3600');
        return served;
      }
    }
    const html = indexHtml();
    if (html === undefined) return next();
    c.header('Cache-Control', 'no-cache');
    const preloads = firstScreenPreloadTags(new URL(c.req.url), c.req.header('accept-language'));
    return c.html(withNonce(html, c.get('nonce'), preloads), 200);
  });
}
