/**
 * Snapshots, watches, the timeline, compare, clone and export (SPEC section 12). Mounted on
 * `/api` because its paths start under two segments: `/api/snapshots`, `/api/watches`, and
 * the group paths `/api/regions/:region/security-groups/:id/{snapshots,watch,timeline,compare,
 * clone,export}` (the region-known check of app.ts guards those as every other region path).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { EcsPort } from '../../ecs/ecs-port';
import {
  cloneAcceptedSchema,
  cloneRequestSchema,
  compareQuerySchema,
  compareResponseSchema,
  createSnapshotRequestSchema,
  exportQuerySchema,
  groupIdSchema,
  regionIdSchema,
  snapshotDetailSchema,
  snapshotIdSchema,
  snapshotListQuerySchema,
  snapshotListResponseSchema,
  timelineResponseSchema,
  watchListResponseSchema,
  watchRequestSchema,
  watchStateSchema,
} from '../contract';
import { ApiHttpError } from '../errors';
import { groupInfoOf, loadGroup } from '../group-reads';
import type { AppEnv } from '../hono-env';
import type { Journal } from '../journal/journal';
import { cloneGroup } from '../restore/clone';
import type { RestoreRunner } from '../restore/runner';
import { comparePoints } from '../snapshots/compare';
import { snapshotIfChanged } from '../watch/watcher';
import {
  exportCsv,
  exportJson,
  type ExportFile,
  type ExportSubject,
} from '../snapshots/export-format';
import {
  snapshotDetailView,
  snapshotSummaryView,
  timelineEntries,
  watchView,
} from '../snapshots/snapshot-views';
import { actorOf } from '../security/actor';
import { send, valid } from '../validate';

export interface SnapshotRouteDeps {
  ecs: EcsPort;
  journal: Journal;
  runner: RestoreRunner;
  watchIntervalS: number;
  now?: () => Date;
}

const groupParams = z.object({ region: regionIdSchema, id: groupIdSchema });
const snapshotParams = z.object({ id: snapshotIdSchema });
/** Enough for a timeline page; older entries stay in GET /api/snapshots and /api/restores. */
const TIMELINE_LIMIT = 100;

function download(c: Context<AppEnv>, file: ExportFile): Response {
  return c.body(file.body, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
  });
}

function exportFile(format: 'json' | 'csv', subject: ExportSubject): ExportFile {
  return format === 'csv' ? exportCsv(subject) : exportJson(subject);
}

