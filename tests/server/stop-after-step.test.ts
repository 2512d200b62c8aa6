/**
 * Stop after this step, with latency injected so the run is slow enough to stop mid-way: the
 * step in flight finishes, no more are applied, the job ends `stopped`, the journal says exactly
 * what was applied (the emulator's rules are the snapshot with those steps applied) and what
 * remains, and Retry remaining and Roll back work from there.
 */
import { describe, expect, it } from 'vitest';
import { applySteps, compareRuleSets } from '../../src/domain/plan-result';
import type { PlanStep, Rule } from '../../src/domain/types';
import type { RestoreDetail } from '../../src/server/contract';
import { waitForRestore } from '../support/test-stack';
import {
  errorOf,
  groupDetailOf,
  preview,
  restoreDetailOf,
  resumeRestore,
  startedRestoreId,
  useSharedStack,
} from './helpers';

// One rule per call, so the restore of web-prod has many steps.
const shared = useSharedStack({ config: { batchSize: 1 } });

function same(a: Rule[], b: Rule[]): boolean {
  const diff = compareRuleSets(a, b);
  return diff.missing.length === 0 && diff.unexpected.length === 0;
}

async function sourceRules(): Promise<Rule[]> {
  return (await groupDetailOf(shared.stack.app, shared.webProd)).rules;
}

/** Starts a slow restore (each ECS call takes `latencyMs`) and waits until `reached` holds. */
async function slowRestoreUntil(
  latencyMs: number,
  reached: (detail: RestoreDetail) => boolean,
): Promise<string> {
  const { stack, webProd, backup } = shared;
  const planned = await preview(stack.app, webProd, backup);
  expect(planned.plan.steps.length).toBeGreaterThan(3);
  stack.emulator.setLatency(latencyMs);
  const id = await startedRestoreId(stack.app, webProd, backup, planned);
  for (;;) {
    const detail = await restoreDetailOf(stack.app, id);
    if (reached(detail)) return id;
    expect(detail.status).toBe('running');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function finished(id: string): Promise<RestoreDetail> {
  const done = await waitForRestore(shared.stack.app, id);
  shared.stack.emulator.setLatency(0);
  return done;
}

/** Starts a slow restore and stops it once its first step is applied. */
async function stoppedRestore(): Promise<RestoreDetail> {
  const id = await slowRestoreUntil(80, (detail) => detail.stepsApplied >= 1);
  const stop = await shared.api.restores[':id'].stop.$post({ param: { id } });
  expect(stop.status).toBe(202);
  return finished(id);
}

const lastStepRunning = (detail: RestoreDetail) => detail.steps.at(-1)?.status === 'running';

describe('stop after this step', () => {
  it('ends stopped with an exact journal, then Retry remaining finishes it', async () => {
    const done = await stoppedRestore();
    expect(done.status).toBe('stopped');
    const applied = done.steps.filter((s) => s.status === 'applied');
    const remaining = done.steps.filter((s) => s.status === 'pending');
    expect(applied.length).toBeGreaterThanOrEqual(1);
    expect(remaining.length).toBeGreaterThan(0);
    expect(applied.length + remaining.length).toBe(done.steps.length);
    expect(done.steps.some((s) => s.status === 'running')).toBe(false);
    expect(done.error).toMatchObject({
      code: 'Stopped',
      details: { applied: applied.length, remaining: remaining.length, by: 'local' },
    });
    // The journal is exact: ECS holds the snapshot with the applied steps and nothing else.
    const appliedSteps = applied as unknown as PlanStep[];
    expect(same(applySteps(done.snapshot, appliedSteps), await sourceRules())).toBe(true);

    const retry = await resumeRestore(shared.stack.app, done.id, 'retry');
    expect(retry.status).toBe(202);
    const retried = await waitForRestore(shared.stack.app, done.id);
    expect(retried.status).toBe('succeeded');
    expect(same(retried.expected, await sourceRules())).toBe(true);
  });

  it('rolls a stopped restore back to the rules before it', async () => {
    const before = await sourceRules();
    const done = await stoppedRestore();
    expect(done.status).toBe('stopped');
    const res = await resumeRestore(shared.stack.app, done.id, 'rollback');
    expect(res.status).toBe(202);
    const rollback = await waitForRestore(shared.stack.app, (await res.json()).restoreId);
    expect(rollback).toMatchObject({ kind: 'rollback', status: 'succeeded', parentId: done.id });
    expect(same(before, await sourceRules())).toBe(true);
  });

  it('refuses a stop that arrives while the last step is in flight, and the run finishes', async () => {
    const id = await slowRestoreUntil(200, lastStepRunning);
    const stop = await shared.api.restores[':id'].stop.$post({ param: { id } });
    const done = await finished(id);
    expect(stop.status).toBe(409);
    expect(await stop.json()).toMatchObject({
      code: 'StopTooLate',
      message: expect.stringMatching(/its last step is already being applied/),
      details: { phase: 'lastStep' },
    });
    expect(done.status).toBe('succeeded');
    expect(done.steps.every((s) => s.status === 'applied')).toBe(true);
    expect(same(done.expected, await sourceRules())).toBe(true);
  });

  it('refuses a stop that arrives while the result is being verified', async () => {
    const id = await slowRestoreUntil(200, (detail) => detail.phase === 'verifying');
    const stop = await shared.api.restores[':id'].stop.$post({ param: { id } });
    const done = await finished(id);
    expect(stop.status).toBe(409);
    expect(await stop.json()).toMatchObject({
      code: 'StopTooLate',
      message: expect.stringMatching(/the result is being verified/),
      details: { phase: 'verifying' },
    });
    expect(done.status).toBe('succeeded');
  });

  it('answers 409 for a restore that already finished', async () => {
    const { stack, webProd, backup } = shared;
    const planned = await preview(stack.app, webProd, backup);
    const id = await startedRestoreId(stack.app, webProd, backup, planned);
    expect((await waitForRestore(stack.app, id)).status).toBe('succeeded');
    const stop = await shared.api.restores[':id'].stop.$post({ param: { id } });
    expect(stop.status).toBe(409);
    expect(await errorOf(stop)).toMatchObject({
      code: 'InvalidRestoreState',
      message: expect.stringMatching(/is not running \(it is succeeded\)/),
    });
  });
});
