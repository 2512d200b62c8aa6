/**
 * The proxy's Hono app: security middleware, then the JSON API of src/server/contract.ts with
 * thin handlers inline after their paths, then (in production) the built SPA.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { EcsPort } from '../ecs/ecs-port';
import type { Config } from './config';
import {
  GROUP_ID_PATTERN,
  groupDetailResponseSchema,
  groupListResponseSchema,
  languageSchema,
  listGroupsQuerySchema,
  loginRequestSchema,
  previewRequestSchema,
  previewResponseSchema,
  regionIdSchema,
  regionsResponseSchema,
  restoreAcceptedSchema,
  restoreDetailSchema,
  restoreIdSchema,
  restoreListQuerySchema,
  restoreListResponseSchema,
  sessionSchema,
  startRestoreRequestSchema,
  undoRequestSchema,
} from './contract';
import { emulatorControlRoutes, type EmulatorControls } from './emulator-controls';
import { ApiHttpError, toApiHttpError, validationError } from './errors';
import { loadGroup } from './group-reads';
import { listGroups } from './group-search';
import type { AppEnv } from './hono-env';
import type { Journal } from './journal/journal';
import type { Logger } from './logger';
import { planPair, previewView } from './preview';
import { createRegionRegistry } from './regions';
import { restoreDetailView, restoreSummaryView } from './restore/restore-views';
import type { RestoreRunner } from './restore/runner';
import { createHostPolicy } from './security/allowed-hosts';
import { apiBodyLimit, csrfGuard, hostGuard } from './security/request-guards';
import { securityHeaders } from './security/security-headers';
import { createTokenAuth } from './security/token-auth';
import { mountSpa } from './static-site';
import { send, valid } from './validate';

export interface AppDeps {
  config: Config;
  ecs: EcsPort;
  journal: Journal;
  runner: RestoreRunner;
  logger: Logger;
  mode: 'emulator' | 'live';
  /** The emulator behind `ecs` in emulator mode (drives the test-only fault routes). */
  emulator?: EmulatorControls;
  /** Serve the built SPA from this directory (production); absent in dev and tests. */
  distDir?: string;
}

