/** Small request helpers shared by the server tests. */
import type { Hono } from 'hono';
import type { PreviewResponse } from '../../src/server/contract';
import { jsonInit } from '../support/test-stack';

export const REGION = 'cn-hangzhou';

/** A response body as tests read it: the error shape's fields, or anything else by key. */
export interface ApiBody {
  code?: string;
  message?: string;
  requestId?: string;
  details?: { field?: string; restoreId?: string; preview?: PreviewResponse; groupId?: string };
  [key: string]: unknown;
}

export async function postJson(
  app: Hono,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  const res = await app.request(path, jsonInit('POST', body, headers));
  return { status: res.status, body: (await res.json()) as ApiBody, headers: res.headers };
}

export async function getJson(app: Hono, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  return { status: res.status, body: (await res.json()) as ApiBody, headers: res.headers };
}

export async function preview(
  app: Hono,
  sourceId: string,
  destinationId: string,
  mode: 'completely' | 'partially' = 'completely',
  region = REGION,
): Promise<PreviewResponse> {
  const res = await postJson(
    app,
    `/api/regions/${region}/security-groups/${sourceId}/restore-preview`,
    { destinationId, mode },
  );
  if (res.status !== 200)
    throw new Error(`preview answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as unknown as PreviewResponse;
}

export async function startRestore(
  app: Hono,
  sourceId: string,
  destinationId: string,
  revision: string,
  mode: 'completely' | 'partially' = 'completely',
  region = REGION,
) {
  return postJson(app, `/api/regions/${region}/security-groups/${sourceId}/restores`, {
    destinationId,
    mode,
    revision,
  });
}
