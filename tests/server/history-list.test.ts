/**
 * The history list for an auditor: filters by group, status, kind, actor and time, cursor paging
 * over the filtered list, links between a restore and what undid it, exports of the filtered
 * list (CSV one row per restore, JSON with steps and rules), and schema 6 on a journal written
 * by schema 5 (the actor copied from each restore's snapshot, nothing lost).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupInfo, PlanStep } from '../../src/domain/types';
import type { RestoreDetail } from '../../src/server/contract';
import { HISTORY_CSV_COLUMNS } from '../../src/server/history/export';
import { openJournal, type Journal, type NewRestore } from '../../src/server/journal/journal';
import { oldJournal } from '../support/old-journal';
import { waitForRestore } from '../support/test-stack';
import { apiOf, preview, rawRequest, startedRestoreId, useSharedStack } from './helpers';

const shared = useSharedStack();

const web: GroupInfo = {
  id: 'sg-web0000001',
  name: '=web',
  regionId: 'cn-hangzhou',
  vpcId: 'vpc-1',
  type: 'normal',
};
const backup: GroupInfo = { ...web, id: 'sg-backup00001', name: 'web-backup' };
const other: GroupInfo = { ...web, id: 'sg-other000001', name: 'other' };
const ZERO = { added: 1, removed: 0, changed: 0, unchanged: 0, notRestorable: 0 };

function entry(id: string, at: string, source = web, kind: NewRestore['kind'] = 'restore') {
  const restore: NewRestore = {
    id,
    kind,
    regionId: 'cn-hangzhou',
    sourceGroup: source,
    destinationGroup: backup,
    mode: 'completely',
    options: { recreateSystemRules: false, retargetSelfReferences: false },
    revision: 'rev',
    createdAt: at,
    summary: ZERO,
    snapshot: [],
    destinationRules: [],
    expected: [],
    plan: { calls: 0, earlyRemovals: [], makeBeforeBreak: false },
  };
  return restore;
}

const noSteps: PlanStep[] = [];

describe('filters and paging', () => {
  let journal: Journal;
  beforeAll(() => {
    journal = shared.stack.journal;
    journal.create(entry('rst-hist0001', '2026-11-01T10:00:00.000Z'), noSteps, 'alice');
    journal.create(entry('rst-hist0002', '2026-11-02T10:00:00.000Z'), noSteps, 'bob');
    journal.create(entry('rst-hist0003', '2026-11-03T10:00:00.000Z', other), noSteps, 'alice');
    journal.create(
      {
        ...entry('rst-hist0004', '2026-11-04T10:00:00.000Z', web, 'undo'),
        parentId: 'rst-hist0001',
      },
      noSteps,
      'bob',
    );
    journal.setStatus('rst-hist0001', 'succeeded', { finishedAt: '2026-11-01T10:01:00.000Z' });
    journal.setStatus('rst-hist0004', 'succeeded', { finishedAt: '2026-11-04T10:01:00.000Z' });
  });

  const ids = async (query: Record<string, string>) => {
    const res = await shared.api.restores.$get({ query });
    expect(res.status).toBe(200);
    return (await res.json()).restores.map((r) => r.id).filter((id) => id.startsWith('rst-hist'));
  };

  it('narrows by group, status, kind, actor and time range', async () => {
    expect(await ids({ sourceId: web.id })).toEqual([
      'rst-hist0004',
      'rst-hist0002',
      'rst-hist0001',
    ]);
    expect(await ids({ sourceId: web.id, status: 'succeeded' })).toEqual([
      'rst-hist0004',
      'rst-hist0001',
    ]);
    expect(await ids({ kind: 'undo' })).toEqual(['rst-hist0004']);
    expect(await ids({ actor: 'alice' })).toEqual(['rst-hist0003', 'rst-hist0001']);
    expect(
      await ids({ from: '2026-11-02T00:00:00Z', to: '2026-11-03T12:00:00+01:00', actor: 'alice' }),
    ).toEqual(['rst-hist0003']);
    expect(await ids({ from: '2026-11-02T10:00:00.000Z', to: '2026-11-03T10:00:00.000Z' })).toEqual(
      ['rst-hist0002'],
    );
  });

  it('pages the filtered list with its cursor', async () => {
    const first = await (
      await shared.api.restores.$get({ query: { sourceId: web.id, limit: '2' } })
    ).json();
    expect(first.restores.map((r) => r.id)).toEqual(['rst-hist0004', 'rst-hist0002']);
    expect(first.nextCursor).not.toBe('');
    const second = await (
      await shared.api.restores.$get({
        query: { sourceId: web.id, limit: '2', cursor: first.nextCursor },
      })
    ).json();
    expect(second.restores.map((r) => r.id)).toEqual(['rst-hist0001']);
    expect(second.nextCursor).toBe('');
  });

  it('refuses a bad filter with the field named', async () => {
    const bad = await rawRequest(shared.stack.app, '/api/restores?status=done');
    expect(bad.status).toBe(400);
    const backwards = await rawRequest(
      shared.stack.app,
      '/api/restores?from=2026-11-03T00:00:00Z&to=2026-11-02T00:00:00Z',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.details?.field).toBe('to');
  });

  it('links a restore to its undo and back', async () => {
    const parent = await (
      await shared.api.restores[':id'].$get({ param: { id: 'rst-hist0001' } })
    ).json();
    expect(parent.links.undoneBy.map((l) => l.id)).toEqual(['rst-hist0004']);
    expect(parent.links.rolledBackBy).toEqual([]);
    const child = await (
      await shared.api.restores[':id'].$get({ param: { id: 'rst-hist0004' } })
    ).json();
    expect(child.parentId).toBe('rst-hist0001');
    expect(child.actor).toBe('bob');
  });

  it('exports the filtered list as CSV, one row per restore, formulas defused', async () => {
    const res = await shared.stack.app.request(
      `/api/restores/export?format=csv&sourceId=${web.id}&actor=alice`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`attachment; filename="restores-${web.id}-\\d{8}-\\d{6}\\.csv"`),
    );
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(HISTORY_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(2);
    const cells = lines[1]!.split(',');
    expect(cells[HISTORY_CSV_COLUMNS.indexOf('id')]).toBe('rst-hist0001');
    expect(cells[HISTORY_CSV_COLUMNS.indexOf('actor')]).toBe('alice');
    expect(cells[HISTORY_CSV_COLUMNS.indexOf('sourceName')]).toBe("'=web");
    expect(cells.slice(-2)).toEqual(['', '']);
  });

  it('keeps the CSV columns in their order, the automatic-revert links added last', () => {
    expect(HISTORY_CSV_COLUMNS).toEqual([
      'id',
      'kind',
      'status',
      'actor',
      'createdAt',
      'finishedAt',
      'regionId',
      'sourceId',
      'sourceName',
      'destinationId',
      'destinationName',
      'mode',
      'parentId',
      'added',
      'removed',
      'changed',
      'stepsApplied',
      'stepsTotal',
      'attempt',
      'verification',
      'requestIds',
      'error',
      'destinationSnapshotId',
      'destinationSnapshotKind',
      'destinationSnapshotTakenAt',
      'automaticRevertOf',
      'revertedAutomaticallyBy',
    ]);
  });
});

describe('the JSON export of a real restore', () => {
  it('holds each step with the rules it carried, and the filter', async () => {
    const { stack, webProd, backup: backupId } = shared;
    const planned = await preview(stack.app, webProd, backupId);
    const id = await startedRestoreId(stack.app, webProd, backupId, planned);
    const done = await waitForRestore(stack.app, id);
    const res = await apiOf(stack.app).restores.export.$get({
      query: { format: 'json', sourceId: webProd, status: 'succeeded' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`filename="restores-${webProd}-succeeded-\\d{8}-\\d{6}\\.json"`),
    );
    const body = JSON.parse(await res.text()) as {
      filter: Record<string, string>;
      restores: RestoreDetail[];
    };
    expect(body.filter).toEqual({ sourceId: webProd, status: 'succeeded' });
    const exported = body.restores.find((r) => r.id === id);
    expect(exported?.steps.map((s) => s.rules)).toEqual(done.steps.map((s) => s.rules));
    expect(exported?.steps.every((s) => s.rules.length > 0 && s.requestId !== undefined)).toBe(
      true,
    );
    expect(exported?.snapshot).toEqual(done.snapshot);
  });
});

describe('schema 6 on a journal written by schema 5', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rrc-history-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('copies each restore’s actor from its snapshot and keeps everything else', () => {
    const file = path.join(dir, 'journal.db');
    // Schema 5's journal, written through schema 5's tables.
    const db = oldJournal(file, 5);
    db.prepare(
      `INSERT INTO snapshots (id, region_id, group_id, group_json, kind, note, digest, rules_json,
        rule_count, created_at, created_by)
       VALUES ('snap-old1', 'cn-hangzhou', ?, ?, 'restore', '', 'd', '[]', 0, '2026-10-01T00:00:00.000Z', 'console token')`,
    ).run(web.id, JSON.stringify(web));
    db.prepare(
      `INSERT INTO restores (id, kind, region_id, source_id, source_name, destination_id,
        destination_name, mode, options_json, revision, status, attempt, created_at, summary_json,
        source_group_json, destination_group_json, snapshot_id, destination_rules_json,
        expected_json, plan_json, verification_json)
       VALUES ('rst-old00001', 'restore', 'cn-hangzhou', ?, 'web', ?, 'web-backup', 'completely',
        '{}', 'rev', 'succeeded', 1, '2026-10-01T00:00:00.000Z', ?, ?, ?, 'snap-old1', '[]', '[]',
        '{"calls":0,"earlyRemovals":[],"makeBeforeBreak":false}',
        '{"status":"passed","missing":[],"unexpected":[]}')`,
    ).run(web.id, backup.id, JSON.stringify(ZERO), JSON.stringify(web), JSON.stringify(backup));
    db.prepare(
      `INSERT INTO restores (id, kind, region_id, source_id, source_name, destination_id,
        destination_name, mode, options_json, revision, status, attempt, created_at, summary_json,
        source_group_json, destination_group_json, snapshot_id, destination_rules_json,
        expected_json, plan_json, verification_json)
       VALUES ('rst-old00002', 'restore', 'cn-hangzhou', ?, 'web', ?, 'web-backup', 'completely',
        '{}', 'rev', 'failed', 1, '2026-10-02T00:00:00.000Z', ?, ?, ?, 'snap-pruned', '[]', '[]',
        '{"calls":0,"earlyRemovals":[],"makeBeforeBreak":false}',
        '{"status":"pending","missing":[],"unexpected":[]}')`,
    ).run(web.id, backup.id, JSON.stringify(ZERO), JSON.stringify(web), JSON.stringify(backup));
    db.prepare(
      `INSERT INTO watches (region_id, group_id, group_name, status, next_read_ms, created_at)
       VALUES ('cn-hangzhou', ?, 'web', 'active', 0, '2026-10-01T00:00:00.000Z')`,
    ).run(web.id);
    db.close();

    const journal = openJournal(file);
    try {
      const kept = journal.get('rst-old00001');
      expect(kept).toMatchObject({ actor: 'console token', status: 'succeeded', retriedBy: [] });
      expect(kept?.verification.status).toBe('passed');
      expect(journal.get('rst-old00002')).toMatchObject({ actor: 'local', status: 'failed' });
      expect(journal.list({ limit: 10, actor: 'console token' }).restores.map((r) => r.id)).toEqual(
        ['rst-old00001'],
      );
      expect(journal.watches.get('cn-hangzhou', web.id)).toMatchObject({
        groupName: 'web',
        watchedBy: 'local',
      });
    } finally {
      journal.close();
    }
  });
});
