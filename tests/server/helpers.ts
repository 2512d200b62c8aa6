/**
 * What the server tests share: the typed client over the real app (Hono's testClient, typed
 * from `AppType`), the error body read through the contract's schema, the usual stack with the
 * two demo groups most tests restore, and raw requests for input the typed client cannot send.
 */
import { testClient } from 'hono/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { z } from 'zod';
import type { AppType } from '../../src/server/app';
import {
  apiErrorSchema,
  preflightFailureSchema,
  previewResponseSchema,
  type GroupDetailResponse,
  type PreviewRequest,
  type PreviewResponse,
  type RestoreDetail,
  type RestoreListResponse,
} from '../../src/server/contract';
import {
  createTestStack,
  groupIdByName,
  jsonInit,
  type TestStack,
  type TestStackOptions,
} from '../support/test-stack';
import { confirmedBy, type Reviewed } from '../support/confirmed-by';

export { confirmedBy, type Reviewed };

export const REGION = 'cn-hangzhou';

type RestoreMode = PreviewRequest['mode'];

/** The request ID ECS (and so the emulator) gives every answer. */
export const ECS_REQUEST_ID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/** The typed client of the whole API, rooted at `/api`. */
export type Api = ReturnType<typeof testClient<AppType>>['api'];

/**
 * The typed client over `app`. Every request carries the JSON content type, which the CSRF
 * guard asks of every mutating request, also of the body-less POSTs (retry, rollback).
 */
export function apiOf(app: AppType, headers: Record<string, string> = {}): Api {
  return testClient(app, undefined, undefined, {
    headers: { 'content-type': 'application/json', ...headers },
  }).api;
}

