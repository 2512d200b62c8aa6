/**
 * `/api/session`, `/api/login` and `/api/logout`: what the console runs on and whether it needs
 * the access token. Login and logout live here because they answer the same session; all three
 * stay reachable without the token (security/token-auth.ts).
 */
import { Hono, type Context } from 'hono';
import type { Config } from '../config';
import { loginRequestSchema, sessionSchema } from '../contract';
import type { AppEnv } from '../hono-env';
import type { TokenAuth } from '../security/token-auth';
import { send, valid } from '../validate';

export interface SessionRouteDeps {
  config: Pick<Config, 'ruleLimit' | 'batchSize'>;
  mode: 'emulator' | 'live';
  auth: TokenAuth;
}

/** Routes mounted on `/api`: GET /session, POST /login, POST /logout. */
export function sessionRoutes({ config, mode, auth }: SessionRouteDeps) {
  const session = (state: { loginRequired: boolean; signedIn: boolean }) =>
    send(sessionSchema, {
      mode,
      ruleLimit: config.ruleLimit,
      batchSize: config.batchSize,
      loginRequired: state.loginRequired,
      ...(state.signedIn ? { signedIn: true as const } : {}),
    });
  const current = (c: Context<AppEnv>) =>
    session({ loginRequired: !auth.authenticated(c), signedIn: auth.signedIn(c) });

  return new Hono<AppEnv>()
    .get('/session', (c) => c.json(current(c), 200))
    .post('/login', valid('json', loginRequestSchema), (c) => {
      const started = auth.login(c, c.req.valid('json').token);
      return c.json(session({ loginRequired: false, signedIn: started }), 200);
    })
    .post('/logout', (c) => {
      auth.logout(c);
      return c.json(session({ loginRequired: !auth.authenticated(c), signedIn: false }), 200);
    });
}
