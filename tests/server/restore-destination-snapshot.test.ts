/**
 * A restore whose destination is a snapshot records the snapshot itself (not only its group):
 * the detail, the history list and both exports name it, and Undo, Retry remaining and Roll back
 * of such a restore still work. The source is web-prod's backup (no instance uses it), restored
 * from a snapshot of web-prod.
 */
import { describe, expect, it } from 'vitest';
import { ruleStateKey } from '../../src/domain/revision';
import { HISTORY_CSV_COLUMNS } from '../../src/server/history/export';
import type { RestoreDetail } from '../../src/server/contract';
import { waitForRestore } from '../support/test-stack';
import {
  acceptedId,
  apiOf,
  followUpPreviewOf,
  groupDetailOf,
  preview,
  REGION,
  restoreDetailOf,
  restoresOf,
  resumeRestore,
  startedRestoreId,
  useSharedStack,
} from './helpers';

const shared = useSharedStack();

async function snapshotOfWebProd(note: string) {
  const res = await apiOf(shared.stack.app).regions[':region']['security-groups'][
    ':id'
  ].snapshots.$post({ param: { region: REGION, id: shared.webProd }, json: { note } });
  expect(res.status).toBe(201);
  return res.json();
}

const stateOf = async (id: string) =>
  (await groupDetailOf(shared.stack.app, id)).rules.map(ruleStateKey).sort();

/** Restores the backup from `snapshotId` completely; `failRevoke` makes its first revoke fail. */
async function restoreBackupFrom(snapshotId: string, failRevoke = false): Promise<RestoreDetail> {
  const shown = await preview(shared.stack.app, shared.backup, snapshotId);
  expect(shown.summary.removed).toBeGreaterThan(0);
  if (failRevoke)
    shared.stack.emulator.failCall('RevokeSecurityGroup', 1, {
      code: 'Forbidden.RAM',
      status: 403,
    });
  const id = await startedRestoreId(shared.stack.app, shared.backup, snapshotId, shown.revision);
  return waitForRestore(shared.stack.app, id);
}

describe('a restore from a snapshot names the snapshot', () => {
  it('in its detail, the history list and both exports; Undo brings the rules back', async () => {
    const snapshot = await snapshotOfWebProd('before the migration window');
    const before = await stateOf(shared.backup);
    const done = await restoreBackupFrom(snapshot.id);
    expect(done.status).toBe('succeeded');
    // web-prod's rules, with the backup's own system rule kept (it is not restorable).
    expect(await stateOf(shared.backup)).toEqual(done.expected.map(ruleStateKey).sort());

    const named = {
      id: snapshot.id,
      kind: 'manual',
      groupId: shared.webProd,
      groupName: 'web-prod',
      takenAt: snapshot.createdAt,
      note: 'before the migration window',
    };
    expect((await restoreDetailOf(shared.stack.app, done.id)).destinationSnapshot).toEqual(named);
    const listed = (await restoresOf(shared.stack.app, shared.backup)).restores;
    expect(listed.find((r) => r.id === done.id)?.destinationSnapshot).toEqual(named);

    const csv = await shared.stack.app.request(
      `/api/restores/export?format=csv&sourceId=${shared.backup}`,
    );
    expect(csv.status).toBe(200);
    const [header, ...rows] = (await csv.text()).trim().split(/\r?\n/);
    expect(header).toBe(HISTORY_CSV_COLUMNS.join(','));
    const cells = rows.map((row) => row.split(',')).find((row) => row[0] === done.id)!;
    const cell = (column: (typeof HISTORY_CSV_COLUMNS)[number]) =>
      cells[HISTORY_CSV_COLUMNS.indexOf(column)];
    expect(cell('destinationSnapshotId')).toBe(snapshot.id);
    expect(cell('destinationSnapshotKind')).toBe('manual');
    expect(cell('destinationSnapshotTakenAt')).toBe(snapshot.createdAt);
    const json = await shared.stack.app.request(
      `/api/restores/export?format=json&sourceId=${shared.backup}`,
    );
    const exported = (await json.json()) as { restores: RestoreDetail[] };
    expect(exported.restores.find((r) => r.id === done.id)?.destinationSnapshot).toEqual(named);

    const undoPreview = await shared.api.restores[':id']['undo-preview'].$get({
      param: { id: done.id },
    });
    const shownUndo = await undoPreview.json();
    const undoId = await acceptedId(
      await shared.api.restores[':id'].undo.$post({
        param: { id: done.id },
        json: { revision: 'revision' in shownUndo ? shownUndo.revision : '' },
      }),
    );
    const undone = await waitForRestore(shared.stack.app, undoId);
    expect(undone).toMatchObject({ kind: 'undo', status: 'succeeded', parentId: done.id });
    // An undo goes back to the rules before, not to a snapshot destination.
    expect(undone.destinationSnapshot).toBeNull();
    expect(await stateOf(shared.backup)).toEqual(before);
  });

  it('Retry remaining shows and keeps the snapshot, and finishes the restore', async () => {
    const snapshot = await snapshotOfWebProd('retry me');
    const failed = await restoreBackupFrom(snapshot.id, true);
    expect(failed.status).toBe('failed');
    expect(failed.destinationSnapshot).toMatchObject({ id: snapshot.id, note: 'retry me' });

    const shown = await followUpPreviewOf(shared.stack.app, failed.id, 'retry');
    expect(shown.destinationSnapshot).toMatchObject({
      id: snapshot.id,
      groupName: 'web-prod',
      createdAt: snapshot.createdAt,
    });
    const retried = await waitForRestore(
      shared.stack.app,
      await acceptedId(await resumeRestore(shared.stack.app, failed.id, 'retry')),
    );
    expect(retried).toMatchObject({ id: failed.id, status: 'succeeded', attempt: 2 });
    expect(retried.destinationSnapshot).toMatchObject({ id: snapshot.id, kind: 'manual' });
    expect(await stateOf(shared.backup)).toEqual(retried.expected.map(ruleStateKey).sort());
  });

  it('Roll back of a failed snapshot restore puts the rules before back', async () => {
    const snapshot = await snapshotOfWebProd('roll me back');
    const before = await stateOf(shared.backup);
    const failed = await restoreBackupFrom(snapshot.id, true);
    expect(failed.status).toBe('failed');
    expect(failed.stepsApplied).toBeGreaterThan(0);

    const rolledBack = await waitForRestore(
      shared.stack.app,
      await acceptedId(await resumeRestore(shared.stack.app, failed.id, 'rollback')),
    );
    expect(rolledBack).toMatchObject({
      kind: 'rollback',
      parentId: failed.id,
      status: 'succeeded',
      destinationSnapshot: null,
    });
    expect(await stateOf(shared.backup)).toEqual(before);
    // The rolled-back restore still names what it was restoring from.
    expect((await restoreDetailOf(shared.stack.app, failed.id)).destinationSnapshot?.id).toBe(
      snapshot.id,
    );
  });

  it('a restore from a group names no snapshot', async () => {
    const shown = await preview(shared.stack.app, shared.webProd, shared.backup, 'partially');
    const id = await startedRestoreId(
      shared.stack.app,
      shared.webProd,
      shared.backup,
      shown.revision,
      'partially',
    );
    const done = await waitForRestore(shared.stack.app, id);
    expect(done.destinationSnapshot).toBeNull();
  });
});
