/**
 * `AppType` is the contract the web is typed from: `hc<AppType>` infers every route with its
 * request and response types. Each route is called here through the typed client over the real
 * app, and the inferred types are pinned to the contract's.
 */
import { hc, type InferRequestType, type InferResponseType } from 'hono/client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AppType } from '../../src/server/app';
import type {
  GroupDetailResponse,
  GroupListResponse,
  PreviewRequest,
  PreviewResponse,
  RestoreAccepted,
  RestoreDetail,
  RestoreListResponse,
  Session,
} from '../../src/server/contract';
import { waitForRestore } from '../support/test-stack';
import { errorOf, REGION, useSharedStack, confirmedBy } from './helpers';

const shared = useSharedStack();

/** The web's client: `hc<AppType>` over the app's fetch. */
function webClient() {
  return hc<AppType>('http://localhost', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      shared.stack.app.fetch(new Request(input, init)),
    headers: { 'content-type': 'application/json' },
  }).api;
}
type Api = ReturnType<typeof webClient>;
type Group = Api['regions'][':region']['security-groups'][':id'];
type Restore = Api['restores'][':id'];

describe('hc<AppType> types', () => {
  it('infers each route with the contract types', () => {
    expectTypeOf<InferResponseType<Api['session']['$get']>>().toEqualTypeOf<Session>();
    expectTypeOf<InferResponseType<Api['login']['$post']>>().toEqualTypeOf<Session>();
    expectTypeOf<InferRequestType<Api['login']['$post']>['json']>().toEqualTypeOf<{
      token: string;
    }>();
    expectTypeOf<
      InferResponseType<Api['regions'][':region']['security-groups']['$get']>
    >().toEqualTypeOf<GroupListResponse>();
    expectTypeOf<InferResponseType<Group['$get']>>().toEqualTypeOf<GroupDetailResponse>();
    expectTypeOf<
      InferRequestType<Group['restore-preview']['$post']>['json']
    >().toEqualTypeOf<PreviewRequest>();
    expectTypeOf<
      InferResponseType<Group['restore-preview']['$post']>
    >().toEqualTypeOf<PreviewResponse>();
    expectTypeOf<
      InferResponseType<Group['restores']['$post'], 202>
    >().toEqualTypeOf<RestoreAccepted>();
    expectTypeOf<InferResponseType<Api['restores']['$get']>>().toEqualTypeOf<RestoreListResponse>();
    // The deep equality of expect-type trips over the rules' peer union here; assignability holds.
    expectTypeOf<InferResponseType<Restore['$get']>>().toExtend<RestoreDetail>();
    expectTypeOf<
      InferResponseType<Restore['retry']['$post'], 202>
    >().toEqualTypeOf<RestoreAccepted>();
    expectTypeOf<
      InferResponseType<Restore['rollback']['$post'], 202>
    >().toEqualTypeOf<RestoreAccepted>();
    expectTypeOf<
      InferResponseType<Restore['undo-preview']['$get']>
    >().toEqualTypeOf<PreviewResponse>();
    expectTypeOf<
      InferResponseType<Restore['undo']['$post'], 202>
    >().toEqualTypeOf<RestoreAccepted>();
  });
});

describe('hc<AppType> calls', () => {
  it('reads the session, logs in, lists regions and groups, and reads a group', async () => {
    const api = webClient();
    const session = await api.session.$get();
    expect(session.status).toBe(200);
    expect((await session.json()).mode).toBe('emulator');
    // Without CONSOLE_TOKEN any token logs in.
    const login = await api.login.$post({ json: { token: 'any-token' } });
    expect(login.status).toBe(200);
    expect((await login.json()).loginRequired).toBe(false);

    const regions = await api.regions.$get({ query: { language: 'zh-CN' } });
    expect(regions.status).toBe(200);
    expect((await regions.json()).regions[0]).toMatchObject({
      regionId: 'cn-hangzhou',
      localName: '华东1（杭州）',
    });

    const groups = await api.regions[':region']['security-groups'].$get({
      param: { region: REGION },
      query: { search: 'web-prod-backup' },
    });
    expect(groups.status).toBe(200);
    expect((await groups.json()).groups.map((g) => g.id)).toEqual([shared.backup]);

    const group = await api.regions[':region']['security-groups'][':id'].$get({
      param: { region: REGION, id: shared.webProd },
    });
    expect(group.status).toBe(200);
    expect((await group.json()).group.name).toBe('web-prod');
  });

  it('previews, restores, lists and reads the restore, previews and starts its undo', async () => {
    const api = webClient();
    const group = api.regions[':region']['security-groups'][':id'];
    const param = { region: REGION, id: shared.webProd };
    const json = { destinationId: shared.backup, mode: 'completely' as const };

    const preview = await group['restore-preview'].$post({ param, json });
    expect(preview.status).toBe(200);
    const started = await group.restores.$post({
      param,
      json: { ...json, ...confirmedBy(await preview.json()) },
    });
    expect(started.status).toBe(202);
    const { restoreId } = await started.json();
    await waitForRestore(shared.stack.app, restoreId);

    const list = await api.restores.$get({ query: { sourceId: shared.webProd } });
    expect(list.status).toBe(200);
    expect((await list.json()).restores.map((r) => r.id)).toEqual([restoreId]);
    const restore = api.restores[':id'];
    const detail = await restore.$get({ param: { id: restoreId } });
    expect(detail.status).toBe(200);
    expect((await detail.json()).status).toBe('succeeded');

    // A succeeded restore has nothing to retry or roll back.
    for (const refused of [
      await restore.retry.$post({ param: { id: restoreId }, json: { revision: 'r' } }),
      await restore.rollback.$post({ param: { id: restoreId }, json: { revision: 'r' } }),
    ]) {
      expect(refused.status).toBe(409);
      expect((await errorOf(refused)).code).toBe('InvalidRestoreState');
    }

    const undoPreview = await restore['undo-preview'].$get({ param: { id: restoreId } });
    expect(undoPreview.status).toBe(200);
    const undo = await restore.undo.$post({
      param: { id: restoreId },
      json: confirmedBy(await undoPreview.json()),
    });
    expect(undo.status).toBe(202);
    const undone = await waitForRestore(shared.stack.app, (await undo.json()).restoreId);
    expect(undone).toMatchObject({ kind: 'undo', parentId: restoreId, status: 'succeeded' });
  });

  it('answers an error with the contract error shape', async () => {
    const res = await webClient().restores[':id'].$get({ param: { id: 'rst-unknown00' } });
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toEqual({
      code: 'RestoreNotFound',
      message: 'There is no restore rst-unknown00.',
      details: { field: 'id' },
    });
  });
});
