/**
 * Everything under `/api/regions`: the region list, a region's groups, one group's detail and
 * its usage (what uses it), and the two POSTs that hang off a group (restore-preview,
 * restores). Those POSTs live here rather than in restores.ts so that the first segment of a
 * path alone names its file; restores.ts serves the restores that already exist in the journal.
 * The region-known check that guards every `/api/regions/:region/*` path is middleware in
 * app.ts, ahead of these handlers.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { EcsPort } from '../../ecs/ecs-port';
import {
  GROUP_ID_PATTERN,
  groupDetailResponseSchema,
  groupListResponseSchema,
  groupUsageResponseSchema,
  languageSchema,
  listGroupsQuerySchema,
  previewRequestSchema,
  previewResponseSchema,
  regionIdSchema,
  regionsResponseSchema,
  restoreAcceptedSchema,
  startRestoreRequestSchema,
} from '../contract';
import { loadGroup } from '../group-reads';
import { listGroups } from '../group-search';
import type { AppEnv } from '../hono-env';
import { planPair, previewView } from '../preview';
import type { RegionRegistry } from '../regions';
import type { RestoreRunner } from '../restore/runner';
import { groupUsage } from '../usage';
import { actorOf } from '../security/actor';
import { send, valid } from '../validate';

export interface RegionRouteDeps {
  ecs: EcsPort;
  regions: RegionRegistry;
  runner: RestoreRunner;
}

const groupId = z.string().regex(GROUP_ID_PATTERN, 'is not a security group ID (sg-...)');
const regionParams = z.object({ region: regionIdSchema });
const groupParams = z.object({ region: regionIdSchema, id: groupId });
const regionsQuery = z.object({ language: languageSchema.optional() }).strict();

/** Routes mounted on `/api/regions`. */
export function regionRoutes({ ecs, regions, runner }: RegionRouteDeps) {
  // Previews plan with the runner's own settings, so a preview and its start cannot disagree.
  const planning = runner.planning;

  return new Hono<AppEnv>()
    .get('/', valid('query', regionsQuery), async (c) => {
      const list = await regions.list(c.req.valid('query').language);
      return c.json(send(regionsResponseSchema, { regions: list }), 200);
    })
    .get(
      '/:region/security-groups',
      valid('param', regionParams),
      valid('query', listGroupsQuerySchema),
      async (c) => {
        const { region } = c.req.valid('param');
        const query = c.req.valid('query');
        return c.json(send(groupListResponseSchema, await listGroups(ecs, region, query)), 200);
      },
    )
    .get('/:region/security-groups/:id', valid('param', groupParams), async (c) => {
      const { region, id } = c.req.valid('param');
      const detail = await loadGroup(ecs, region, id, 'source');
      return c.json(send(groupDetailResponseSchema, detail), 200);
    })
    .get('/:region/security-groups/:id/usage', valid('param', groupParams), async (c) => {
      const { region, id } = c.req.valid('param');
      return c.json(send(groupUsageResponseSchema, await groupUsage(ecs, region, id)), 200);
    })
    .post(
      '/:region/security-groups/:id/restore-preview',
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
          body.excluded,
        );
        return c.json(send(previewResponseSchema, previewView(planned)), 200);
      },
    )
    .post(
      '/:region/security-groups/:id/restores',
      valid('param', groupParams),
      valid('json', startRestoreRequestSchema),
      async (c) => {
        const { region, id } = c.req.valid('param');
        const restoreId = await runner.startRestore(region, id, c.req.valid('json'), actorOf(c));
        return c.json(send(restoreAcceptedSchema, { restoreId }), 202);
      },
    );
}
