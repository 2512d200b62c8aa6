/**
 * `/api/session` and `/api/login`: what the console runs on and whether it needs the access
 * token. Login lives here because it answers the same session; both stay reachable without the
 * token (security/token-auth.ts).
 */
import { Hono } from 'hono';
import type { Config } from '../config';
import { loginRequestSchema, sessionSchema } from '../contract';
import { ApiHttpError } from '../errors';
import type { AppEnv } from '../hono-env';
import type { TokenAuth } from '../security/token-auth';
import { send, valid } from '../validate';

export interface SessionRouteDeps {
  config: Pick<Config, 'ruleLimit' | 'batchSize'>;
  mode: 'emulator' | 'live';
  auth: TokenAuth;
}

/** Routes mounted on `/api`: GET /session, POST /login. */
export function sessionRoutes({ config, mode, auth }: SessionRouteDeps) {
  const session = (loginRequired: boolean) =>
    send(sessionSchema, {
      mode,
      ruleLimit: config.ruleLimit,
      batchSize: config.batchSize,
      loginRequired,
    });

  return new Hono<AppEnv>()
    .get('/session', (c) => c.json(session(!auth.authenticated(c)), 200))
    .post('/login', valid('json', loginRequestSchema), (c) => {
      if (!auth.login(c, c.req.valid('json').token)) {
        throw new ApiHttpError(401, 'Unauthorized', 'The access token is not correct.', {
          field: 'token',
        });
      }
      return c.json(session(false), 200);
    });
}
