/**
 * The test-only switches of the server in emulator mode (/api/_emulator/*) and the read API the
 * journeys check the UI against. Every call goes through Playwright's request context, so it hits
 * the same server the browser uses.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import type {
  GroupDetailResponse,
  PreviewResponse,
  SecurityGroupView,
} from '../../../src/server/contract';
import { confirmedBy } from '../../support/confirmed-by';

export const REGION = 'cn-hangzhou';
export const LIVE_GROUP = 'web-prod';
export const BACKUP_GROUP = 'web-prod-backup-20261120';

async function control(
  request: APIRequestContext,
  route: string,
  body: unknown = {},
): Promise<void> {
  const response = await request.post(`/api/_emulator/${route}`, { data: body });
  expect(response.status(), `POST /api/_emulator/${route}`).toBe(200);
}

/** The emulator's fault and state switches, as the server exposes them. */
export const emulator = (request: APIRequestContext) => ({
  /** Back to the demo seed, faults and latency cleared. */
  reset: () => control(request, 'reset'),
  /** A fixed delay on every ECS call, so a restore's progress stays on screen long enough to see. */
  latency: (ms: number) => control(request, 'latency', { ms }),
  /** The nth call of an ECS action answers with this error instead of running. */
  fail: (action: string, nth: number, code: string, status: number) =>
    control(request, 'fail', { action, nth, code, status }),
  /** Adds rules to a group straight in the emulator: a change made outside the console. */
  addRules: (
    groupId: string,
    direction: 'ingress' | 'egress',
    permissions: Record<string, string>[],
  ) => control(request, 'add-rules', { regionId: REGION, groupId, direction, permissions }),
  /** The ECS actions the emulator has answered since the last reset, oldest first. */
  calls: async (): Promise<{ action: string; applied: boolean }[]> => {
    const response = await request.get('/api/_emulator/calls');
    expect(response.status(), 'GET /api/_emulator/calls').toBe(200);
    return ((await response.json()) as { calls: { action: string; applied: boolean }[] }).calls;
  },
});

/** A group of the region, found by its exact name. */
export async function groupByName(
  request: APIRequestContext,
  name: string,
): Promise<SecurityGroupView> {
  const response = await request.get(`/api/regions/${REGION}/security-groups`, {
    params: { search: name },
  });
  expect(response.ok()).toBe(true);
  const { groups } = (await response.json()) as { groups: SecurityGroupView[] };
  const group = groups.find((g) => g.name === name);
  if (!group) throw new Error(`The emulator has no group named ${name} in ${REGION}`);
  return group;
}

/** A group's rules as the server reads them from the emulator. */
export async function groupRules(
  request: APIRequestContext,
  id: string,
): Promise<GroupDetailResponse['rules']> {
  const response = await request.get(`/api/regions/${REGION}/security-groups/${id}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as GroupDetailResponse).rules;
}

/**
 * A Completely restore of `sourceId` from `destinationId` made through the API, as another user
 * of the console would, typing the name when the preview asks for it; waits until it succeeded.
 */
export async function restoreThroughApi(
  request: APIRequestContext,
  sourceId: string,
  destinationId: string,
): Promise<string> {
  const base = `/api/regions/${REGION}/security-groups/${sourceId}`;
  const body = { destinationId, mode: 'completely' };
  const shown = await request.post(`${base}/restore-preview`, { data: body });
  expect(shown.status()).toBe(200);
  const reviewed = (await shown.json()) as PreviewResponse;
  const started = await request.post(`${base}/restores`, {
    data: { ...body, ...confirmedBy(reviewed) },
  });
  expect(started.status()).toBe(202);
  const { restoreId } = (await started.json()) as { restoreId: string };
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/restores/${restoreId}`)).json()) as { status: string })
          .status,
      { timeout: 30_000 },
    )
    .toBe('succeeded');
  return restoreId;
}

/**
 * Undoes `restoreId` through the API, as another user of the console would (an Undo never asks
 * for a typed name); waits until the undo succeeded.
 */
export async function undoThroughApi(
  request: APIRequestContext,
  restoreId: string,
): Promise<string> {
  const shown = await request.get(`/api/restores/${restoreId}/undo-preview`);
  expect(shown.status()).toBe(200);
  const { revision } = (await shown.json()) as PreviewResponse;
  const started = await request.post(`/api/restores/${restoreId}/undo`, { data: { revision } });
  expect(started.status()).toBe(202);
  const { restoreId: undoId } = (await started.json()) as { restoreId: string };
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/restores/${undoId}`)).json()) as { status: string })
          .status,
      { timeout: 30_000 },
    )
    .toBe('succeeded');
  return undoId;
}
