/**
 * Everything under `/api/restores`: the history list (filtered, paged) and its exports, one
 * restore's detail with its links, and what can be done with a restore that exists (retry, roll
 * back, undo and its preview), each journaled with the request's actor. Starting a restore is a
 * POST under its group, in regions.ts.
 */
import { Hono } from 'hono';
import { createFactory } from 'hono/factory';
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
import { autoRevertLinks, automaticRevertMark } from '../history/auto-revert-links';
import { historyCsv, historyJson } from '../history/export';
import { historyFileStem, historyFilterOf } from '../history/filters';
import type { AppEnv } from '../hono-env';
import type { Journal, ListedRestore, RestoreRecord } from '../journal/journal';
import { restoreDetailView, restoreSummaryView } from '../restore/restore-views';
import type { AutoReverter } from '../restore/auto-revert';
import type { FollowUp } from '../restore/revert-preview';
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
/** Handlers built apart from their path keep their validators' types for the typed client. */
const routeFactory = createFactory<AppEnv>();

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
    const detail = restoreDetailView(record, journal.steps(record.id), journal.children(record.id));
    const links = autoRevertLinks(journal, record);
    const mark = automaticRevertMark(links);
    return {
      ...detail,
      ...(mark === undefined ? {} : { automaticRevert: mark }),
      links: { ...detail.links, ...links },
      ...(autoRevert === undefined ? {} : { autoRevert }),
    };
  };
  /** A list row: its automatic-revert mark comes with it from the list query. */
  const summaryOf = (record: ListedRestore) => ({
    ...restoreSummaryView(record, journal.steps(record.id)),
    ...(record.automaticRevert === undefined ? {} : { automaticRevert: record.automaticRevert }),
  });
  /** GET /:id/<kind>-preview: what that follow-up would change now. */
  const previewOf = (followUp: FollowUp) =>
    routeFactory.createHandlers(valid('param', restoreParams), async (c) => {
      const preview = await runner.followUpPreview(c.req.valid('param').id, followUp);
      return c.json(send(previewResponseSchema, preview), 200);
    });
  /** POST /:id/<kind>: validates the body with `body`, starts the follow-up as the request's actor. */
  const startOf = <S extends z.ZodType>(
    body: S,
    start: (id: string, json: z.output<S>, by: string) => Promise<string>,
  ) =>
    routeFactory.createHandlers(valid('param', restoreParams), valid('json', body), async (c) => {
      const restoreId = await start(c.req.valid('param').id, c.req.valid('json'), actorOf(c));
      return c.json(send(restoreAcceptedSchema, { restoreId }), 202);
    });
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
          restores: page.restores.map(summaryOf),
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
    .get('/:id/retry-preview', ...previewOf('retry'))
    .post(
      '/:id/retry',
      ...startOf(followUpRequestSchema, (id, { revision, confirmName }, by) =>
        runner.retry(id, revision, confirmName, by),
      ),
    )
    .get('/:id/rollback-preview', ...previewOf('rollback'))
    .post(
      '/:id/rollback',
      ...startOf(followUpRequestSchema, (id, { revision, confirmName }, by) =>
        runner.revert(id, 'rollback', revision, by, { confirmName }),
      ),
    )
    .get('/:id/undo-preview', ...previewOf('undo'))
    .post(
      '/:id/undo',
      ...startOf(undoRequestSchema, (id, { revision, confirmName }, by) =>
        runner.revert(id, 'undo', revision, by, { confirmName }),
      ),
    );
}
