/**
 * The proxy's Hono app: security middleware, then the JSON API of src/server/contract.ts (one
 * route module per resource in routes/, handlers inline after their paths), then (in
 * production) the built SPA.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import type { EcsPort } from '../ecs/ecs-port';
import { ConfigError, type Config } from './config';
import { ApiHttpError, toApiHttpError } from './errors';
import type { AppEnv } from './hono-env';
import type { Journal } from './journal/journal';
import type { Logger } from './logger';
import { createRegionRegistry } from './regions';
import type { AutoReverter } from './restore/auto-revert';
import type { RestoreRunner } from './restore/runner';
import { MAX_IMPORT_CHARS } from './contract';
import { emulatorControlRoutes, type EmulatorControls } from './routes/emulator';
import { importRoutes, IMPORT_PATH } from './routes/imports';
import { regionRoutes } from './routes/regions';
import { restoreRoutes } from './routes/restores';
import { sessionRoutes } from './routes/session';
import { snapshotRoutes } from './routes/snapshots';
import { settingsRoutes } from './routes/settings';
import { actorMiddleware } from './security/actor';
import { createHostPolicy } from './security/allowed-hosts';
import { apiBodyLimit, csrfGuard, hostGuard } from './security/request-guards';
import { noStore, securityHeaders } from './security/security-headers';
import { createTokenAuth } from './security/token-auth';
import { mountSpa } from './static-site';

export interface AppDeps {
  config: Config;
  ecs: EcsPort;
  journal: Journal;
  runner: RestoreRunner;
  /** The confirm-or-revert timer (Keep, Revert now, and the detail's countdown). */
  autoReverter: AutoReverter;
  logger: Logger;
  mode: 'emulator' | 'live';
  /** The emulator behind `ecs` in emulator mode (drives the test-only fault routes). */
  emulator?: EmulatorControls;
  /** Serve the built SPA from this directory (production); absent in dev and tests. */
  distDir?: string;
}

function requestLog(logger: Logger) {
  return async (c: Context<AppEnv>, next: () => Promise<void>) => {
    const started = performance.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);
    await next();
    c.header('X-Request-Id', requestId);
    // Method, path and status only: headers (cookies, Authorization) and bodies never reach the log.
    logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  };
}

/** Builds the app; `AppType` (its routes) is what the web client is typed from. */
export function createApp(deps: AppDeps) {
  const { config, ecs, journal, runner, logger } = deps;
  const regions = createRegionRegistry(ecs);
  const hosts = createHostPolicy(config);
  const auth = createTokenAuth(config);

  if (config.emulatorTestControls && (deps.mode !== 'emulator' || deps.emulator === undefined)) {
    throw new ConfigError(
      'Invalid configuration: EMULATOR_TEST_CONTROLS: needs the emulator (ECS_MODE=emulator); refusing to start',
    );
  }

  const app = new Hono<AppEnv>();
  app.onError((error, c) => {
    let failure: ApiHttpError;
    if (error instanceof HTTPException && !(error instanceof ApiHttpError)) {
      failure =
        error.status === 400
          ? new ApiHttpError(400, 'ValidationError', 'body is not valid JSON', { field: 'body' })
          : new ApiHttpError(error.status as 400, 'HttpError', error.message);
    } else failure = toApiHttpError(error);
    if (failure.status >= 500 && failure.code === 'InternalError')
      logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return c.json(failure.toBody(), failure.status, failure.headers);
  });
  app.notFound((c) =>
    c.json({ code: 'NotFound', message: `There is no ${c.req.method} ${c.req.path}.` }, 404),
  );

  app.use('*', requestLog(logger));
  app.use('*', compress());
  app.use('*', securityHeaders());
  app.use('*', hostGuard(hosts));
  app.use('/api/*', noStore());
  const bodyLimit = apiBodyLimit();
  // An imported rules file is the one large body: its own bound (JSON-escaped text, 1 MiB of it).
  const importBodyLimit = apiBodyLimit(3 * MAX_IMPORT_CHARS);
  app.use('/api/*', (c, next) =>
    IMPORT_PATH.test(c.req.path) ? importBodyLimit(c, next) : bodyLimit(c, next),
  );
  app.use('/api/*', csrfGuard(hosts));
  app.use('/api/*', auth.middleware);
  app.use('/api/*', actorMiddleware(config));
  app.use('/api/regions/:region/*', async (c, next) => {
    await regions.assertKnown(c.req.param('region') ?? '');
    await next();
  });

  if (deps.emulator !== undefined && config.emulatorTestControls) {
    app.route('/api/_emulator', emulatorControlRoutes(deps.emulator));
  }

  // One module per first path segment under /api (routes/<segment>.ts); login answers the
  // session, so it lives in routes/session.ts.
  const api = app
    .route('/api', sessionRoutes({ config, mode: deps.mode, auth }))
    .route('/api/regions', regionRoutes({ ecs, regions, runner }))
    .route('/api/regions', importRoutes({ ecs, snapshots: journal.snapshots }))
    .route('/api/restores', restoreRoutes({ journal, runner, autoReverter: deps.autoReverter }))
    .route(
      '/api',
      snapshotRoutes({
        ecs,
        journal,
        runner,
        watchIntervalS: config.watchIntervalS,
      }),
    )
    .route('/api/settings', settingsRoutes({ config, journal }));

  if (deps.distDir !== undefined) mountSpa(app, deps.distDir);
  return api;
}

export type AppType = ReturnType<typeof createApp>;
