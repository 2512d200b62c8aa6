import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupJournal } from '../../src/server/journal/backup';
import { openDataDir } from '../../src/server/journal/open';
import { StartupRefusal } from '../../src/server/errors';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rrc-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('journal backup', () => {
  it('copies the journal while the server holds DATA_DIR, without taking its lock', async () => {
    const dataDir = path.join(dir, 'data');
    const opened = openDataDir(dataDir);
    try {
      const group = {
        id: 'sg-abc123456',
        name: 'web',
        regionId: 'cn-hangzhou',
        vpcId: 'vpc-1',
        type: 'normal' as const,
      };
      const snapshot = opened.journal.snapshots.add({
        group,
        kind: 'manual',
        note: 'before the change',
        rules: [],
        createdAt: '2026-03-01T00:00:00.000Z',
        createdBy: 'local',
      });
      const target = path.join(dir, 'backup.db');
      expect(await backupJournal(dataDir, target)).toBeGreaterThan(0);
      // The server still holds DATA_DIR: a second server is refused as before.
      expect(() => openDataDir(dataDir)).toThrow(StartupRefusal);
      // The server goes on writing after the backup.
      opened.journal.snapshots.add({ ...snapshot, kind: 'manual', note: 'after' });

      expect(fs.statSync(target).mode & 0o777).toBe(0o600);
      const copy = new Database(target, { readonly: true });
      expect(copy.prepare('SELECT id, note FROM snapshots').all()).toEqual([
        { id: snapshot.id, note: 'before the change' },
      ]);
      copy.close();
    } finally {
      opened.close();
    }
  });

  it('says so when there is no journal, and refuses to overwrite the journal itself', async () => {
    await expect(backupJournal(path.join(dir, 'none'), path.join(dir, 'x.db'))).rejects.toThrow(
      /no journal/,
    );
    const dataDir = path.join(dir, 'data2');
    openDataDir(dataDir).close();
    await expect(backupJournal(dataDir, path.join(dataDir, 'journal.db'))).rejects.toThrow(
      /another file/,
    );
  });
});
