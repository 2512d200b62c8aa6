/**
 * A group's history on its timeline (SPEC 14): every restore the group took part in, as the
 * group changed (restore, undo, retry) or as the group whose rules were copied (a clone), each
 * with its status and actor; the watch turned on and off with who and when; and schema 9 on a
 * journal written by schema 8 (each watch gets the event that turned it on, nothing lost).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/server/contract';
import { openJournal } from '../../src/server/journal/journal';
import { migrate } from '../../src/server/journal/schema';
import { waitForRestore } from '../support/test-stack';
import {
  acceptedId,
  confirmedBy,
  preview,
  REGION,
  startedRestoreId,
  useSharedStack,
} from './helpers';

const shared = useSharedStack();

const groupApi = () => shared.api.regions[':region']['security-groups'][':id'];

async function timelineOf(groupId: string): Promise<TimelineEntry[]> {
  const res = await groupApi().timeline.$get({ param: { region: REGION, id: groupId } });
  expect(res.status).toBe(200);
  return (await res.json()).entries;
}

const restoresOn = (entries: TimelineEntry[]) =>
  entries.flatMap((e) => (e.type === 'restore' ? [e] : []));

describe('the group’s timeline', () => {
  it('lists its restore and undo with status and actor, and the watch turned on and off', async () => {
    const { stack, webProd, backup } = shared;
    const param = { region: REGION, id: webProd };
    await groupApi().watch.$put({ param, json: { watched: true } });
    const planned = await preview(stack.app, webProd, backup);
    const id = await startedRestoreId(stack.app, webProd, backup, planned);
    await waitForRestore(stack.app, id);
    const undoPreview = await shared.api.restores[':id']['undo-preview'].$get({ param: { id } });
    const undoId = await acceptedId(
      await shared.api.restores[':id'].undo.$post({
        param: { id },
        json: confirmedBy(await undoPreview.json()),
      }),
    );
    await waitForRestore(stack.app, undoId);
    await groupApi().watch.$put({ param, json: { watched: false } });

    const entries = await timelineOf(webProd);
    expect(restoresOn(entries).map((e) => [e.id, e.kind, e.status, e.by, e.role])).toEqual([
      [undoId, 'undo', 'succeeded', 'local', 'source'],
      [id, 'restore', 'succeeded', 'local', 'source'],
    ]);
    expect(restoresOn(entries)[0]?.parentId).toBe(id);
    const watches = entries.flatMap((e) => (e.type === 'watch' ? [e] : []));
    expect(watches.map((e) => [e.action, e.by])).toEqual([
      ['off', 'local'],
      ['on', 'local'],
    ]);
    // Newest first: the watch turned off after the undo, turned on before the restore.
    expect(entries[0]).toMatchObject({ type: 'watch', action: 'off' });
    expect(entries.at(-1)).toMatchObject({ type: 'watch', action: 'on' });
  });

  it('lists a clone on both groups: the copy changed, the original’s rules copied', async () => {
    const { stack, webProd } = shared;
    const res = await groupApi().clone.$post({ param: { region: REGION, id: webProd }, json: {} });
    expect(res.status).toBe(202);
    const { groupId, restoreId } =
      res.status === 202 ? await res.json() : { groupId: '', restoreId: '' };
    await waitForRestore(stack.app, restoreId);

    const onOriginal = restoresOn(await timelineOf(webProd)).find((e) => e.id === restoreId);
    expect(onOriginal).toMatchObject({
      role: 'destination',
      status: 'succeeded',
      by: 'local',
      source: { id: groupId },
      destination: { id: webProd },
    });
    expect(onOriginal?.snapshotId).toBeDefined();
    const onCopy = restoresOn(await timelineOf(groupId)).find((e) => e.id === restoreId);
    expect(onCopy).toMatchObject({ role: 'source', source: { id: groupId } });
  });
});

describe('schema 9 on a journal written by schema 8', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rrc-watch-events-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives each watch the event that turned it on and keeps every watch as it was', () => {
    const file = path.join(dir, 'journal.db');
    const db = new Database(file);
    migrate(db, 8);
    const insert = db.prepare(
      `INSERT INTO watches (region_id, group_id, group_name, status, next_read_ms, backoff_ms,
         last_read_at, last_error_json, created_at, watched_by)
       VALUES ('cn-hangzhou', ?, ?, ?, 123, ?, ?, ?, ?, ?)`,
    );
    insert.run(
      'sg-a',
      'a',
      'active',
      0,
      '2026-10-02T00:00:00.000Z',
      null,
      '2026-10-01T00:00:00.000Z',
      'alice',
    );
    insert.run(
      'sg-b',
      'b',
      'deleted',
      4000,
      null,
      JSON.stringify({ code: 'InvalidSecurityGroupId.NotFound', message: 'gone' }),
      '2026-10-03T00:00:00.000Z',
      'console token',
    );
    db.close();

    const journal = openJournal(file);
    try {
      expect(journal.watches.list()).toEqual([
        {
          regionId: 'cn-hangzhou',
          groupId: 'sg-a',
          groupName: 'a',
          status: 'active',
          nextReadMs: 123,
          backoffMs: 0,
          lastReadAt: '2026-10-02T00:00:00.000Z',
          createdAt: '2026-10-01T00:00:00.000Z',
          watchedBy: 'alice',
          watchedSince: '2026-10-01T00:00:00.000Z',
        },
        {
          regionId: 'cn-hangzhou',
          groupId: 'sg-b',
          groupName: 'b',
          status: 'deleted',
          nextReadMs: 123,
          backoffMs: 4000,
          lastError: { code: 'InvalidSecurityGroupId.NotFound', message: 'gone' },
          createdAt: '2026-10-03T00:00:00.000Z',
          watchedBy: 'console token',
          watchedSince: '2026-10-03T00:00:00.000Z',
        },
      ]);
      expect(journal.watches.events('cn-hangzhou', 'sg-b', 10)).toEqual([
        {
          seq: expect.any(Number) as number,
          regionId: 'cn-hangzhou',
          groupId: 'sg-b',
          groupName: 'b',
          action: 'on',
          at: '2026-10-03T00:00:00.000Z',
          by: 'console token',
        },
      ]);
      expect(
        journal.watches.unwatch('cn-hangzhou', 'sg-a', {
          by: 'bob',
          at: '2026-10-04T00:00:00.000Z',
        }),
      ).toBe(true);
      expect(
        journal.watches.events('cn-hangzhou', 'sg-a', 10).map((e) => [e.action, e.by, e.at]),
      ).toEqual([
        ['off', 'bob', '2026-10-04T00:00:00.000Z'],
        ['on', 'alice', '2026-10-01T00:00:00.000Z'],
      ]);
    } finally {
      journal.close();
    }
  });
});
