/**
 * Confirm or revert against the emulator: the deadline (fake timers for the scheduler's wait,
 * advancing with real time so ECS calls still run) reverts a restore whose rules are untouched,
 * records a skip with the difference when they changed, Keep cancels it and Revert now rolls
 * back at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compareRuleSets } from '../../src/domain/plan-result';
import type { Rule } from '../../src/domain/types';
import type { RestoreDetail } from '../../src/server/contract';
import { waitForRestore } from '../support/test-stack';
import {
  apiOf,
  errorOf,
  groupDetailOf,
  preview,
  REGION,
  restoreDetailOf,
  useSharedStack,
  confirmedBy,
} from './helpers';

const shared = useSharedStack();
const MINUTE_MS = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

async function rulesOf(groupId: string): Promise<Rule[]> {
  return (await groupDetailOf(shared.stack.app, groupId)).rules;
}

function same(a: Rule[], b: Rule[]): boolean {
  const diff = compareRuleSets(a, b);
  return diff.missing.length === 0 && diff.unexpected.length === 0;
}

/** Restores web-prod from its backup with auto-revert after `minutes`; waits until it verified. */
async function restoreWithTimer(minutes = 1): Promise<RestoreDetail> {
  const { webProd, backup } = shared;
  const planned = await preview(shared.stack.app, webProd, backup);
  const res = await shared.api.regions[':region']['security-groups'][':id'].restores.$post({
    param: { region: REGION, id: webProd },
    json: {
      destinationId: backup,
      mode: 'completely',
      ...confirmedBy(planned),
      autoRevertMinutes: minutes,
    },
  });
  expect(res.status).toBe(202);
  const { restoreId } = await res.json();
  const done = await waitForRestore(shared.stack.app, restoreId);
  expect(done.status).toBe('succeeded');
  return restoreDetailOf(shared.stack.app, restoreId);
}

/** Polls the restore's detail until its timer leaves `from`. */
async function timerAfter(id: string, from: string[]): Promise<RestoreDetail> {
  for (let i = 0; i < 500; i += 1) {
    const detail = await restoreDetailOf(shared.stack.app, id);
    if (detail.autoRevert !== undefined && !from.includes(detail.autoRevert.state)) return detail;
    await vi.advanceTimersByTimeAsync(10);
  }
  throw new Error(`the timer of ${id} stayed in ${from.join(', ')}`);
}

describe('confirm or revert', () => {
  it('reverts at the deadline when the rules are still what the restore left', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    const before = await rulesOf(shared.webProd);
    const restore = await restoreWithTimer(1);
    expect(restore.autoRevert).toMatchObject({ state: 'armed', minutes: 1 });
    expect(Date.parse(restore.autoRevert!.deadline!)).toBeGreaterThan(Date.now() + MINUTE_MS / 2);

    await vi.advanceTimersByTimeAsync(MINUTE_MS);
    const reverted = await timerAfter(restore.id, ['armed', 'reverting']);
    expect(reverted.autoRevert).toMatchObject({ state: 'reverted', decidedBy: 'auto-revert' });
    const rollback = await restoreDetailOf(shared.stack.app, reverted.autoRevert!.revertId!);
    expect(rollback).toMatchObject({ kind: 'rollback', parentId: restore.id, status: 'succeeded' });
    expect(rollback.plan?.makeBeforeBreak).toBe(true);
    expect(same(before, await rulesOf(shared.webProd))).toBe(true);
  });

  it('does not revert, and records why, when the rules changed since', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    const restore = await restoreWithTimer(2);
    shared.stack.emulator.addRules(REGION, shared.webProd, 'ingress', [
      {
        IpProtocol: 'TCP',
        PortRange: '4444/4444',
        SourceCidrIp: '198.51.100.9/32',
        Policy: 'Accept',
        Priority: '1',
      },
    ]);
    const changed = await rulesOf(shared.webProd);

    await vi.advanceTimersByTimeAsync(2 * MINUTE_MS);
    const skipped = await timerAfter(restore.id, ['armed', 'reverting']);
    expect(skipped.autoRevert).toMatchObject({
      state: 'skipped',
      difference: { added: 1, removed: 0 },
    });
    expect(skipped.autoRevert?.reason).toMatch(/changed since the restore/);
    expect(skipped.autoRevert?.revertId).toBeUndefined();
    expect(same(changed, await rulesOf(shared.webProd))).toBe(true);
  });

  it('Keep cancels the revert; a second Keep is 409', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    const restore = await restoreWithTimer(1);
    const kept = await shared.api.restores[':id'].keep.$post({ param: { id: restore.id } });
    expect(kept.status).toBe(200);
    expect(await kept.json()).toMatchObject({ state: 'kept', decidedBy: 'local' });
    const after = await rulesOf(shared.webProd);

    await vi.advanceTimersByTimeAsync(2 * MINUTE_MS);
    await shared.stack.autoReverter.idle();
    const detail = await restoreDetailOf(shared.stack.app, restore.id);
    expect(detail.autoRevert?.state).toBe('kept');
    expect(same(after, await rulesOf(shared.webProd))).toBe(true);

    const again = await shared.api.restores[':id'].keep.$post({ param: { id: restore.id } });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('AutoRevertDecided');
  });

  it('Revert now rolls back at once, before the deadline', async () => {
    const before = await rulesOf(shared.webProd);
    const restore = await restoreWithTimer(60);
    const res = await shared.api.restores[':id']['revert-now'].$post({ param: { id: restore.id } });
    expect(res.status).toBe(202);
    const { restoreId } = await res.json();
    expect((await waitForRestore(shared.stack.app, restoreId)).status).toBe('succeeded');
    const detail = await restoreDetailOf(shared.stack.app, restore.id);
    expect(detail.autoRevert).toMatchObject({
      state: 'reverted',
      revertId: restoreId,
      decidedBy: 'local',
    });
    expect(same(before, await rulesOf(shared.webProd))).toBe(true);
    const keep = await apiOf(shared.stack.app).restores[':id'].keep.$post({
      param: { id: restore.id },
    });
    expect(keep.status).toBe(409);
  });

  it('a restore without the option has no timer, and Keep on it is 404', async () => {
    const { webProd, backup } = shared;
    const planned = await preview(shared.stack.app, webProd, backup);
    const res = await shared.api.regions[':region']['security-groups'][':id'].restores.$post({
      param: { region: REGION, id: webProd },
      json: { destinationId: backup, mode: 'completely', ...confirmedBy(planned) },
    });
    const { restoreId } = await res.json();
    expect((await waitForRestore(shared.stack.app, restoreId)).autoRevert).toBeUndefined();
    const keep = await shared.api.restores[':id'].keep.$post({ param: { id: restoreId } });
    expect(keep.status).toBe(404);
  });
});
