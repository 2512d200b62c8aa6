/**
 * Migration 7 (the auto-revert timers) on a journal as the code before it wrote one: a restore
 * with its steps and snapshot, and the protected sources, are all still there afterwards, and
 * the new table takes a timer for the old restore.
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

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rrc-migration-7-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('journal migration 6 → 7', () => {
  it('adds the timers and loses nothing of a journal written before it', () => {
    const file = path.join(dir, 'journal.db');
    const journal = openJournal(file);
    journal.create(webRestore('rst-aaaa1111'), [openingStep()], 'console token');
    journal.setStatus('rst-aaaa1111', 'succeeded', { finishedAt: '2026-01-01T00:00:01.000Z' });
    journal.replaceProtectedSources([{ label: 'office', cidr: '203.0.113.0/24' }]);
    journal.close();
    // What the code before migration 7 left: the same journal without the timers' table (nor
    // the watch events of migration 8).
    const old = new Database(file);
    old.exec(
      'DROP TABLE auto_reverts; DROP TABLE watch_events; UPDATE schema_version SET version = 6;',
    );
    // Nor the columns of migration 8.
    for (const column of ['id', 'kind', 'group_id', 'group_name', 'taken_at', 'note'])
      old.exec(`ALTER TABLE restores DROP COLUMN destination_snapshot_${column}`);
    old.close();

    const reopened = openJournal(file);
    const restore = reopened.get('rst-aaaa1111');
    expect(restore).toMatchObject({
      status: 'succeeded',
      expected: [SSH_RULE],
      snapshotKept: true,
    });
    expect(reopened.steps('rst-aaaa1111')).toMatchObject([{ id: 'open-1', rules: [SSH_RULE] }]);
    expect(reopened.snapshots.get(restore!.snapshotId)?.createdBy).toBe('console token');
    expect(reopened.protectedSources()).toEqual([{ label: 'office', cidr: '203.0.113.0/24' }]);
    reopened.autoReverts.request('rst-aaaa1111', 5);
    expect(reopened.autoReverts.arm('rst-aaaa1111', 1_000)).toBe(true);
    expect(reopened.autoReverts.armed()).toEqual([
      { restoreId: 'rst-aaaa1111', minutes: 5, state: 'armed', deadlineMs: 1_000 },
    ]);
    reopened.close();

    expect(journalVersion(file)).toBe(SCHEMA_VERSION);
  });
});
