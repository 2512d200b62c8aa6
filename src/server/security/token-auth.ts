/**
 * CONSOLE_TOKEN access control. When set, every /api request except the session, login and
 * logout routes needs the token, as `Authorization: Bearer <token>` or as the HttpOnly
 * SameSite=Strict cookie that POST /api/login sets: a new random session ID with an expiry
 * (SESSION_HOURS), revoked by POST /api/logout (security/session-store.ts). Wrong tokens are
 * throttled per client address (security/failure-throttle.ts). Comparisons are constant-time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config';
import { ApiHttpError } from '../errors';
import type { AppEnv } from '../hono-env';
import { createClientInfo } from './client-address';
import { createFailureThrottle, type FailureThrottle } from './failure-throttle';
import { createSessionStore, type SessionStore } from './session-store';

export const SESSION_COOKIE = 'rrc_session';

/** Paths reachable without the token: the UI must learn that it has to log in, log in and out. */
const OPEN_PATHS = new Set(['/api/session', '/api/login', '/api/logout']);

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time equality of two strings of any length. */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

export interface TokenAuth {
  /** True when the request carries the token or a live session (always true without CONSOLE_TOKEN). */
  authenticated(c: Context<AppEnv>): boolean;
  /** True when CONSOLE_TOKEN is set and the request carries a live session cookie. */
  signedIn(c: Context<AppEnv>): boolean;
  middleware: MiddlewareHandler<AppEnv>;
  /**
   * Checks a login token; on success starts a session and sets its cookie. Throws 429 while the
   * client is throttled and 401 for a wrong token. Returns whether a session was started
   * (false without CONSOLE_TOKEN, where there is nothing to sign in to).
   */
  login(c: Context<AppEnv>, token: string): boolean;
  /** Revokes the request's session (if any) and clears its cookie. */
  logout(c: Context<AppEnv>): void;
  /** Exposed for the bounds' tests. */
  sessions: SessionStore;
  throttle: FailureThrottle;
}

function tooManyFailures(seconds: number): ApiHttpError {
  return new ApiHttpError(
    429,
    'TooManyAttempts',
    `Too many wrong access tokens from this address; try again in ${seconds} s.`,
    { retryAfterSeconds: seconds },
    undefined,
    { 'Retry-After': String(seconds) },
  );
}

export function createTokenAuth(
  config: Pick<Config, 'consoleToken' | 'sessionHours' | 'trustedProxies'>,
): TokenAuth {
  const { consoleToken } = config;
  const maxAgeSeconds = Math.round(config.sessionHours * 3600);
  const sessions = createSessionStore(maxAgeSeconds * 1000);
  const throttle = createFailureThrottle();
  const clientInfo = createClientInfo(config.trustedProxies);

  const cookieSession = (c: Context<AppEnv>) => {
    const id = getCookie(c, SESSION_COOKIE);
    return id !== undefined && sessions.valid(id);
  };
  const bearer = (c: Context<AppEnv>): string | undefined | null => {
    const header = c.req.header('authorization');
    if (header === undefined) return undefined;
    const match = /^Bearer\s+(.+)$/i.exec(header);
    return match === null ? null : match[1]!.trim();
  };
  const authenticated = (c: Context<AppEnv>) => {
    if (consoleToken === undefined) return true;
    const given = bearer(c);
    if (given !== undefined) return given !== null && safeEqual(given, consoleToken);
    return cookieSession(c);
  };
  /** Counts a token attempt; throws 429 while blocked, 401 when wrong. */
  const checkAttempt = (
    c: Context<AppEnv>,
    token: string,
    wrongMessage: string,
    field?: string,
  ) => {
    const { address } = clientInfo(c);
    const wait = throttle.blockedFor(address);
    if (wait !== undefined) throw tooManyFailures(wait);
    if (safeEqual(token, consoleToken ?? '')) {
      throttle.succeeded(address);
      return;
    }
    throttle.failed(address);
    throw new ApiHttpError(
      401,
      'Unauthorized',
      wrongMessage,
      field === undefined ? undefined : { field },
    );
  };

  return {
    authenticated,
    signedIn: (c) => consoleToken !== undefined && cookieSession(c),
    sessions,
    throttle,
    middleware: async (c, next) => {
      if (consoleToken === undefined || OPEN_PATHS.has(c.req.path)) return next();
      const given = bearer(c);
      if (given !== undefined) {
        // A malformed Authorization header counts as a wrong token.
        checkAttempt(c, given ?? '', 'The access token is not correct.');
        return next();
      }
      if (!cookieSession(c)) {
        throw new ApiHttpError(
          401,
          'Unauthorized',
          'This console needs its access token; log in first.',
        );
      }
      await next();
    },
    login(c, token) {
      if (consoleToken === undefined) return false;
      checkAttempt(c, token, 'The access token is not correct.', 'token');
      const previous = getCookie(c, SESSION_COOKIE);
      if (previous !== undefined) sessions.revoke(previous);
      setCookie(c, SESSION_COOKIE, sessions.create(), {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        maxAge: maxAgeSeconds,
        secure: clientInfo(c).https,
      });
      return true;
    },
    logout(c) {
      const id = getCookie(c, SESSION_COOKIE);
      if (id !== undefined) sessions.revoke(id);
      deleteCookie(c, SESSION_COOKIE, {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: clientInfo(c).https,
      });
    },
  };
}
