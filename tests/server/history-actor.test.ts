/**
 * Who did it (SPEC 14): with TRUSTED_USER_HEADER set, the user a trusted proxy names is journaled
 * with every restore, undo, roll back, retry, snapshot, watch and clone; the same header from any
 * other address is ignored (the actor stays the access mode), as is a value that is not a name.
 */
import { testClient } from 'hono/testing';
import { describe, expect, it } from 'vitest';
import type { AppType } from '../../src/server/app';
import { ConfigError, loadConfig } from '../../src/server/config';
import { MAX_ACTOR_LENGTH, validActorName } from '../../src/server/security/actor';
import { waitForRestore } from '../support/test-stack';
import { followUpPreviewOf, preview, REGION, useSharedStack, confirmedBy } from './helpers';

const PROXY = '10.0.0.5';
const STRANGER = '192.0.2.77';
const USER = 'alice@example.com';

/** What @hono/node-server gives the app for a request from `address`. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

/** The typed client as seen from `address`, sending X-Forwarded-Email: `user`. */
function clientFrom(app: AppType, address: string, user = USER) {
  return testClient(app, from(address), undefined, {
    headers: { 'content-type': 'application/json', 'x-forwarded-email': user },
  }).api;
}

const shared = useSharedStack({
  config: {
    trustedUserHeader: 'X-Forwarded-Email',
    trustedProxies: [{ address: PROXY, prefix: 32, family: 'ipv4' }],
  },
});

async function restoreFrom(address: string, user = USER): Promise<string> {
  const { stack, webProd, backup } = shared;
  const planned = await preview(stack.app, webProd, backup);
  const res = await clientFrom(stack.app, address, user).regions[':region']['security-groups'][
    ':id'
  ].restores.$post({
    param: { region: REGION, id: webProd },
    json: { destinationId: backup, mode: 'completely', ...confirmedBy(planned) },
  });
  expect(res.status).toBe(202);
  if (res.status !== 202) throw new Error('not accepted');
  return (await res.json()).restoreId;
}

async function failedRestoreFrom(address: string): Promise<string> {
  shared.stack.emulator.failCall('RevokeSecurityGroup', 1, { code: 'Forbidden.RAM', status: 403 });
  const id = await restoreFrom(address);
  expect((await waitForRestore(shared.stack.app, id)).status).toBe('failed');
  return id;
}

describe('the actor of each journaled action', () => {
  it('records the proxy’s user for a restore and its undo, and lists it', async () => {
    const id = await restoreFrom(PROXY);
    const done = await waitForRestore(shared.stack.app, id);
    expect(done.actor).toBe(USER);
    expect(
      shared.stack.journal.snapshots.get(shared.stack.journal.get(id)!.snapshotId)?.createdBy,
    ).toBe(USER);

    const api = clientFrom(shared.stack.app, PROXY, 'bob@example.com');
    const undoPreview = await api.restores[':id']['undo-preview'].$get({ param: { id } });
    const undo = await api.restores[':id'].undo.$post({
      param: { id },
      json: confirmedBy(await undoPreview.json()),
    });
    expect(undo.status).toBe(202);
    const undoId = undo.status === 202 ? (await undo.json()).restoreId : '';
    expect((await waitForRestore(shared.stack.app, undoId)).actor).toBe('bob@example.com');
  });

  it('ignores the header from an address that is not a trusted proxy', async () => {
    const id = await restoreFrom(STRANGER, 'mallory@example.com');
    expect((await waitForRestore(shared.stack.app, id)).actor).toBe('local');
    expect(shared.stack.journal.get(id)?.actor).toBe('local');
  });

  it('records who retried and who rolled back', async () => {
    const id = await failedRestoreFrom(STRANGER);
    const retry = await clientFrom(shared.stack.app, PROXY, 'carol@example.com').restores[
      ':id'
    ].retry.$post({
      param: { id },
      json: confirmedBy(await followUpPreviewOf(shared.stack.app, id, 'retry')),
    });
    expect(retry.status).toBe(202);
    const retried = await waitForRestore(shared.stack.app, id);
    expect(retried.actor).toBe('local');
    expect(retried.links.retries).toEqual([
      { attempt: 2, by: 'carol@example.com', at: expect.any(String) as string },
    ]);

    // The retry made web-prod equal to its backup: start again from the seed.
    shared.stack.emulator.reset();
    const failed = await failedRestoreFrom(STRANGER);
    const rollback = await clientFrom(shared.stack.app, PROXY, 'dave@example.com').restores[
      ':id'
    ].rollback.$post({
      param: { id: failed },
      json: confirmedBy(await followUpPreviewOf(shared.stack.app, failed, 'rollback')),
    });
    expect(rollback.status).toBe(202);
    const rollbackId = rollback.status === 202 ? (await rollback.json()).restoreId : '';
    expect((await waitForRestore(shared.stack.app, rollbackId)).actor).toBe('dave@example.com');
  });

  it('records the user of a snapshot, a watch and a clone', async () => {
    const { stack, webProd } = shared;
    const group = clientFrom(stack.app, PROXY).regions[':region']['security-groups'][':id'];
    const snapshot = await group.snapshots.$post({
      param: { region: REGION, id: webProd },
      json: { note: 'audit' },
    });
    expect(snapshot.status).toBe(201);
    expect(snapshot.status === 201 && (await snapshot.json()).createdBy).toBe(USER);

    const watch = await group.watch.$put({
      param: { region: REGION, id: webProd },
      json: { watched: true },
    });
    expect(watch.status).toBe(200);
    expect(stack.journal.watches.get(REGION, webProd)?.watchedBy).toBe(USER);
    stack.journal.watches.unwatch(REGION, webProd);

    const clone = await group.clone.$post({ param: { region: REGION, id: webProd }, json: {} });
    expect(clone.status).toBe(202);
    const restoreId = clone.status === 202 ? (await clone.json()).restoreId : '';
    expect((await waitForRestore(stack.app, restoreId)).actor).toBe(USER);
  });
});

describe('the header value', () => {
  it('is read from the header TRUSTED_USER_HEADER names, a valid header name', () => {
    expect(loadConfig({ TRUSTED_USER_HEADER: 'X-Forwarded-Email' }).trustedUserHeader).toBe(
      'X-Forwarded-Email',
    );
    expect(loadConfig({}).trustedUserHeader).toBeUndefined();
    expect(() => loadConfig({ TRUSTED_USER_HEADER: 'X Email:' })).toThrow(ConfigError);
  });

  it('is believed only when it is a bounded, printable name', () => {
    expect(validActorName(' alice@example.com ')).toBe('alice@example.com');
    expect(validActorName(undefined)).toBeUndefined();
    expect(validActorName('')).toBeUndefined();
    expect(validActorName('alice\u0007@example.com')).toBeUndefined();
    expect(validActorName('ä@example.com')).toBeUndefined();
    expect(validActorName('a'.repeat(MAX_ACTOR_LENGTH))).toBe('a'.repeat(MAX_ACTOR_LENGTH));
    expect(validActorName('a'.repeat(MAX_ACTOR_LENGTH + 1))).toBeUndefined();
  });

  it('falls back to the access mode when the proxy sends no usable name', async () => {
    const id = await restoreFrom(PROXY, '   ');
    expect((await waitForRestore(shared.stack.app, id)).actor).toBe('local');
  });
});
