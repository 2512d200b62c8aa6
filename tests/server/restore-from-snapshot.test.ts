/**
 * A snapshot as the destination of a restore, through the real proxy against the emulator: the
 * same preview, checks, plan, journal and undo as a group; unknown snapshots answer 404 and a
 * snapshot of the other network type is refused as such a group is.
 */
import { describe, expect, it } from 'vitest';
import { ruleStateKey } from '../../src/domain/revision';
import { waitForRestore } from '../support/test-stack';
import {
  apiOf,
  errorOf,
  groupDetailOf,
  preview,
  REGION,
  startedRestoreId,
  useSharedStack,
  confirmedBy,
} from './helpers';

describe('restore from a snapshot', () => {
  const shared = useSharedStack();
  const group = () => apiOf(shared.stack.app).regions[':region']['security-groups'][':id'];

  async function snapshotOf(id: string, note = 'before the change') {
    const res = await group().snapshots.$post({ param: { region: REGION, id }, json: { note } });
    expect(res.status).toBe(201);
    return res.json();
  }

  const stateOf = async (id: string) =>
    (await groupDetailOf(shared.stack.app, id)).rules.map(ruleStateKey).sort();

  it('snapshot, change, restore from the snapshot: the rules are back, and undo brings the change back', async () => {
    const snapshot = await snapshotOf(shared.webProd);
    const before = await stateOf(shared.webProd);
    shared.stack.emulator.addRules(REGION, shared.webProd, 'ingress', [
      { IpProtocol: 'TCP', PortRange: '8080/8080', SourceCidrIp: '10.9.0.0/16', Policy: 'Accept' },
    ]);
    const changed = await stateOf(shared.webProd);

    const planned = await preview(shared.stack.app, shared.webProd, snapshot.id);
    expect(planned.destinationSnapshot).toMatchObject({
      id: snapshot.id,
      kind: 'manual',
      groupId: shared.webProd,
      groupName: 'web-prod',
      createdAt: snapshot.createdAt,
    });
    expect(planned.destination).toMatchObject({ id: shared.webProd, name: 'web-prod' });
    expect(planned.summary).toMatchObject({ added: 0, removed: 1, changed: 0 });
    expect(planned.checks).toEqual([]);

    const restoreId = await startedRestoreId(
      shared.stack.app,
      shared.webProd,
      snapshot.id,
      planned,
    );
    const done = await waitForRestore(shared.stack.app, restoreId);
    expect(done.status).toBe('succeeded');
    expect(await stateOf(shared.webProd)).toEqual(before);
    expect(shared.stack.journal.get(restoreId)!.destinationGroup.id).toBe(shared.webProd);

    const shownUndo = await shared.api.restores[':id']['undo-preview'].$get({
      param: { id: restoreId },
    });
    const undoPreview = await shownUndo.json();
    const undo = await shared.api.restores[':id'].undo.$post({
      param: { id: restoreId },
      json: 'revision' in undoPreview ? confirmedBy(undoPreview) : { revision: '' },
    });
    expect(undo.status).toBe(202);
    const undone = await waitForRestore(shared.stack.app, (await undo.json()).restoreId);
    expect(undone.status).toBe('succeeded');
    expect(await stateOf(shared.webProd)).toEqual(changed);
  });

  it('a snapshot of another group plans exactly as that group does', async () => {
    const snapshot = await snapshotOf(shared.backup);
    const fromGroup = await preview(shared.stack.app, shared.webProd, shared.backup);
    const fromSnapshot = await preview(shared.stack.app, shared.webProd, snapshot.id);
    expect(fromSnapshot.revision).toBe(fromGroup.revision);
    expect(fromSnapshot.summary).toEqual(fromGroup.summary);
    expect(fromSnapshot.plan).toEqual(fromGroup.plan);
    expect(fromSnapshot.checks).toEqual(fromGroup.checks);
    expect(fromSnapshot.destination.id).toBe(shared.backup);
  });

  it('an unknown snapshot is a 404 naming it', async () => {
    const res = await group()['restore-preview'].$post({
      param: { region: REGION, id: shared.webProd },
      json: { destinationId: 'snap-nothere00', mode: 'completely' },
    });
    expect(res.status).toBe(404);
    const body = await errorOf(res);
    expect(body.code).toBe('SnapshotNotFound');
    expect(body.message).toContain('snap-nothere00');
    expect(body.details?.field).toBe('destinationId');
  });

  it('a destination that is neither a group nor a snapshot ID is a 400 naming the field', async () => {
    const res = await group()['restore-preview'].$post({
      param: { region: REGION, id: shared.webProd },
      json: { destinationId: 'rst-abcdef12', mode: 'completely' },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.field).toBe('destinationId');
  });

  it('a snapshot of a classic-network group is refused for a VPC source, as the group is', async () => {
    const classicId = shared.stack.emulator.addGroup(REGION, { name: 'classic-one', vpcId: '' });
    expect((await groupDetailOf(shared.stack.app, classicId)).group.vpcId).toBe('');
    const snapshot = await snapshotOf(classicId);
    const res = await group()['restore-preview'].$post({
      param: { region: REGION, id: shared.webProd },
      json: { destinationId: snapshot.id, mode: 'completely' },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('NetworkTypeMismatch');
    const start = await group().restores.$post({
      param: { region: REGION, id: shared.webProd },
      json: { destinationId: snapshot.id, mode: 'completely', revision: 'any' },
    });
    expect((await errorOf(start)).code).toBe('NetworkTypeMismatch');
  });
});
