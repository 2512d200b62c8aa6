/**
 * Everything under `/api/restores`: the history list (filtered, paged) and its exports, one
 * restore's detail with its links, and what can be done with a restore that exists (retry, roll
 * back, undo and its preview), each journaled with the request's actor. Starting a restore is a
 * POST under its group, in regions.ts.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  autoRevertSchema,
  followUpRequestSchema,
  historyExportFormatSchema,
  previewResponseSchema,
  restoreAcceptedSchema,
  restoreDetailSchema,
  restoreIdSchema,
  restoreListQuerySchema,
  restoreListResponseSchema,
  undoRequestSchema,
} from '../contract';
import { ApiHttpError, validationError } from '../errors';
import { historyCsv, historyJson } from '../history/export';
import { historyFileStem, historyFilterOf } from '../history/filters';
import type { AppEnv } from '../hono-env';
import type { Journal, RestoreRecord } from '../journal/journal';
import { restoreDetailView, restoreSummaryView } from '../restore/restore-views';
import type { AutoReverter } from '../restore/auto-revert';
import type { RestoreRunner } from '../restore/runner';
import { actorOf } from '../security/actor';
import { send, valid } from '../validate';

export interface RestoreRouteDeps {
  journal: Journal;
  runner: RestoreRunner;
  now?: () => Date;
  autoReverter: AutoReverter;
}

const restoreParams = z.object({ id: restoreIdSchema });

/** An export holds at most this many restores (newest first), so one file stays bounded. */
export const EXPORT_LIMIT = 5000;

const exportQuerySchema = restoreListQuerySchema
  .omit({ cursor: true, limit: true })
  .extend({ format: historyExportFormatSchema.default('csv') })
  .strict();

/** Routes mounted on `/api/restores`. */
export function restoreRoutes({
  journal,
  runner,
  autoReverter,
  now = () => new Date(),
}: RestoreRouteDeps) {
  const detailOf = (record: RestoreRecord) => {
    const autoRevert = autoReverter.view(record.id);
    return {
      ...restoreDetailView(record, journal.steps(record.id), journal.children(record.id)),
      ...(autoRevert === undefined ? {} : { autoRevert }),
    };
  };
  return new Hono<AppEnv>()
    .get('/', valid('query', restoreListQuerySchema), (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      if (cursor !== undefined && !/^\d{1,18}$/.test(cursor)) {
        throw validationError('cursor', 'is not a cursor of this list');
      }
      const page = journal.list({
        limit,
        ...(cursor === undefined ? {} : { cursor }),
        ...historyFilterOf(filters),
      });
      return c.json(
        send(restoreListResponseSchema, {
          restores: page.restores.map((r) => restoreSummaryView(r, journal.steps(r.id))),
          nextCursor: page.nextCursor,
        }),
        200,
      );
    })
    .get('/export', valid('query', exportQuerySchema), (c) => {
      const { format, ...filters } = c.req.valid('query');
      const filter = historyFilterOf(filters);
      const records: RestoreRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = journal.list({
          ...filter,
          limit: 100,
          ...(cursor === undefined ? {} : { cursor }),
        });
        records.push(...page.restores);
        cursor = page.nextCursor === '' ? undefined : page.nextCursor;
      } while (cursor !== undefined && records.length < EXPORT_LIMIT);
      const details = records.slice(0, EXPORT_LIMIT).map(detailOf);
      const at = now();
      const stem = historyFileStem(filter, at);
      const file =
        format === 'csv'
          ? historyCsv(details, stem)
          : historyJson(
              details,
              { exportedAt: at.toISOString(), filter: { ...filter } as Record<string, string> },
              stem,
            );
      return c.body(file.body, 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
      });
    })
    .get('/:id', valid('param', restoreParams), (c) => {
      const { id } = c.req.valid('param');
      const record = journal.get(id);
      if (record === undefined)
        throw new ApiHttpError(404, 'RestoreNotFound', `There is no restore ${id}.`, {
          field: 'id',
        });
      return c.json(send(restoreDetailSchema, detailOf(record)), 200);
    })
    .post('/:id/stop', valid('param', restoreParams), (c) => {
      const { id } = c.req.valid('param');
      runner.stop(id, actorOf(c));
      return c.json(send(restoreAcceptedSchema, { restoreId: id }), 202);
    })
    .post('/:id/keep', valid('param', restoreParams), (c) => {
      const autoRevert = autoReverter.keep(c.req.valid('param').id, actorOf(c));
      return c.json(send(autoRevertSchema, autoRevert), 200);
    })
    .post('/:id/revert-now', valid('param', restoreParams), async (c) => {
      const restoreId = await autoReverter.revertNow(c.req.valid('param').id, actorOf(c));
      return c.json(send(restoreAcceptedSchema, { restoreId }), 202);
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
        const restoreId = await runner.retry(
          c.req.valid('param').id,
          revision,
          confirmName,
          actorOf(c),
        );
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
        const { revision, confirmName } = c.req.valid('json');
        const restoreId = await runner.revert(
          c.req.valid('param').id,
          'rollback',
          revision,
          actorOf(c),
          { confirmName },
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
        const { revision, confirmName } = c.req.valid('json');
        const restoreId = await runner.revert(
          c.req.valid('param').id,
          'undo',
          revision,
          actorOf(c),
          { confirmName },
        );
        return c.json(send(restoreAcceptedSchema, { restoreId }), 202);
      },
    );
}
