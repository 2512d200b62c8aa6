/**
 * CONSOLE_TOKEN access control. When set, every /api request except the session and login
 * routes needs the token, as `Authorization: Bearer <token>` or as the HttpOnly SameSite=Strict
 * cookie that POST /api/login sets. Comparisons are constant-time.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ApiHttpError } from '../errors';
import type { AppEnv } from '../hono-env';

export const SESSION_COOKIE = 'rrc_session';

/** Paths reachable without the token: the UI must learn that it has to log in, and log in. */
const OPEN_PATHS = new Set(['/api/session', '/api/login']);

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time equality of two strings of any length. */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** The cookie carries a value derived from the token, never the token itself. */
function sessionValue(token: string): string {
  return createHmac('sha256', token).update('restore-rules-console session v1').digest('base64url');
}

export interface TokenAuth {
  /** True when the request carries the token (always true without CONSOLE_TOKEN). */
  authenticated(c: Context<AppEnv>): boolean;
  middleware: MiddlewareHandler<AppEnv>;
  /** Checks a login token; on success sets the session cookie. */
  login(c: Context<AppEnv>, token: string): boolean;
}

export function createTokenAuth(consoleToken: string | undefined): TokenAuth {
  const authenticated = (c: Context<AppEnv>) => {
    if (consoleToken === undefined) return true;
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(.+)$/i.exec(header);
      return match !== null && safeEqual(match[1]!.trim(), consoleToken);
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    return cookie !== undefined && safeEqual(cookie, sessionValue(consoleToken));
  };
  return {
    authenticated,
    middleware: async (c, next) => {
      if (!OPEN_PATHS.has(c.req.path) && !authenticated(c)) {
        throw new ApiHttpError(
          401,
          'Unauthorized',
          'This console needs its access token; log in first.',
        );
      }
      await next();
    },
    login(c, token) {
      if (consoleToken === undefined) return true;
      if (!safeEqual(token, consoleToken)) return false;
      setCookie(c, SESSION_COOKIE, sessionValue(consoleToken), {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
      });
      return true;
    },
  };
}
