/**
 * The typed confirmation of a Completely restore that removes rules from a group used by running
 * instances, through the real proxy, SDK and emulator: web-prod (4 running) asks for it, a group
 * used only by stopped instances does not, Partially does not, a refused DescribeInstances asks
 * for it with that reason, and a start without the name (or with a wrong one) writes nothing.
 */
import type { PreviewResponse } from '../../src/server/contract';
import {
  apiOf,
  errorOf,
  preview,
  REGION,
  restoresOf,
  startRestore,
  useSharedStack,
} from './helpers';
import { waitForRestore } from '../support/test-stack';

const shared = useSharedStack();

/** A group with one SSH rule, used by one stopped instance, and an empty group to restore from. */
function stoppedOnlyPair(): { source: string; empty: string } {
  const { emulator } = shared.stack;
  const source = emulator.addGroup(REGION, { name: 'batch-nightly' });
  emulator.addRules(REGION, source, 'ingress', [
    {
      IpProtocol: 'TCP',
      PortRange: '22/22',
      SourceCidrIp: '10.0.0.0/8',
      Priority: '1',
      Policy: 'Accept',
    },
  ]);
  emulator.addInstance(REGION, {
    name: 'batch-nightly-01',
    securityGroupIds: [source],
    status: 'Stopped',
  });
  const empty = emulator.addGroup(REGION, { name: 'batch-nightly-empty' });
  return { source, empty };
}

function writes() {
  return shared.stack.emulator.calls.filter((call) => !call.action.startsWith('Describe'));
}

describe('a Completely restore that removes rules under running instances', () => {
  it('asks for web-prod’s name typed: 4 running instances, 1 rule removed', async () => {
    const planned = await preview(shared.stack.app, shared.webProd, shared.backup);
    expect(planned.summary.removed).toBe(1);
    expect(planned.confirmationRequired).toEqual({
      reason: 'running-instances',
      reasons: [{ kind: 'running-instances', running: 4, complete: true, removed: 1 }],
    });
  });

  it('does not ask for it under Partially, which removes nothing', async () => {
    const planned = await preview(shared.stack.app, shared.webProd, shared.backup, 'partially');
    expect(planned.confirmationRequired).toBeNull();
  });

  it('does not ask for it when only stopped instances use the group', async () => {
    const { source, empty } = stoppedOnlyPair();
    const planned = await preview(shared.stack.app, source, empty);
    expect(planned.summary.removed).toBe(1);
    expect(planned.confirmationRequired).toBeNull();
  });

  it('asks for it once a running instance uses that group too', async () => {
    const { source, empty } = stoppedOnlyPair();
    shared.stack.emulator.addInstance(REGION, {
      name: 'batch-nightly-02',
      securityGroupIds: [source],
    });
    const planned = await preview(shared.stack.app, source, empty);
    expect(planned.confirmationRequired?.reasons).toEqual([
      { kind: 'running-instances', running: 1, complete: true, removed: 1 },
    ]);
  });

  it('asks for it, saying why, when DescribeInstances is refused (not "no instance")', async () => {
    const { source, empty } = stoppedOnlyPair();
    shared.stack.emulator.failCall('DescribeInstances', 1, {
      code: 'Forbidden.RAM',
      status: 403,
      message: 'User not authorized to operate on the specified resource.',
    });
    const planned = await preview(shared.stack.app, source, empty);
    expect(planned.confirmationRequired).toMatchObject({
      reason: 'instances-unread',
      reasons: [
        {
          kind: 'instances-unread',
          removed: 1,
          code: 'Forbidden.RAM',
          action: 'DescribeInstances',
        },
      ],
    });
    // The per-ENI check says the same read is missing; the preview did not read it twice.
    expect(planned.eniQuota).toMatchObject({ status: 'unavailable', code: 'Forbidden.RAM' });
  });

  it('starts only with the name typed; without it or with a wrong one: 400, nothing written', async () => {
    const planned = await preview(shared.stack.app, shared.webProd, shared.backup);
    shared.stack.emulator.clearCalls();
    const group = apiOf(shared.stack.app).regions[':region']['security-groups'][':id'];
    for (const confirmName of [undefined, 'web-prod-backup-20261120', ' web-prod']) {
      const res = await group.restores.$post({
        param: { region: REGION, id: shared.webProd },
        json: {
          destinationId: shared.backup,
          mode: 'completely',
          revision: planned.revision,
          ...(confirmName === undefined ? {} : { confirmName }),
        },
      });
      expect(res.status).toBe(400);
      const body = await errorOf(res);
      expect(body.code).toBe('ConfirmationRequired');
      expect(body.message).toContain('4 running instance');
      expect(body.details?.field).toBe('confirmName');
    }
    expect(writes()).toEqual([]);
    expect((await restoresOf(shared.stack.app, shared.webProd)).restores).toEqual([]);

    const ok = await startRestore(shared.stack.app, shared.webProd, shared.backup, planned);
    expect(ok.status).toBe(202);
    if (ok.status === 202) await waitForRestore(shared.stack.app, (await ok.json()).restoreId);
  });

  it('does not ask for it on the Undo: the way back to rules the group had is never slowed', async () => {
    const planned = await preview(shared.stack.app, shared.webProd, shared.backup);
    const started = await startRestore(shared.stack.app, shared.webProd, shared.backup, planned);
    if (started.status !== 202) throw new Error(`restore answered ${started.status}`);
    const { restoreId } = await started.json();
    await waitForRestore(shared.stack.app, restoreId);
    const restore = apiOf(shared.stack.app).restores[':id'];
    const shown = await restore['undo-preview'].$get({ param: { id: restoreId } });
    const undoPreview: PreviewResponse = await shown.json();
    // It removes the rule the restore added, from a group with 4 running instances.
    expect(undoPreview.summary.removed).toBeGreaterThan(0);
    expect(undoPreview.confirmationRequired).toBeNull();
    const undo = await restore.undo.$post({
      param: { id: restoreId },
      json: { revision: undoPreview.revision },
    });
    expect(undo.status).toBe(202);
    if (undo.status === 202) {
      const done = await waitForRestore(shared.stack.app, (await undo.json()).restoreId);
      expect(done.status).toBe('succeeded');
    }
  });
});
