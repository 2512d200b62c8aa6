/**
 * Who did it (SPEC 14), for the decisions taken about a restore that runs or waits and for the
 * watch turned off: Stop, Keep, the automatic revert and unwatching each record the user a trusted
 * proxy names, and the access mode ("local") when the same header comes from any other address.
 * Also the links between a restore and its automatic revert, both ways, in the detail, the list
 * and both exports.
 */
import { testClient } from 'hono/testing';
import { describe, expect, it } from 'vitest';
import type { AppType } from '../../src/server/app';
import type { RestoreDetail } from '../../src/server/contract';
import { waitForRestore } from '../support/test-stack';
import { preview, REGION, restoreDetailOf, useSharedStack, confirmedBy } from './helpers';

const PROXY = '10.0.0.5';
const STRANGER = '192.0.2.77';
const USER = 'alice@example.com';
const MINUTE_MS = 150;

function clientFrom(app: AppType, address: string, user = USER) {
  return testClient(app, { incoming: { socket: { remoteAddress: address } } }, undefined, {
    headers: { 'content-type': 'application/json', 'x-forwarded-email': user },
  }).api;
}

// One rule per call, so a slow restore of web-prod can be stopped after its first step.
const shared = useSharedStack({
  config: {
    trustedUserHeader: 'X-Forwarded-Email',
    trustedProxies: [{ address: PROXY, prefix: 32, family: 'ipv4' }],
    batchSize: 1,
    autoRevertMinuteMs: MINUTE_MS,
  },
});

/** Starts a restore of web-prod from its backup as seen from `address`. */
async function restoreFrom(address: string, autoRevertMinutes?: number): Promise<string> {
  const { stack, webProd, backup } = shared;
  const planned = await preview(stack.app, webProd, backup);
  const res = await clientFrom(stack.app, address).regions[':region']['security-groups'][
    ':id'
  ].restores.$post({
    param: { region: REGION, id: webProd },
    json: {
      destinationId: backup,
      mode: 'completely',
      ...confirmedBy(planned),
      ...(autoRevertMinutes === undefined ? {} : { autoRevertMinutes }),
    },
  });
  if (res.status !== 202) throw new Error(`restore answered ${res.status}`);
  return (await res.json()).restoreId;
}

async function stoppedFrom(address: string): Promise<RestoreDetail> {
  shared.stack.emulator.reset();
  shared.stack.emulator.setLatency(60);
  const id = await restoreFrom(address);
  while ((await restoreDetailOf(shared.stack.app, id)).stepsApplied < 1)
    await new Promise((resolve) => setTimeout(resolve, 10));
  const stop = await clientFrom(shared.stack.app, address).restores[':id'].stop.$post({
    param: { id },
  });
  expect(stop.status).toBe(202);
  const done = await waitForRestore(shared.stack.app, id);
  shared.stack.emulator.setLatency(0);
  return done;
}

async function keptFrom(address: string): Promise<string | undefined> {
  shared.stack.emulator.reset();
  const id = await restoreFrom(STRANGER, 60);
  expect((await waitForRestore(shared.stack.app, id)).status).toBe('succeeded');
  const kept = await clientFrom(shared.stack.app, address).restores[':id'].keep.$post({
    param: { id },
  });
  expect(kept.status).toBe(200);
  return kept.status === 200 ? (await kept.json()).decidedBy : undefined;
}

