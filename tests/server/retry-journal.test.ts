/**
 * The ECS adapter's retries inside a restore step are journaled per step (code, wait, number),
 * shown live while the step waits, and kept in the restore detail afterwards; a RAM refusal
 * names the API action that was refused.
 */
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/domain/types';
import { openJournal } from '../../src/server/journal/journal';
import { restoreDetailView } from '../../src/server/restore/restore-views';
import { waitForRestore } from '../support/test-stack';
import { preview, startedRestoreId, useSharedStack } from './helpers';

const shared = useSharedStack();

describe('retries in the journal', () => {
  it('keeps each Throttling.User retry of a step with its code and wait', async () => {
    const { stack, webProd, backup } = shared;
    const planned = await preview(stack.app, webProd, backup);
    stack.emulator.throttleNext(3, { action: 'AuthorizeSecurityGroup', code: 'Throttling.User' });
    const id = await startedRestoreId(stack.app, webProd, backup, planned);
    const done = await waitForRestore(stack.app, id);

    expect(done.status).toBe('succeeded');
    const throttled = done.steps.filter((s) => s.retries !== undefined);
    expect(throttled).toHaveLength(1);
    const [step] = throttled;
    expect(step?.action).toBe('authorize');
    expect(step?.status).toBe('applied');
    expect(step?.retries?.map((r) => [r.code, r.retry, r.of])).toEqual([
      ['Throttling.User', 1, 3],
      ['Throttling.User', 2, 3],
      ['Throttling.User', 3, 3],
    ]);
    for (const retry of step?.retries ?? []) {
      expect(retry.delayMs).toBeGreaterThanOrEqual(0);
      expect(Number.isNaN(Date.parse(retry.at))).toBe(false);
    }
    expect(done.retrying).toBeUndefined();
    expect(done.phase).toBeUndefined();
  });

  it('names the refused RAM action in the failed step’s error details', async () => {
    const { stack, webProd, backup } = shared;
    const planned = await preview(stack.app, webProd, backup);
    stack.emulator.failCall('RevokeSecurityGroup', 1, { code: 'Forbidden.RAM', status: 403 });
    const id = await startedRestoreId(stack.app, webProd, backup, planned);
    const done = await waitForRestore(stack.app, id);

    expect(done.status).toBe('failed');
    const failed = done.steps.find((s) => s.status === 'failed');
    expect(failed?.error?.code).toBe('Forbidden.RAM');
    expect(failed?.error?.details).toEqual({ ramAction: 'ecs:RevokeSecurityGroup' });
    expect(failed?.retries).toBeUndefined();
  });
});

describe('the live detail of a running restore', () => {
  const rule: Rule = {
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
    meta: {},
  };
  const group = {
    id: 'sg-source000001',
    name: 'src',
    regionId: 'cn-hangzhou',
    vpcId: 'vpc-abcd',
    type: 'normal' as const,
  };

  function runningJournal() {
    const journal = openJournal(':memory:');
    journal.create(
      {
        id: 'rst-live0001',
        kind: 'restore',
        regionId: 'cn-hangzhou',
        sourceGroup: group,
        destinationGroup: { ...group, id: 'sg-destination01', name: 'dst' },
        mode: 'completely',
        options: { recreateSystemRules: false, retargetSelfReferences: false },
        revision: 'rev-1',
        createdAt: '2026-01-01T00:00:00.000Z',
        summary: { added: 2, removed: 0, changed: 0, unchanged: 0, notRestorable: 0 },
        snapshot: [],
        destinationRules: [rule],
        expected: [rule],
        plan: { calls: 2, earlyRemovals: [], makeBeforeBreak: true },
      },
      [0, 1].map((index) => ({
        id: `s${index + 1}`,
        index,
        phase: 'opening' as const,
        action: 'authorize' as const,
        direction: 'ingress' as const,
        rules: [rule],
        early: false,
      })),
    );
    journal.setStatus('rst-live0001', 'running');
    return journal;
  }
  const detailOf = (journal: ReturnType<typeof openJournal>) =>
    restoreDetailView(journal.get('rst-live0001')!, journal.steps('rst-live0001'));

  it('says which step waits for which retry while it waits, then that it verifies', () => {
    const journal = runningJournal();
    journal.startStep('rst-live0001', 1, 's1', '2026-01-01T00:00:01.000Z');
    expect(detailOf(journal)).toMatchObject({ phase: 'applying' });
    expect(detailOf(journal).retrying).toBeUndefined();

    const wait = { code: 'Throttling.User', of: 3, delayMs: 1200 };
    journal.addStepRetry('rst-live0001', 1, 's1', { ...wait, retry: 1, at: 't1' });
    journal.addStepRetry('rst-live0001', 1, 's1', { ...wait, retry: 2, at: 't2' });
    expect(detailOf(journal).retrying).toEqual({ ...wait, retry: 2, at: 't2', stepId: 's1' });

    journal.finishStep('rst-live0001', 1, 's1', { status: 'applied', requestId: 'r1', at: 't3' });
    journal.startStep('rst-live0001', 1, 's2', 't4');
    expect(detailOf(journal).retrying).toBeUndefined();
    expect(detailOf(journal).steps[0]?.retries).toHaveLength(2);
    journal.finishStep('rst-live0001', 1, 's2', { status: 'applied', requestId: 'r2', at: 't5' });
    expect(detailOf(journal)).toMatchObject({ phase: 'verifying', stepsApplied: 2, stepsTotal: 2 });
    journal.close();
  });
});
