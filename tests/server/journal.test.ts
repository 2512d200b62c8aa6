import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { GroupInfo, PlanStep } from '../../src/domain/types';
import { openJournal, type NewRestore } from '../../src/server/journal/journal';
import { SCHEMA_VERSION } from '../../src/server/journal/schema';
import { clientToken } from '../../src/server/restore/client-token';
import { SSH_RULE as rule } from '../support/journal-records';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rrc-journal-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const group: GroupInfo = {
  id: 'sg-source000001',
  name: 'src',
  regionId: 'cn-hangzhou',
  vpcId: 'vpc-abcd',
  type: 'normal',
};
const step = (id: string, index: number): PlanStep => ({
  id,
  index,
  phase: 'opening',
  action: 'authorize',
  direction: 'ingress',
  rules: [rule],
  early: false,
});

function newRestore(id: string, createdAt = new Date().toISOString()): NewRestore {
  return {
    id,
    kind: 'restore',
    regionId: 'cn-hangzhou',
    sourceGroup: group,
    destinationGroup: { ...group, id: 'sg-destination01', name: 'dst' },
    mode: 'completely',
    options: { recreateSystemRules: false, retargetSelfReferences: false },
    revision: 'rev-1',
    createdAt,
    summary: { added: 1, removed: 0, changed: 0, unchanged: 0, notRestorable: 0 },
    snapshot: [rule],
    destinationRules: [rule],
    expected: [rule],
    plan: { calls: 2, earlyRemovals: [], makeBeforeBreak: true },
  };
}

describe('the journal', () => {
  it('creates the file in WAL mode with a schema version', () => {
    const file = path.join(dir, 'nested', 'journal.db');
    const journal = openJournal(file);
    journal.close();
    expect(fs.existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({
      version: SCHEMA_VERSION,
    });
    db.close();
    // Reopening migrates nothing and keeps the version.
    openJournal(file).close();
  });

  it('refuses a journal written by a newer version', () => {
    const file = path.join(dir, 'future.db');
    openJournal(file).close();
    const db = new Database(file);
    db.prepare('UPDATE schema_version SET version = 999').run();
    db.close();
    expect(() => openJournal(file)).toThrow(/newer version/);
  });

  it('records restores and step outcomes durably, across a reopen', () => {
    const file = path.join(dir, 'durable.db');
    const journal = openJournal(file);
    journal.create(newRestore('rst-aaaaaaaa'), [step('s1', 0), step('s2', 1)]);
    journal.setStatus('rst-aaaaaaaa', 'running');
    journal.startStep('rst-aaaaaaaa', 1, 's1', 't1');
    journal.finishStep('rst-aaaaaaaa', 1, 's1', {
      status: 'applied',
      requestId: 'req-1',
      at: 't2',
    });
    journal.startStep('rst-aaaaaaaa', 1, 's2', 't3');
    // No close: as if the process died here.
    const reopened = openJournal(file);
    expect(reopened.markInterrupted('t4')).toEqual(['rst-aaaaaaaa']);
    const record = reopened.get('rst-aaaaaaaa')!;
    expect(record.status).toBe('interrupted');
    expect(record.snapshot).toEqual([rule]);
    const steps = reopened.steps('rst-aaaaaaaa');
    expect(steps.map((s) => [s.id, s.status, s.requestId, s.error?.code])).toEqual([
      ['s1', 'applied', 'req-1', undefined],
      ['s2', 'failed', undefined, 'Interrupted'],
    ]);
    expect(reopened.findActive('cn-hangzhou', group.id)).toBeUndefined();
    reopened.close();
    journal.close();
  });

  it('adds attempts without losing earlier outcomes, and pages newest first', () => {
    const journal = openJournal(':memory:');
    for (let i = 0; i < 5; i += 1) journal.create(newRestore(`rst-bbbbbbb${i}`), [step('s1', 0)]);
    journal.addAttempt('rst-bbbbbbb0', {
      number: 2,
      revision: 'rev-2',
      expected: [],
      plan: { calls: 1, earlyRemovals: [], makeBeforeBreak: true },
      steps: [step('s1', 0)],
    });
    expect(journal.steps('rst-bbbbbbb0').map((s) => s.attempt)).toEqual([1, 2]);
    expect(journal.get('rst-bbbbbbb0')).toMatchObject({
      attempt: 2,
      revision: 'rev-2',
      status: 'pending',
    });
    const first = journal.list({ limit: 2 });
    expect(first.restores.map((r) => r.id)).toEqual(['rst-bbbbbbb4', 'rst-bbbbbbb3']);
    const second = journal.list({ limit: 2, cursor: first.nextCursor });
    expect(second.restores.map((r) => r.id)).toEqual(['rst-bbbbbbb2', 'rst-bbbbbbb1']);
    const last = journal.list({ limit: 2, cursor: second.nextCursor });
    expect(last).toMatchObject({ nextCursor: '' });
    expect(journal.list({ limit: 10, sourceId: 'sg-other0000001' }).restores).toEqual([]);
    journal.close();
  });
});

describe('clientToken', () => {
  it('is deterministic per restore, attempt and step, ASCII and at most 64 characters', () => {
    const a = clientToken('rst-abcdefgh', 1, 'open-authorize-ingress-1');
    expect(a).toBe(clientToken('rst-abcdefgh', 1, 'open-authorize-ingress-1'));
    expect(a).not.toBe(clientToken('rst-abcdefgh', 2, 'open-authorize-ingress-1'));
    expect(a).not.toBe(clientToken('rst-abcdefgh', 1, 'open-authorize-ingress-2'));
    expect(a).not.toBe(clientToken('rst-abcdefgi', 1, 'open-authorize-ingress-1'));
    expect(a).toMatch(/^[\x21-\x7e]{1,64}$/);
  });
});