/** Polls until the restore's timer reverted it; answers both details. */
async function revertedAutomatically(id: string) {
  for (let i = 0; i < 400; i += 1) {
    const detail = await restoreDetailOf(shared.stack.app, id);
    if (detail.autoRevert?.state === 'reverted') {
      const rollback = await waitForRestore(shared.stack.app, detail.autoRevert.revertId!);
      return { detail: await restoreDetailOf(shared.stack.app, id), rollback };
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${id} was not reverted automatically`);
}

describe('the actor of decisions about a restore', () => {
  it('records who stopped a restore: the proxy’s user, or local from another address', async () => {
    const byProxy = await stoppedFrom(PROXY);
    expect(byProxy.status).toBe('stopped');
    expect(byProxy.error?.details).toMatchObject({ by: USER });
    const byStranger = await stoppedFrom(STRANGER);
    expect(byStranger.error?.details).toMatchObject({ by: 'local' });
  });

  it('records who kept a restore', async () => {
    expect(await keptFrom(PROXY)).toBe(USER);
    expect(await keptFrom(STRANGER)).toBe('local');
  });

  it('records the automatic revert as auto-revert and links it to the restore both ways', async () => {
    const id = await restoreFrom(PROXY, 1);
    expect((await waitForRestore(shared.stack.app, id)).actor).toBe(USER);
    const { detail, rollback } = await revertedAutomatically(id);
    expect(detail.autoRevert).toMatchObject({ decidedBy: 'auto-revert' });
    expect(rollback).toMatchObject({ kind: 'rollback', parentId: id, actor: 'auto-revert' });

    expect(detail.automaticRevert).toBe('reverted');
    expect(detail.links.revertedAutomatically).toEqual({
      id: rollback.id,
      status: 'succeeded',
      createdAt: rollback.createdAt,
      at: detail.autoRevert?.decidedAt,
    });
    expect(rollback.automaticRevert).toBe('revert');
    expect(rollback.links.automaticRevertOf).toEqual({
      id,
      minutes: 1,
      at: detail.autoRevert?.decidedAt,
    });
    // The roll back is a roll back of the restore like any other.
    expect(detail.links.rolledBackBy.map((l) => l.id)).toEqual([rollback.id]);

    const api = clientFrom(shared.stack.app, STRANGER);
    const list = await (
      await api.restores.$get({ query: { sourceId: shared.webProd, limit: '5' } })
    ).json();
    const marks = new Map(list.restores.map((r) => [r.id, r.automaticRevert]));
    expect(marks.get(id)).toBe('reverted');
    expect(marks.get(rollback.id)).toBe('revert');

    const exported = await api.restores.export.$get({
      query: { sourceId: shared.webProd, format: 'json' },
    });
    const file = (await exported.json()) as unknown as { restores: RestoreDetail[] };
    const byId = new Map(file.restores.map((r) => [r.id, r]));
    expect(byId.get(id)?.links.revertedAutomatically?.id).toBe(rollback.id);
    expect(byId.get(rollback.id)?.links.automaticRevertOf?.id).toBe(id);

    const csv = await api.restores.export.$get({
      query: { sourceId: shared.webProd, format: 'csv' },
    });
    const [header, ...lines] = (await csv.text()).trimEnd().split('\r\n');
    const columns = header!.split(',');
    const rows = new Map(
      lines.map((line) => {
        const cells = line.split(',');
        return [cells[columns.indexOf('id')], cells] as const;
      }),
    );
    const cell = (rowId: string, column: string) => rows.get(rowId)?.[columns.indexOf(column)];
    expect(cell(id, 'revertedAutomaticallyBy')).toBe(rollback.id);
    expect(cell(id, 'automaticRevertOf')).toBe('');
    expect(cell(rollback.id, 'automaticRevertOf')).toBe(id);
    expect(cell(rollback.id, 'revertedAutomaticallyBy')).toBe('');
  });
});

describe('the actor of a watch turned off', () => {
  it('is journaled with who and when, and the answer says who turned it on', async () => {
    const { stack, webProd } = shared;
    const routeFrom = (address: string) =>
      clientFrom(stack.app, address).regions[':region']['security-groups'][':id'].watch;
    const param = { region: REGION, id: webProd };

    const on = await (await routeFrom(PROXY).$put({ param, json: { watched: true } })).json();
    expect(on.watch).toMatchObject({ watchedBy: USER, watchedSince: expect.any(String) as string });
    const off = await (await routeFrom(PROXY).$put({ param, json: { watched: false } })).json();
    expect(off).toMatchObject({ watched: false, turnedOff: { by: USER } });

    await routeFrom(STRANGER).$put({ param, json: { watched: true } });
    const offLocal = await (
      await routeFrom(STRANGER).$put({ param, json: { watched: false } })
    ).json();
    expect(offLocal.turnedOff?.by).toBe('local');
    // Nothing to turn off: nothing recorded.
    const again = await (await routeFrom(PROXY).$put({ param, json: { watched: false } })).json();
    expect(again).toEqual({ watched: false });

    const events = stack.journal.watches.events(REGION, webProd, 10);
    expect(events.map((e) => [e.action, e.by])).toEqual([
      ['off', 'local'],
      ['on', 'local'],
      ['off', USER],
      ['on', USER],
    ]);
    expect(stack.journal.watches.get(REGION, webProd)).toBeUndefined();
  });
});