/** The error answer's body, with the `details` fields the tests look at. */
const errorBodySchema = apiErrorSchema.extend({
  details: z
    .object({
      field: z.string().optional(),
      restoreId: z.string().optional(),
      groupId: z.string().optional(),
      preview: previewResponseSchema.optional(),
      /** A 422 PreflightFailed: the checks that failed. */
      checks: z.array(preflightFailureSchema).optional(),
    })
    .optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Reads an error answer through the contract's error schema (a body of another shape fails). */
export async function errorOf(res: Response): Promise<ErrorBody> {
  return errorBodySchema.parse(await res.json());
}

/**
 * A request the typed client cannot express (a malformed query, a body that breaks the
 * contract, a route outside `AppType`): the status, and the body read as an error answer.
 */
export async function rawRequest(
  app: AppType,
  path: string,
  init?: { method: 'POST'; body?: unknown },
): Promise<{ status: number; body: ErrorBody }> {
  const res =
    init === undefined
      ? await app.request(path)
      : await app.request(path, jsonInit('POST', init.body));
  return { status: res.status, body: await errorOf(res) };
}

/** The preview of restoring `sourceId` from `destinationId`; throws when it is not a 200. */
export async function preview(
  app: AppType,
  sourceId: string,
  destinationId: string,
  mode: RestoreMode = 'completely',
  region = REGION,
): Promise<PreviewResponse> {
  const res = await apiOf(app).regions[':region']['security-groups'][':id'][
    'restore-preview'
  ].$post({ param: { region, id: sourceId }, json: { destinationId, mode } });
  if (res.status !== 200)
    throw new Error(`preview answered ${res.status}: ${JSON.stringify(await res.json())}`);
  return res.json();
}

/** POST .../restores: the response, to read as 202 `{ restoreId }` or through `errorOf`. */
export function startRestore(
  app: AppType,
  sourceId: string,
  destinationId: string,
  reviewed: Reviewed,
  mode: RestoreMode = 'completely',
  region = REGION,
) {
  return apiOf(app).regions[':region']['security-groups'][':id'].restores.$post({
    param: { region, id: sourceId },
    json: { destinationId, mode, ...confirmedBy(reviewed) },
  });
}

/** Starts a restore that must be accepted and answers its ID. */
export async function startedRestoreId(
  app: AppType,
  sourceId: string,
  destinationId: string,
  reviewed: Reviewed,
  mode: RestoreMode = 'completely',
  region = REGION,
): Promise<string> {
  const res = await startRestore(app, sourceId, destinationId, reviewed, mode, region);
  if (res.status !== 202)
    throw new Error(`restore answered ${res.status}: ${JSON.stringify(await res.json())}`);
  return (await res.json()).restoreId;
}

/** The stack a test file shares, the typed client over it, and the IDs of web-prod and its backup. */
export interface SharedStack {
  stack: TestStack;
  api: Api;
  webProd: string;
  backup: string;
  /** Closes the stack and opens a fresh one (empty caches, same IDs: the seed is fixed). */
  renew(): Promise<void>;
}

/**
 * Registers the hooks most server test files repeat: one stack for the file, web-prod and
 * web-prod-backup-20261120 looked up once, the emulator reset before each test, the stack
 * closed after the last. Read the fields inside tests and hooks (they are set in beforeAll).
 */
export function useSharedStack(options: TestStackOptions = {}): SharedStack {
  let current: { stack: TestStack; api: Api; webProd: string; backup: string } | undefined;
  const opened = () => {
    if (current === undefined) throw new Error('the shared stack is read before beforeAll');
    return current;
  };
  const open = async (ids?: { webProd: string; backup: string }) => {
    const stack = await createTestStack(options);
    current = {
      stack,
      api: apiOf(stack.app),
      webProd: ids?.webProd ?? (await groupIdByName(stack.app, REGION, 'web-prod')),
      backup: ids?.backup ?? (await groupIdByName(stack.app, REGION, 'web-prod-backup-20261120')),
    };
  };
  beforeAll(() => open());
  beforeEach(() => opened().stack.emulator.reset());
  afterAll(() => opened().stack.close());
  return {
    get stack() {
      return opened().stack;
    },
    get api() {
      return opened().api;
    },
    get webProd() {
      return opened().webProd;
    },
    get backup() {
      return opened().backup;
    },
    async renew() {
      const { stack, webProd, backup } = opened();
      await stack.close();
      await open({ webProd, backup });
    },
  };
}

/** GET /api/restores/:id; throws when it is not a 200. */
export async function restoreDetailOf(app: AppType, id: string): Promise<RestoreDetail> {
  const res = await apiOf(app).restores[':id'].$get({ param: { id } });
  if (res.status !== 200) throw new Error(`GET /api/restores/${id} answered ${res.status}`);
  return res.json();
}

/** GET /api/restores of one source; throws when it is not a 200. */
export async function restoresOf(app: AppType, sourceId: string): Promise<RestoreListResponse> {
  const res = await apiOf(app).restores.$get({ query: { sourceId } });
  if (res.status !== 200) throw new Error(`GET /api/restores answered ${res.status}`);
  return res.json();
}

/** A group with its rules (GET .../security-groups/:id); throws when it is not a 200. */
export async function groupDetailOf(
  app: AppType,
  id: string,
  region = REGION,
): Promise<GroupDetailResponse> {
  const res = await apiOf(app).regions[':region']['security-groups'][':id'].$get({
    param: { region, id },
  });
  if (res.status !== 200) throw new Error(`GET group ${id} answered ${res.status}`);
  return res.json();
}

/** GET /api/restores/:id/retry-preview or /rollback-preview; throws when it is not a 200. */
export async function followUpPreviewOf(
  app: AppType,
  id: string,
  how: 'retry' | 'rollback',
): Promise<PreviewResponse> {
  const restore = apiOf(app).restores[':id'];
  const res = await (how === 'retry'
    ? restore['retry-preview'].$get({ param: { id } })
    : restore['rollback-preview'].$get({ param: { id } }));
  if (res.status !== 200) throw new Error(`${how} preview answered ${res.status}`);
  return res.json();
}

/**
 * POST /api/restores/:id/retry or /rollback with the revision of the preview shown just before
 * (as the console does, the name typed when it asks): the response, 202 or an error.
 */
export async function resumeRestore(app: AppType, id: string, how: 'retry' | 'rollback') {
  const json = confirmedBy(await followUpPreviewOf(app, id, how));
  const restore = apiOf(app).restores[':id'];
  return how === 'retry'
    ? restore.retry.$post({ param: { id }, json })
    : restore.rollback.$post({ param: { id }, json });
}

/** The restore ID of an accepted (202) answer; throws on any other status. */
export async function acceptedId(res: Response): Promise<string> {
  if (res.status !== 202) throw new Error(`expected 202, got ${res.status}: ${await res.text()}`);
  return z.object({ restoreId: z.string() }).parse(await res.json()).restoreId;
}
