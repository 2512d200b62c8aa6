/**
 * POST /api/regions/:region/imports: a rules file (its name and text) becomes an `import`
 * snapshot, answered as a snapshot so the client restores from it by ID (SPEC section 12).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { EcsPort } from '../../ecs/ecs-port';
import { importRequestSchema, regionIdSchema, snapshotDetailSchema } from '../contract';
import type { AppEnv } from '../hono-env';
import type { SnapshotStore } from '../journal/snapshot-store';
import { actorOf } from '../security/actor';
import { importFile } from '../snapshots/import-file';
import { snapshotDetailView } from '../snapshots/snapshot-views';
import { send, valid } from '../validate';

export interface ImportRouteDeps {
  ecs: EcsPort;
  snapshots: SnapshotStore;
  now?: () => Date;
}

/** The path prefix the larger body limit of imports applies to. */
export const IMPORT_PATH = /^\/api\/regions\/[^/]+\/imports$/;

/** Routes mounted on `/api/regions`. */
export function importRoutes(deps: ImportRouteDeps) {
  const now = deps.now ?? (() => new Date());
  return new Hono<AppEnv>().post(
    '/:region/imports',
    valid('param', z.object({ region: regionIdSchema })),
    valid('json', importRequestSchema),
    async (c) => {
      const snapshot = await importFile(
        { ecs: deps.ecs, snapshots: deps.snapshots, actor: actorOf(c), now },
        c.req.valid('param').region,
        c.req.valid('json'),
      );
      return c.json(send(snapshotDetailSchema, snapshotDetailView(snapshot)), 201);
    },
  );
}
