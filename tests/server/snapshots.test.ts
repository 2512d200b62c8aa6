import { describe, expect, it } from 'vitest';
import type { GroupInfo } from '../../src/domain/types';
import { openJournal } from '../../src/server/journal/journal';
import { waitForRestore } from '../support/test-stack';
import { apiOf, errorOf, preview, REGION, startedRestoreId, useSharedStack } from './helpers';

describe('snapshots, timeline and compare', () => {
  const shared = useSharedStack();
  const group = () => apiOf(shared.stack.app).regions[':region']['security-groups'][':id'];

  it('takes a snapshot on demand, lists it newest first and answers it with its rules', async () => {
    const res = await group().snapshots.$post({
      param: { region: REGION, id: shared.webProd },
      json: { note: 'before the change' },
    });
    expect(res.status).toBe(201);
    const snapshot = await res.json();
    expect(snapshot).toMatchObject({
      kind: 'manual',
      note: 'before the change',
      createdBy: 'local',
      group: { id: shared.webProd, name: 'web-prod' },
    });
    expect(snapshot.id).toMatch(/^snap-[a-z0-9]+$/);
    expect(snapshot.rules).toHaveLength(
      shared.stack.emulator.listRules(REGION, shared.webProd).length,
    );

    const list = await shared.api.snapshots.$get({ query: { groupId: shared.webProd } });
    const body = await list.json();
    expect(body.snapshots[0]).toMatchObject({ id: snapshot.id, ruleCount: snapshot.rules.length });
    const one = await shared.api.snapshots[':id'].$get({ param: { id: snapshot.id } });
    expect((await one.json()).rules).toEqual(snapshot.rules);
    const missing = await shared.api.snapshots[':id'].$get({ param: { id: 'snap-nothere00' } });
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('SnapshotNotFound');
  });

  it('a restore records the source’s rules as a before-restore snapshot linked to it, on the timeline', async () => {
    const planned = await preview(shared.stack.app, shared.webProd, shared.backup);
    const restoreId = await startedRestoreId(
      shared.stack.app,
      shared.webProd,
      shared.backup,
      planned,
    );
    const done = await waitForRestore(shared.stack.app, restoreId);
    const record = shared.stack.journal.get(restoreId)!;
    const snapshot = shared.stack.journal.snapshots.get(record.snapshotId)!;
    expect(snapshot).toMatchObject({ kind: 'before-restore', restoreId });
    expect(snapshot.rules).toEqual(done.snapshot);

    const res = await group().timeline.$get({ param: { region: REGION, id: shared.webProd } });
    const { entries } = await res.json();
    const restoreAt = entries.findIndex((e) => e.type === 'restore' && e.id === restoreId);
    const snapshotAt = entries.findIndex((e) => e.type === 'snapshot' && e.id === snapshot.id);
    expect(restoreAt).toBeGreaterThanOrEqual(0);
    // Newest first: the restore comes before the snapshot taken just before it.
    expect(snapshotAt).toBeGreaterThan(restoreAt);
    expect(entries[restoreAt]).toMatchObject({ snapshotId: snapshot.id, status: 'succeeded' });
    const times = entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    // Compare the snapshot with the live rules: the restore's changes, in the preview's terms.
    const compared = await group().compare.$get({
      param: { region: REGION, id: shared.webProd },
      query: { from: snapshot.id, to: 'live' },
    });
    expect(compared.status).toBe(200);
    const diff = await compared.json();
    expect(diff.summary).toMatchObject({
      added: planned.summary.added,
      removed: planned.summary.removed,
      changed: planned.summary.changed,
    });
    expect(diff.identical).toBe(false);
    const same = await group().compare.$get({
      param: { region: REGION, id: shared.webProd },
      query: { from: snapshot.id, to: snapshot.id },
    });
    expect((await same.json()).identical).toBe(true);
  });

  it('compare refuses a snapshot of another group', async () => {
    const res = await group().snapshots.$post({
      param: { region: REGION, id: shared.backup },
      json: {},
    });
    const other = await res.json();
    const compared = await group().compare.$get({
      param: { region: REGION, id: shared.webProd },
      query: { from: other.id, to: 'live' },
    });
    expect(compared.status).toBe(404);
    expect((await errorOf(compared)).details?.field).toBe('from');
  });
});

describe('snapshot retention', () => {
  const group: GroupInfo = {
    id: 'sg-keep000001',
    name: 'keep',
    regionId: 'cn-hangzhou',
    vpcId: 'vpc-1',
    type: 'normal',
  };
  const day = (n: number) => new Date(Date.UTC(2026, 0, n)).toISOString();

  it('prunes by age and count but keeps the newest and what an undo or roll back needs', () => {
    const journal = openJournal(':memory:');
    const old = journal.snapshots.add({
      group,
      kind: 'watch',
      note: '',
      rules: [],
      createdAt: day(1),
      createdBy: 'watch',
    });
    const restore = (id: string, at: string) =>
      journal.create(
        {
          id,
          kind: 'restore',
          regionId: group.regionId,
          sourceGroup: group,
          destinationGroup: { ...group, id: 'sg-other00001' },
          mode: 'completely',
          options: { recreateSystemRules: false, retargetSelfReferences: false },
          revision: 'r',
          createdAt: at,
          summary: { added: 0, removed: 0, changed: 0, unchanged: 0, notRestorable: 0 },
          snapshot: [],
          destinationRules: [],
          expected: [],
          plan: { calls: 0, earlyRemovals: [], makeBeforeBreak: true },
        },
        [],
      );
    const failed = restore('rst-failed001', day(1));
    journal.setStatus(failed.id, 'failed', { finishedAt: day(1) });
    const first = restore('rst-first0001', day(2));
    journal.setStatus(first.id, 'succeeded', { finishedAt: day(2) });
    const latest = restore('rst-latest001', day(3));
    journal.setStatus(latest.id, 'succeeded', { finishedAt: day(3) });
    const newest = journal.snapshots.add({
      group,
      kind: 'manual',
      note: '',
      rules: [],
      createdAt: day(4),
      createdBy: 'local',
    });

    const pruned = journal.snapshots.prune({
      now: new Date(day(100)),
      retentionDays: 30,
      perGroup: 100,
    });
    const left = journal.snapshots
      .list({ groupId: group.id, limit: 10 })
      .snapshots.map((s) => s.id);
    expect(pruned).toBe(2);
    // Kept: the newest, the latest finished restore's (undo), the failed one's (roll back).
    expect(left.sort()).toEqual([newest.id, latest.snapshotId, failed.snapshotId].sort());
    expect(left).not.toContain(old.id);
    expect(journal.get(first.id)!.snapshotKept).toBe(false);
    journal.close();
  });
});
