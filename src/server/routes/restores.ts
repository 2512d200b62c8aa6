/**
 * Everything under `/api/restores`: the history list, one restore's detail, and what can be
 * done with a restore that exists (retry, roll back, undo, each with its preview). Starting a restore
 * is a POST under its group, in regions.ts.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  followUpRequestSchema,
  previewResponseSchema,
  restoreAcceptedSchema,
  restoreDetailSchema,
  restoreIdSchema,
  restoreListQuerySchema,
  restoreListResponseSchema,
  undoRequestSchema,
} from '../contract';
import { ApiHttpError, validationError } from '../errors';
import type { AppEnv } from '../hono-env';
import type { Journal } from '../journal/journal';
import { restoreDetailView, restoreSummaryView } from '../restore/restore-views';
import type { RestoreRunner } from '../restore/runner';
import { send, valid } from '../validate';

export interface RestoreRouteDeps {
  journal: Journal;
  runner: RestoreRunner;
}

const restoreParams = z.object({ id: restoreIdSchema });

/** Routes mounted on `/api/restores`. */
export function restoreRoutes({ journal, runner }: RestoreRouteDeps) {
  return new Hono<AppEnv>()
    .get('/', valid('query', restoreListQuerySchema), (c) => {
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
    .get('/:id', valid('param', restoreParams), (c) => {
      const { id } = c.req.valid('param');
      const record = journal.get(id);
      if (record === undefined)
        throw new ApiHttpError(404, 'RestoreNotFound', `There is no restore ${id}.`, {
          field: 'id',
        });
      return c.json(send(restoreDetailSchema, restoreDetailView(record, journal.steps(id))), 200);
    })
    .get('/:id/retry-preview', valid('param', restoreParams), async (c) => {
      const preview = await runner.followUpPreview(c.req.valid('param').id, 'retry');
      return c.json(send(previewResponseSchema, preview), 200);
    })
    .post(
      '/:id/retry',
      valid('param', restoreParams),
      valid('json', followUpRequestSchema),
      async (c) => {
        const { revision, confirmName } = c.req.valid('json');
        const restoreId = await runner.retry(c.req.valid('param').id, revision, confirmName);
        return c.json(send(restoreAcceptedSchema, { restoreId }), 202);
      },
    )
    .get('/:id/rollback-preview', valid('param', restoreParams), async (c) => {
      const preview = await runner.followUpPreview(c.req.valid('param').id, 'rollback');
      return c.json(send(previewResponseSchema, preview), 200);
    })
    .post(
      '/:id/rollback',
      valid('param', restoreParams),
      valid('json', followUpRequestSchema),
      async (c) => {
        const restoreId = await runner.revert(
          c.req.valid('param').id,
          'rollback',
          c.req.valid('json').revision,
        );
        return c.json(send(restoreAcceptedSchema, { restoreId }), 202);
      },
    )
    .get('/:id/undo-preview', valid('param', restoreParams), async (c) => {
      const preview = await runner.followUpPreview(c.req.valid('param').id, 'undo');
      return c.json(send(previewResponseSchema, preview), 200);
    })
    .post(
      '/:id/undo',
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
}
