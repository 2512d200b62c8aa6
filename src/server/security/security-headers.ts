/**
 * Security headers on every response, with a fresh CSP nonce per request. antd's CSS-in-JS
 * inserts <style> elements; the nonce (served to the page in `<meta name="csp-nonce">`) lets
 * exactly those through while inline scripts and foreign styles stay blocked. React and antd
 * also position elements with `style` attributes (virtual lists, popups): those are allowed by
 * `style-src-attr`, which cannot load anything or run script, while `<style>` elements still
 * need the nonce.
 */
import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../hono-env';

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const nonce = randomBytes(16).toString('base64');
    c.set('nonce', nonce);
    await next();
    c.header('Content-Security-Policy', contentSecurityPolicy(nonce));
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
  };
}

/**
 * `Cache-Control: no-store` on every /api answer: they hold security-group rules and the
 * journal, which no browser or shared cache should keep (errors included).
 */
export function noStore(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  };
}