/** Routes mounted on `/api`. */
export function snapshotRoutes(deps: SnapshotRouteDeps) {
  const { ecs, journal, runner } = deps;
  const now = deps.now ?? (() => new Date());
  const mustGet = (id: string) => {
    const snapshot = journal.snapshots.get(id);
    if (snapshot === undefined)
      throw new ApiHttpError(404, 'SnapshotNotFound', `There is no snapshot ${id}.`, {
        field: 'id',
      });
    return snapshot;
  };

  return new Hono<AppEnv>()
    .post(
      '/regions/:region/security-groups/:id/snapshots',
      valid('param', groupParams),
      valid('json', createSnapshotRequestSchema),
      async (c) => {
        const { region, id } = c.req.valid('param');
        const detail = await loadGroup(ecs, region, id, 'source');
        const snapshot = journal.snapshots.add({
          group: groupInfoOf(detail.group),
          kind: 'manual',
          note: c.req.valid('json').note,
          rules: detail.rules,
          createdAt: now().toISOString(),
          createdBy: actorOf(c),
        });
        return c.json(send(snapshotDetailSchema, snapshotDetailView(snapshot)), 201);
      },
    )
    .get('/snapshots', valid('query', snapshotListQuerySchema), (c) => {
      const { regionId, groupId, cursor, limit } = c.req.valid('query');
      const page = journal.snapshots.list({
        limit,
        ...(regionId === undefined ? {} : { regionId }),
        ...(groupId === undefined ? {} : { groupId }),
        ...(cursor === undefined ? {} : { cursor }),
      });
      return c.json(
        send(snapshotListResponseSchema, {
          snapshots: page.snapshots.map(snapshotSummaryView),
          nextCursor: page.nextCursor,
        }),
        200,
      );
    })
    .get('/snapshots/:id', valid('param', snapshotParams), (c) => {
      const snapshot = mustGet(c.req.valid('param').id);
      return c.json(send(snapshotDetailSchema, snapshotDetailView(snapshot)), 200);
    })
    .get(
      '/snapshots/:id/export',
      valid('param', snapshotParams),
      valid('query', exportQuerySchema),
      (c) => {
        const snapshot = mustGet(c.req.valid('param').id);
        return download(
          c,
          exportFile(c.req.valid('query').format, {
            group: snapshot.group,
            rules: snapshot.rules,
            at: new Date(snapshot.createdAt),
            snapshotId: snapshot.id,
          }),
        );
      },
    )
    .get(
      '/regions/:region/security-groups/:id/export',
      valid('param', groupParams),
      valid('query', exportQuerySchema),
      async (c) => {
        const { region, id } = c.req.valid('param');
        const detail = await loadGroup(ecs, region, id, 'source');
        return download(
          c,
          exportFile(c.req.valid('query').format, {
            group: groupInfoOf(detail.group),
            rules: detail.rules,
            at: now(),
          }),
        );
      },
    )
    .put(
      '/regions/:region/security-groups/:id/watch',
      valid('param', groupParams),
      valid('json', watchRequestSchema),
      async (c) => {
        const { region, id } = c.req.valid('param');
        if (!c.req.valid('json').watched) {
          const off = { by: actorOf(c), at: now().toISOString() };
          const was = journal.watches.unwatch(region, id, off);
          return c.json(
            send(watchStateSchema, { watched: false, ...(was ? { turnedOff: off } : {}) }),
            200,
          );
        }
        // The read proves the group exists and gives the watch its first snapshot now.
        const detail = await loadGroup(ecs, region, id, 'source');
        const at = now();
        snapshotIfChanged(journal.snapshots, detail, at, actorOf(c));
        const watch = journal.watches.watch({
          by: actorOf(c),
          regionId: region,
          groupId: id,
          groupName: detail.group.name,
          nextReadMs: at.getTime() + deps.watchIntervalS * 1000,
          createdAt: at.toISOString(),
          // The group was just read: the watch state says so, not "not read yet".
          lastReadAt: at.toISOString(),
        });
        return c.json(send(watchStateSchema, { watched: true, watch: watchView(watch) }), 200);
      },
    )
    .get('/watches', (c) =>
      c.json(
        send(watchListResponseSchema, { watches: journal.watches.list().map(watchView) }),
        200,
      ),
    )
    .get('/regions/:region/security-groups/:id/timeline', valid('param', groupParams), (c) => {
      const { region, id } = c.req.valid('param');
      const snapshots = journal.snapshots.list({
        regionId: region,
        groupId: id,
        limit: TIMELINE_LIMIT,
      }).snapshots;
      const restores = journal
        .list({ involving: id, limit: TIMELINE_LIMIT })
        .restores.filter((r) => r.regionId === region);
      const entries = timelineEntries(
        id,
        snapshots,
        restores,
        journal.watches.events(region, id, TIMELINE_LIMIT),
      );
      return c.json(send(timelineResponseSchema, { regionId: region, groupId: id, entries }), 200);
    })
    .get(
      '/regions/:region/security-groups/:id/compare',
      valid('param', groupParams),
      valid('query', compareQuerySchema),
      async (c) => {
        const { region, id } = c.req.valid('param');
        const { from, to } = c.req.valid('query');
        const result = await comparePoints(
          { ecs, snapshots: journal.snapshots, now },
          region,
          id,
          from,
          to,
        );
        return c.json(send(compareResponseSchema, result), 200);
      },
    )
    .post(
      '/regions/:region/security-groups/:id/clone',
      valid('param', groupParams),
      valid('json', cloneRequestSchema),
      async (c) => {
        const { region, id } = c.req.valid('param');
        const accepted = await cloneGroup(
          { ecs, runner, now },
          region,
          id,
          c.req.valid('json'),
          actorOf(c),
        );
        return c.json(send(cloneAcceptedSchema, accepted), 202);
      },
    );
}
