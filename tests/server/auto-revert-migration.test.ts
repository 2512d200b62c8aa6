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
import type { GroupInfo, Rule } from '../../src/domain/types';
import { openJournal } from '../../src/server/journal/journal';
import { SCHEMA_VERSION } from '../../src/server/journal/schema';
import { journalVersion } from '../support/old-journal';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rrc-migration-7-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const source: GroupInfo = {
  id: 'sg-web0000001',
  name: 'web',
  regionId: 'cn-hangzhou',
  vpcId: 'vpc-1',
  type: 'normal',
};
const ssh: Rule = {
  direction: 'ingress',
  policy: 'accept',
  protocol: 'tcp',
  portRange: '22/22',
  sourcePortRange: '',
  peer: { kind: 'cidr', cidr: '10.0.0.0/8' },
  localCidr: '',
  portRangeListId: '',
  nicType: 'intranet',
  priority: 1,
  description: 'ssh',
  meta: { ruleId: 'sgr-1' },
};

describe('journal migration 6 → 7', () => {
  it('adds the timers and loses nothing of a journal written before it', () => {
    const file = path.join(dir, 'journal.db');
    const journal = openJournal(file);
    journal.create(
      {
        id: 'rst-aaaa1111',
        kind: 'restore',
        regionId: 'cn-hangzhou',
        sourceGroup: source,
        destinationGroup: { ...source, id: 'sg-backup00001', name: 'web-backup' },
        mode: 'completely',
        options: { recreateSystemRules: false, retargetSelfReferences: false },
        revision: 'rev',
        createdAt: '2026-01-01T00:00:00.000Z',
        summary: { added: 1, removed: 0, changed: 0, unchanged: 0, notRestorable: 0 },
        snapshot: [],
        destinationRules: [ssh],
        expected: [ssh],
        plan: { calls: 1, earlyRemovals: [], makeBeforeBreak: true },
      },
      [
        {
          id: 'open-1',
          index: 0,
          phase: 'opening',
          action: 'authorize',
          direction: 'ingress',
          early: false,
          rules: [ssh],
        },
      ],
      'console token',
    );
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
    expect(restore).toMatchObject({ status: 'succeeded', expected: [ssh], snapshotKept: true });
    expect(reopened.steps('rst-aaaa1111')).toMatchObject([{ id: 'open-1', rules: [ssh] }]);
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
