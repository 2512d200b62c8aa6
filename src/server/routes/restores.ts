/**
 * Everything under `/api/restores`: the history list, one restore's detail, and what can be
 * done with a restore that exists (retry, roll back, undo and its preview). Starting a restore
 * is a POST under its group, in regions.ts.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  autoRevertSchema,
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
import type { AutoReverter } from '../restore/auto-revert';
import type { RestoreRunner } from '../restore/runner';
import { send, valid } from '../validate';

export interface RestoreRouteDeps {
  journal: Journal;
  runner: RestoreRunner;
  autoReverter: AutoReverter;
  /** Who Keep and Revert now are recorded as decided by. */
  actor: string;
}

const restoreParams = z.object({ id: restoreIdSchema });

/** Routes mounted on `/api/restores`. */
export function restoreRoutes({ journal, runner, autoReverter, actor }: RestoreRouteDeps) {
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
      const autoRevert = autoReverter.view(id);
      const detail = {
        ...restoreDetailView(record, journal.steps(id)),
        ...(autoRevert === undefined ? {} : { autoRevert }),
      };
      return c.json(send(restoreDetailSchema, detail), 200);
    })
    .post('/:id/stop', valid('param', restoreParams), (c) => {
      const { id } = c.req.valid('param');
      runner.stop(id);
      return c.json(send(restoreAcceptedSchema, { restoreId: id }), 202);
    })
    .post('/:id/keep', valid('param', restoreParams), (c) => {
      const autoRevert = autoReverter.keep(c.req.valid('param').id, actor);
      return c.json(send(autoRevertSchema, autoRevert), 200);
    })
    .post('/:id/revert-now', valid('param', restoreParams), async (c) => {
      const restoreId = await autoReverter.revertNow(c.req.valid('param').id, actor);
      return c.json(send(restoreAcceptedSchema, { restoreId }), 202);
    })
    .post('/:id/retry', valid('param', restoreParams), async (c) => {
      const restoreId = await runner.retry(c.req.valid('param').id);
      return c.json(send(restoreAcceptedSchema, { restoreId }), 202);
    })
    .post('/:id/rollback', valid('param', restoreParams), async (c) => {
      const restoreId = await runner.revert(c.req.valid('param').id, 'rollback');
      return c.json(send(restoreAcceptedSchema, { restoreId }), 202);
    })
    .get('/:id/undo-preview', valid('param', restoreParams), async (c) => {
      const preview = await runner.undoPreview(c.req.valid('param').id);
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
