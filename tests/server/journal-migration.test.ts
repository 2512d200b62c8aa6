/**
 * Schema 2 → 3 on a journal as schema 2 wrote it: every restore's saved rules become a snapshot
 * row the restore points at, nothing else changes, and the copy in the restore row is gone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../src/domain/types';
import { openJournal } from '../../src/server/journal/journal';
import { SCHEMA_VERSION } from '../../src/server/journal/schema';
import {
  SSH_RULE as ssh,
  WEB_BACKUP as backup,
  WEB_GROUP as source,
} from '../support/journal-records';
import { journalVersion, oldJournal } from '../support/old-journal';
import { digestRules } from '../../src/domain/revision';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rrc-migration-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const https: Rule = {
  ...ssh,
  portRange: '443/443',
  description: 'https',
  meta: { ruleId: 'sgr-2' },
};

const json = (value: unknown) => JSON.stringify(value);

/** Writes a restore the way schema 2's journal did (snapshot_json in the restore row). */
function insertSchema2Restore(
  db: Database.Database,
  row: {
    id: string;
    kind: string;
    parentId?: string;
    status: string;
    snapshot: Rule[];
    at: string;
  },
): void {
  db.prepare(
    `INSERT INTO restores (id, kind, parent_id, region_id, source_id, source_name, destination_id,
      destination_name, mode, options_json, revision, status, attempt, created_at, finished_at,
      summary_json, source_group_json, destination_group_json, snapshot_json, destination_rules_json,
      expected_json, plan_json, verification_json, error_json, refusals_json)
     VALUES (?, ?, ?, 'cn-hangzhou', ?, 'web', ?, 'web-backup', 'completely', ?, 'rev', ?, 1, ?, ?,
      ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  ).run(
    row.id,
    row.kind,
    row.parentId ?? null,
    source.id,
    backup.id,
    json({ recreateSystemRules: false, retargetSelfReferences: false }),
    row.status,
    row.at,
    row.at,
    json({ added: 1, removed: 0, changed: 0, unchanged: 1, notRestorable: 0 }),
    json(source),
    json(backup),
    json(row.snapshot),
    json([ssh, https]),
    json([ssh, https]),
    json({ calls: 1, earlyRemovals: [], makeBeforeBreak: true }),
    json({ status: 'passed', missing: [], unexpected: [] }),
    json([{ at: row.at, attempt: 2, error: { code: 'PreflightFailed', message: 'no' } }]),
  );
  db.prepare(
    `INSERT INTO steps (restore_id, attempt, step_id, idx, phase, action, direction, early, rules_json,
      status, attempts, request_id, outcome_json)
     VALUES (?, 1, 'open-1', 0, 'opening', 'authorize', 'ingress', 0, ?, 'applied', 1, 'REQ-1', NULL)`,
  ).run(row.id, json([https]));
}

describe('journal migration 2 → 3', () => {
  it('turns each restore’s saved rules into a linked snapshot and loses nothing', () => {
    const file = path.join(dir, 'journal.db');
    const db = oldJournal(file, 2);
    insertSchema2Restore(db, {
      id: 'rst-aaaa1111',
      kind: 'restore',
      status: 'succeeded',
      snapshot: [ssh],
      at: '2026-01-01T00:00:00.000Z',
    });
    insertSchema2Restore(db, {
      id: 'rst-bbbb2222',
      kind: 'undo',
      parentId: 'rst-aaaa1111',
      status: 'succeeded',
      snapshot: [ssh, https],
      at: '2026-01-02T00:00:00.000Z',
    });
    db.close();

    const journal = openJournal(file);
    const restore = journal.get('rst-aaaa1111')!;
    expect(restore).toMatchObject({
      status: 'succeeded',
      snapshot: [ssh],
      snapshotId: 'snap-aaaa1111',
      snapshotKept: true,
      destinationRules: [ssh, https],
      refusals: [{ attempt: 2 }],
    });
    expect(journal.steps('rst-aaaa1111')).toMatchObject([
      { id: 'open-1', status: 'applied', requestId: 'REQ-1', rules: [https] },
    ]);
    const undo = journal.get('rst-bbbb2222')!;
    expect(undo).toMatchObject({ parentId: 'rst-aaaa1111', snapshot: [ssh, https] });

    expect(journal.snapshots.get('snap-aaaa1111')).toMatchObject({
      kind: 'before-restore',
      group: source,
      rules: [ssh],
      ruleCount: 1,
      digest: digestRules([ssh]),
      createdAt: '2026-01-01T00:00:00.000Z',
      restoreId: 'rst-aaaa1111',
    });
    expect(journal.snapshots.get('snap-bbbb2222')).toMatchObject({
      kind: 'before-undo',
      restoreId: 'rst-bbbb2222',
    });
    const listed = journal.snapshots.list({ groupId: source.id, limit: 10 });
    expect(listed.snapshots.map((s) => s.id)).toEqual(['snap-bbbb2222', 'snap-aaaa1111']);
    journal.close();

    expect(journalVersion(file)).toBe(SCHEMA_VERSION);
    const check = new Database(file, { readonly: true });
    const columns = (check.pragma('table_info(restores)') as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('snapshot_id');
    expect(columns).not.toContain('snapshot_json');
    check.close();
  });

  it('migrates an empty schema 2 journal, and a new restore gets its own snapshot row', () => {
    const file = path.join(dir, 'empty.db');
    const db = oldJournal(file, 2);
    db.close();
    const journal = openJournal(file);
    const created = journal.create(
      {
        id: 'rst-cccc3333',
        kind: 'rollback',
        parentId: 'rst-aaaa1111',
        regionId: 'cn-hangzhou',
        sourceGroup: source,
        destinationGroup: source,
        mode: 'completely',
        options: { recreateSystemRules: false, retargetSelfReferences: false },
        revision: 'rev',
        createdAt: '2026-02-01T00:00:00.000Z',
        summary: { added: 0, removed: 1, changed: 0, unchanged: 0, notRestorable: 0 },
        snapshot: [https],
        destinationRules: [],
        expected: [],
        plan: { calls: 1, earlyRemovals: [], makeBeforeBreak: true },
      },
      [],
      'console token',
    );
    expect(created.snapshot).toEqual([https]);
    expect(journal.snapshots.get(created.snapshotId)).toMatchObject({
      kind: 'before-rollback',
      createdBy: 'console token',
      restoreId: 'rst-cccc3333',
    });
    journal.close();
  });
});
