/**
 * Migration 8 (the snapshot a restore took its rules from) on a journal as the code before it
 * wrote one: the old restore, its steps, its snapshot and the other tables are all still there,
 * the old restore names no destination snapshot, and a new restore records one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../src/server/journal/journal';
import { SCHEMA_VERSION } from '../../src/server/journal/schema';
import { openingStep, SSH_RULE, webRestore } from '../support/journal-records';
import { journalVersion } from '../support/old-journal';
import { restoreDetailView } from '../../src/server/restore/restore-views';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rrc-migration-8-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const COLUMNS = ['id', 'kind', 'group_id', 'group_name', 'taken_at', 'note'].map(
  (c) => `destination_snapshot_${c}`,
);

describe('journal migration 7 → 8', () => {
  it('adds the destination snapshot and loses nothing of a journal written before it', () => {
    const file = path.join(dir, 'journal.db');
    const journal = openJournal(file);
    journal.create(webRestore('rst-aaaa1111'), [openingStep()], 'alice');
    journal.setStatus('rst-aaaa1111', 'succeeded', { finishedAt: '2026-01-01T00:00:01.000Z' });
    journal.autoReverts.request('rst-aaaa1111', 5);
    journal.replaceProtectedSources([{ label: 'office', cidr: '203.0.113.0/24' }]);
    journal.close();
    // What the code before migration 8 left: the same journal without the new columns.
    const old = new Database(file);
    for (const column of COLUMNS) old.exec(`ALTER TABLE restores DROP COLUMN ${column}`);
    old.exec('DROP TABLE watch_events; UPDATE schema_version SET version = 7');
    old.close();

    const reopened = openJournal(file);
    const restore = reopened.get('rst-aaaa1111')!;
    expect(restore).toMatchObject({
      status: 'succeeded',
      actor: 'alice',
      expected: [SSH_RULE],
      snapshotKept: true,
      destinationGroup: { id: 'sg-backup00001' },
    });
    expect(restore.destinationSnapshot).toBeUndefined();
    expect(restoreDetailView(restore, reopened.steps(restore.id)).destinationSnapshot).toBeNull();
    expect(reopened.steps('rst-aaaa1111')).toMatchObject([{ id: 'open-1', rules: [SSH_RULE] }]);
    expect(reopened.snapshots.get(restore.snapshotId)?.createdBy).toBe('alice');
    expect(reopened.protectedSources()).toEqual([{ label: 'office', cidr: '203.0.113.0/24' }]);
    expect(reopened.autoReverts.get('rst-aaaa1111')).toMatchObject({ minutes: 5 });

    const named = {
      id: 'snap-abcdef123456',
      kind: 'watch',
      groupId: 'sg-other000001',
      groupName: 'other',
      takenAt: '2025-12-31T23:00:00.000Z',
      note: 'rules changed',
    };
    reopened.create(webRestore('rst-bbbb2222', { destinationSnapshot: named }), [openingStep()]);
    expect(reopened.get('rst-bbbb2222')!.destinationSnapshot).toEqual(named);
    expect(reopened.list({ limit: 10 }).restores.map((r) => r.destinationSnapshot)).toEqual([
      named,
      undefined,
    ]);
    reopened.close();

    expect(journalVersion(file)).toBe(SCHEMA_VERSION);
  });
});
