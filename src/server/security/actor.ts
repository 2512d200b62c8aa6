/**
 * Who a request acts as, journaled with every restore, undo, roll back, retry, snapshot and
 * watch it starts: the user a single-sign-on proxy names in TRUSTED_USER_HEADER when the request
 * comes from one of TRUSTED_PROXIES, else "console token" (CONSOLE_TOKEN is set, so the request
 * passed it) or "local". The header from any other address is ignored: a browser could send it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config';
import type { AppEnv } from '../hono-env';
import { createClientInfo } from './client-address';

/** Longest user name believed from the header (an e-mail address fits 254). */
export const MAX_ACTOR_LENGTH = 256;

/** Printable ASCII, no leading or trailing space: what a proxy writes for a user name or e-mail. */
const PRINTABLE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** The actor when no trusted proxy names a user. */
export function defaultActor(config: Config): string {
  return config.consoleToken === undefined ? 'local' : 'console token';
}

/** The header's value when it is a believable user name, else undefined. */
export function validActorName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const name = value.trim();
  return name.length <= MAX_ACTOR_LENGTH && PRINTABLE.test(name) ? name : undefined;
}

/** Middleware that puts the request's actor on the context (read it with `actorOf`). */
export function actorMiddleware(config: Config): MiddlewareHandler<AppEnv> {
  const clientInfo = createClientInfo(config.trustedProxies);
  const fallback = defaultActor(config);
  const header = config.trustedUserHeader;
  return async (c, next) => {
    const named =
      header !== undefined && clientInfo(c).viaTrustedProxy
        ? validActorName(c.req.header(header))
        : undefined;
    c.set('actor', named ?? fallback);
    await next();
  };
}

/** The request's actor, as journaled: what every route that writes the journal passes as `by`. */
export function actorOf(c: Context<AppEnv>): string {
  return c.get('actor');
}
