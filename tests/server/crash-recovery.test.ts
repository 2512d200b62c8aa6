/**
 * A killed server, for each step in turn. The runner runs in-process against a journal FILE;
 * "killing" it stops the runner where it stands without another write and drops the journal
 * connection (what SIGKILL leaves: committed WAL transactions only). The emulator is kept, as
 * ECS keeps its state when our server dies; an in-flight call may still land after the kill.
 * A new stack then opens the same file, as a restarted server would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applySteps, compareRuleSets } from '../../src/domain/plan-result';
import type { PlanStep, Rule } from '../../src/domain/types';
import { createEcsEmulator, type EcsEmulator } from '../../src/mocks/emulator';
import {
  createTestStack,
  groupIdByName,
  waitForRestore,
  type TestStack,
} from '../support/test-stack';
import { apiOf, errorOf, preview, REGION, resumeRestore, startedRestoreId } from './helpers';

const LATENCY_MS = 60;
let dir: string;
let emulator: EcsEmulator;
let stack: TestStack | undefined;
let webProd: string;
let backup: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rrc-crash-'));
});
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sourceRules(s: TestStack): Promise<Rule[]> {
  const res = await apiOf(s.app).regions[':region']['security-groups'][':id'].$get({
    param: { region: REGION, id: webProd },
  });
  expect(res.status).toBe(200);
  return (await res.json()).rules;
}

function same(expected: Rule[], actual: Rule[]): boolean {
  const diff = compareRuleSets(expected, actual);
  return diff.missing.length === 0 && diff.unexpected.length === 0;
}

/**
 * Lets the call that was in flight at the kill land (or not) in "ECS" before the restart reads
 * it. A fixed pause raced on a loaded host: the call could reach the emulator after the pause,
 * between a follow-up's preview and its OK (409 StalePreview). So wait until the emulator has
 * applied one more write than at the kill; only a call that never lands costs the full bound.
 */
async function inFlightSettled(writesAtKill: number): Promise<void> {
  const bound = Date.now() + 50 * LATENCY_MS;
  while (emulator.calls.filter((c) => c.applied).length <= writesAtKill && Date.now() < bound) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Starts a restore and kills the server while step `index` is in flight. */
async function killDuringStep(
  journalPath: string,
  index: number,
): Promise<{ restoreId: string; stepCount: number }> {
  emulator = createEcsEmulator({ seed: 'demo' });
  const first = await createTestStack({ journalPath, emulator });
  webProd = await groupIdByName(first.app, REGION, 'web-prod');
  backup = await groupIdByName(first.app, REGION, 'web-prod-backup-20261120');
  const shown = await preview(first.app, webProd, backup);
  emulator.setLatency(LATENCY_MS);
  const restoreId = await startedRestoreId(first.app, webProd, backup, shown);
  for (;;) {
    const steps = first.journal.steps(restoreId);
    if (steps[index]?.status === 'running') break;
    if (
      first.journal.get(restoreId)?.status !== 'running' &&
      first.journal.get(restoreId)?.status !== 'pending'
    ) {
      throw new Error('the restore finished before the kill');
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const writesBefore = emulator.calls.filter((c) => c.applied).length;
  first.crash();
  await inFlightSettled(writesBefore);
  emulator.setLatency(0);
  return { restoreId, stepCount: shown.plan.calls };
}

describe.each([0, 1, 2, 3, 4])('killed during step %i', (index) => {
  it('reopens the journal as interrupted with what was applied, matching ECS, and rolls back', async () => {
    const journalPath = path.join(dir, `kill-${index}.db`);
    const { restoreId, stepCount } = await killDuringStep(journalPath, index);

    stack = await createTestStack({ journalPath, emulator });
    const res = await apiOf(stack.app).restores[':id'].$get({ param: { id: restoreId } });
    expect(res.status).toBe(200);
    const detail = await res.json();
    expect(detail.status).toBe('interrupted');
    expect(detail.error?.code).toBe('Interrupted');
    expect(detail.steps).toHaveLength(stepCount);
    expect(detail.steps.map((s) => s.status)).toEqual(
      detail.steps.map((_, i) => (i < index ? 'applied' : i === index ? 'failed' : 'pending')),
    );
    expect(detail.steps[index]!.error?.code).toBe('Interrupted');

    // ECS holds the snapshot plus the applied steps, plus perhaps the one in flight: the journal says both are possible.
    const applied: PlanStep[] = detail.steps.filter((s) => s.status === 'applied');
    const inFlight: PlanStep = detail.steps[index]!;
    const snapshot: Rule[] = detail.snapshot;
    const now = await sourceRules(stack);
    expect(
      same(applySteps(snapshot, applied), now) ||
        same(applySteps(snapshot, [...applied, inFlight]), now),
    ).toBe(true);

    const rollback = await resumeRestore(stack.app, restoreId, 'rollback');
    // Killed during step 0 with the call not landed: nothing to roll back.
    if (rollback.status === 202) {
      const done = await waitForRestore(stack.app, (await rollback.json()).restoreId);
      expect(done.status).toBe('succeeded');
    } else {
      expect(await errorOf(rollback)).toMatchObject({ code: 'NothingToRestore' });
    }
    expect(same(snapshot, await sourceRules(stack))).toBe(true);
  });
});

describe('killed mid-restore, then Retry remaining', () => {
  it('finishes the restore from the journal', async () => {
    const journalPath = path.join(dir, 'kill-retry.db');
    const { restoreId } = await killDuringStep(journalPath, 2);
    stack = await createTestStack({ journalPath, emulator });
    const retry = await resumeRestore(stack.app, restoreId, 'retry');
    expect(retry.status).toBe(202);
    const done = await waitForRestore(stack.app, restoreId);
    expect(done.status).toBe('succeeded');
    expect(done.verification.status).toBe('passed');
    expect((await preview(stack.app, webProd, backup)).identical).toBe(true);
  });

  it('a new restore of the same source is allowed once the old one is interrupted', async () => {
    const journalPath = path.join(dir, 'kill-new.db');
    await killDuringStep(journalPath, 1);
    stack = await createTestStack({ journalPath, emulator });
    const shown = await preview(stack.app, webProd, backup);
    const restoreId = await startedRestoreId(stack.app, webProd, backup, shown);
    expect((await waitForRestore(stack.app, restoreId)).status).toBe('succeeded');
  });
});