const groupId = z.string().regex(GROUP_ID_PATTERN, 'is not a security group ID (sg-...)');
const regionParams = z.object({ region: regionIdSchema });
const groupParams = z.object({ region: regionIdSchema, id: groupId });
const restoreParams = z.object({ id: restoreIdSchema });
const regionsQuery = z.object({ language: languageSchema.optional() }).strict();

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
  const auth = createTokenAuth(config.consoleToken);
  const limits = { batchSize: config.batchSize, ruleLimit: config.ruleLimit };
  const planning = { ecs, limits };

  if (config.emulatorTestControls && (deps.mode !== 'emulator' || deps.emulator === undefined)) {
    throw new Error('EMULATOR_TEST_CONTROLS needs emulator mode; refusing to start');
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
    return c.json(failure.toBody(), failure.status);
  });
  app.notFound((c) =>
    c.json({ code: 'NotFound', message: `There is no ${c.req.method} ${c.req.path}.` }, 404),
  );

  app.use('*', requestLog(logger));
  app.use('*', compress());
  app.use('*', securityHeaders());
  app.use('*', hostGuard(hosts));
  app.use('/api/*', apiBodyLimit());
  app.use('/api/*', csrfGuard(hosts));
  app.use('/api/*', auth.middleware);
  app.use('/api/regions/:region/*', async (c, next) => {
    await regions.assertKnown(c.req.param('region') ?? '');
    await next();
  });

  if (deps.emulator !== undefined && config.emulatorTestControls) {
    app.route('/api/_emulator', emulatorControlRoutes(deps.emulator));
  }

  const api = app
    .get('/api/session', (c) =>
      c.json(
        send(sessionSchema, {
          mode: deps.mode,
          ruleLimit: config.ruleLimit,
          batchSize: config.batchSize,
          loginRequired: !auth.authenticated(c),
        }),
        200,
      ),
    )
    .post('/api/login', valid('json', loginRequestSchema), (c) => {
      if (!auth.login(c, c.req.valid('json').token)) {
        throw new ApiHttpError(401, 'Unauthorized', 'The access token is not correct.', {
          field: 'token',
        });
      }
      return c.json(
        send(sessionSchema, {
          mode: deps.mode,
          ruleLimit: config.ruleLimit,
          batchSize: config.batchSize,
          loginRequired: false,
        }),
        200,
      );
    })
    .get('/api/regions', valid('query', regionsQuery), async (c) => {
      const list = await regions.list(c.req.valid('query').language);
      return c.json(send(regionsResponseSchema, { regions: list }), 200);
    })
    .get(
      '/api/regions/:region/security-groups',
      valid('param', regionParams),
      valid('query', listGroupsQuerySchema),
      async (c) => {
        const { region } = c.req.valid('param');
        const query = c.req.valid('query');
        return c.json(send(groupListResponseSchema, await listGroups(ecs, region, query)), 200);
      },
    )
    .get('/api/regions/:region/security-groups/:id', valid('param', groupParams), async (c) => {
      const { region, id } = c.req.valid('param');
      const detail = await loadGroup(ecs, region, id, 'source');
      return c.json(send(groupDetailResponseSchema, detail), 200);
    })
    .post(
      '/api/regions/:region/security-groups/:id/restore-preview',
      valid('param', groupParams),
      valid('json', previewRequestSchema),
      async (c) => {
        const { region, id } = c.req.valid('param');
        const body = c.req.valid('json');
        const planned = await planPair(
          planning,
          region,
          id,
          body.destinationId,
          body.mode,
          body.options,
        );
        return c.json(send(previewResponseSchema, previewView(planned)), 200);
      },
    )
    .post(
      '/api/regions/:region/security-groups/:id/restores',
      valid('param', groupParams),
      valid('json', startRestoreRequestSchema),
      async (c) => {
        const { region, id } = c.req.valid('param');
        const restoreId = await runner.startRestore(region, id, c.req.valid('json'));
        return c.json(send(restoreAcceptedSchema, { restoreId }), 202);
      },
    )
    .get('/api/restores', valid('query', restoreListQuerySchema), (c) => {
      const query = c.req.valid('query');
      if (query.cursor !== undefined && !/^\d{1,18}$/.test(query.cursor)) {
        throw validationError('cursor', 'is not a cursor of this list');
      }
      const page = journal.list({
        limit: query.limit,
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        ...(query.sourceId === undefined ? {} : { sourceId: query.sourceId }),
      });
      return c.json(
        send(restoreListResponseSchema, {
          restores: page.restores.map((r) => restoreSummaryView(r, journal.steps(r.id))),
          nextCursor: page.nextCursor,
        }),
        200,
      );
    })
    .get('/api/restores/:id', valid('param', restoreParams), (c) => {
      const { id } = c.req.valid('param');
      const record = journal.get(id);
      if (record === undefined)
        throw new ApiHttpError(404, 'RestoreNotFound', `There is no restore ${id}.`, {
          field: 'id',
        });
      return c.json(send(restoreDetailSchema, restoreDetailView(record, journal.steps(id))), 200);
    })
    .post('/api/restores/:id/retry', valid('param', restoreParams), async (c) => {
      const restoreId = await runner.retry(c.req.valid('param').id);
      return c.json(send(restoreAcceptedSchema, { restoreId }), 202);
    })
    .post('/api/restores/:id/rollback', valid('param', restoreParams), async (c) => {
      const restoreId = await runner.revert(c.req.valid('param').id, 'rollback');
      return c.json(send(restoreAcceptedSchema, { restoreId }), 202);
    })
    .get('/api/restores/:id/undo-preview', valid('param', restoreParams), async (c) => {
      const preview = await runner.undoPreview(c.req.valid('param').id);
      return c.json(send(previewResponseSchema, preview), 200);
    })
    .post(
      '/api/restores/:id/undo',
      valid('param', restoreParams),
      valid('json', undoRequestSchema),
      async (c) => {
        const restoreId = await runner.revert(
          c.req.valid('param').id,
          'undo',
          c.req.valid('json').revision,
        );
        return c.json(send(restoreAcceptedSchema, { restoreId }), 202);
      },
    );

  if (deps.distDir !== undefined) mountSpa(app, deps.distDir);
  return api;
}

export type AppType = ReturnType<typeof createApp>;
