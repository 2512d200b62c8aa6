/**
 * The fault matrix of issue 4 section 5: for a plan of several steps (modify, authorize, revoke,
 * both directions), each step in turn meets throttling, a 5xx after ECS applied the call, and a
 * permanent 4xx. After every case the source is in a state the journal describes exactly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applySteps, compareRuleSets } from '../../src/domain/plan-result';
import type { PlanStep, Rule } from '../../src/domain/types';
import type { PreviewResponse, RestoreDetail } from '../../src/server/contract';
import { clientToken } from '../../src/server/restore/client-token';
import { waitForRestore } from '../support/test-stack';
import {
  ECS_REQUEST_ID,
  errorOf,
  preview,
  REGION,
  resumeRestore,
  startedRestoreId,
  useSharedStack,
} from './helpers';

const shared = useSharedStack();
let plan: PreviewResponse['plan'];

beforeAll(async () => {
  plan = (await preview(shared.stack.app, shared.webProd, shared.backup)).plan;
});

const ACTION_NAMES: Record<string, Record<string, string>> = {
  authorize: { ingress: 'AuthorizeSecurityGroup', egress: 'AuthorizeSecurityGroupEgress' },
  revoke: { ingress: 'RevokeSecurityGroup', egress: 'RevokeSecurityGroupEgress' },
  modify: { ingress: 'ModifySecurityGroupRule', egress: 'ModifySecurityGroupEgressRule' },
};

/** The ECS action of step `index` and which call of that action it is (1-based). */
function target(index: number): { action: string; nth: number } {
  const steps = plan.steps;
  const action = ACTION_NAMES[steps[index]!.action]![steps[index]!.direction]!;
  const nth = steps
    .slice(0, index + 1)
    .filter((s) => ACTION_NAMES[s.action]![s.direction] === action).length;
  return { action, nth };
}

async function sourceRules(): Promise<Rule[]> {
  const res = await shared.api.regions[':region']['security-groups'][':id'].$get({
    param: { region: REGION, id: shared.webProd },
  });
  expect(res.status).toBe(200);
  return (await res.json()).rules;
}

/** The steps the journal recorded as applied, as the planner's steps. */
function appliedSteps(detail: RestoreDetail): PlanStep[] {
  return detail.steps.filter((s) => s.status === 'applied');
}

const retry = (id: string) => resumeRestore(shared.stack.app, id, 'retry');
const rollback = (id: string) => resumeRestore(shared.stack.app, id, 'rollback');

function expectSame(expected: Rule[], actual: Rule[]): void {
  expect(compareRuleSets(expected, actual)).toEqual({ missing: [], unexpected: [] });
}

/** The journal describes the source: snapshot + the applied steps = what ECS holds. */
async function expectJournalDescribesSource(detail: RestoreDetail): Promise<void> {
  expectSame(applySteps(detail.snapshot, appliedSteps(detail)), await sourceRules());
}

async function runRestore(): Promise<RestoreDetail> {
  const shown = await preview(shared.stack.app, shared.webProd, shared.backup);
  return waitForRestore(
    shared.stack.app,
    await startedRestoreId(shared.stack.app, shared.webProd, shared.backup, shown),
  );
}

describe('the plan under test', () => {
  it('has several steps of every action', () => {
    expect(plan.steps).toHaveLength(5);
    expect(new Set(plan.steps.map((s) => s.action))).toEqual(
      new Set(['authorize', 'revoke', 'modify']),
    );
  });
});

describe.each([0, 1, 2, 3, 4])('step %i', (index) => {
  it('throttled twice: retried by the adapter, the restore succeeds', async () => {
    const { action } = target(index);
    // Let the earlier calls of this action through, then throttle this step's call twice.
    const earlier = plan.steps
      .slice(0, index)
      .filter((s) => ACTION_NAMES[s.action]![s.direction] === action).length;
    shared.stack.emulator.failCall(action, earlier + 1, { code: 'Throttling.User', status: 400 });
    shared.stack.emulator.failCall(action, earlier + 2, { code: 'Throttling', status: 400 });
    const done = await runRestore();
    expect(done.status).toBe('succeeded');
    expect(
      shared.stack.emulator.calls.filter(
        (c) => c.action === action && c.code?.includes('Throttling'),
      ),
    ).toHaveLength(2);
    expectSame(done.expected, await sourceRules());
  });

  it('5xx after the call was applied: the idempotent retry applies it once', async () => {
    const { action, nth } = target(index);
    shared.stack.emulator.failAfterApply(action, nth, 500);
    const done = await runRestore();
    expect(done.status).toBe('succeeded');
    const token = clientToken(done.id, 1, done.steps[index]!.id);
    const calls = shared.stack.emulator.calls.filter((c) => c.params.ClientToken === token);
    expect(calls).toHaveLength(2);
    expect(calls.filter((c) => c.applied)).toHaveLength(1);
    expect(calls[0]!.status).toBe(500);
    expectSame(done.expected, await sourceRules());
  });

  it('permanent 4xx: stops, the journal is exact, and Retry remaining finishes the job', async () => {
    const { action, nth } = target(index);
    shared.stack.emulator.failCall(action, nth, { code: 'Forbidden.RAM', status: 403 });
    const failed = await runRestore();
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('Forbidden.RAM');
    expect(failed.error?.requestId).toMatch(ECS_REQUEST_ID);
    expect(failed.steps.map((s) => s.status)).toEqual(
      plan.steps.map((_, i) => (i < index ? 'applied' : i === index ? 'failed' : 'pending')),
    );
    expect(failed.steps[index]!.error).toMatchObject({ code: 'Forbidden.RAM' });
    expect(failed.verification.status).toBe('pending');
    await expectJournalDescribesSource(failed);

    const retried = await retry(failed.id);
    expect(retried.status).toBe(202);
    expect(await retried.json()).toEqual({ restoreId: failed.id });
    const done = await waitForRestore(shared.stack.app, failed.id);
    expect(done.status).toBe('succeeded');
    expect(done.attempt).toBe(2);
    // The first attempt's record is kept; the new attempt holds only the remaining work.
    expect(done.steps.filter((s) => s.attempt === 1).map((s) => s.status)).toEqual(
      failed.steps.map((s) => s.status),
    );
    expect(done.steps.filter((s) => s.attempt === 2)).toHaveLength(plan.steps.length - index);
    expect((await preview(shared.stack.app, shared.webProd, shared.backup)).identical).toBe(true);
  });

  it('permanent 4xx: Roll back brings the source back to its snapshot exactly', async () => {
    const before = await sourceRules();
    const { action, nth } = target(index);
    shared.stack.emulator.failCall(action, nth, { code: 'AuthorizationLimitExceed', status: 403 });
    const failed = await runRestore();
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('AuthorizationLimitExceed');
    await expectJournalDescribesSource(failed);

    const rolledBack = await rollback(failed.id);
    if (index === 0) {
      // Nothing was applied: the source already has its snapshot.
      expect(rolledBack.status).toBe(400);
      expect((await errorOf(rolledBack)).code).toBe('NothingToRestore');
    } else {
      expect(rolledBack.status).toBe(202);
      const done = await waitForRestore(shared.stack.app, (await rolledBack.json()).restoreId);
      expect(done).toMatchObject({ kind: 'rollback', parentId: failed.id, status: 'succeeded' });
    }
    expectSame(before, await sourceRules());
  });
});

describe('revokes whose outcome is uncertain', () => {
  it('an "already gone" answer re-reads the group and revokes only what is left', async () => {
    const revokeIndex = plan.steps.findIndex((s) => s.action === 'revoke');
    const { action, nth } = target(revokeIndex);
    shared.stack.emulator.failCall(action, nth, {
      code: 'InvalidParam.SecurityGroupRuleId',
      status: 400,
    });
    const done = await runRestore();
    expect(done.status).toBe('succeeded');
    expectSame(done.expected, await sourceRules());
  });

  it('a revoke applied but never confirmed is not repeated by Retry remaining', async () => {
    const revokeIndex = plan.steps.findIndex((s) => s.action === 'revoke');
    const { action, nth } = target(revokeIndex);
    // Applied, then every retry of the adapter fails: a read settles the step as applied.
    shared.stack.emulator.failAfterApply(action, nth, 503);
    for (let k = 1; k <= 3; k += 1)
      shared.stack.emulator.failCall(action, nth + k, { code: 'ServiceUnavailable', status: 503 });
    const failed = await runRestore();
    expect(failed.status).toBe('failed');
    expect(failed.steps[revokeIndex]!.status).toBe('applied');
    expect((await retry(failed.id)).status).toBe(202);
    const done = await waitForRestore(shared.stack.app, failed.id);
    expect(done.status).toBe('succeeded');
    expectSame(done.expected, await sourceRules());
  });

  it('a last step applied but never confirmed: Retry remaining has nothing left to call and verifies', async () => {
    const last = plan.steps.length - 1;
    const { action, nth } = target(last);
    shared.stack.emulator.failAfterApply(action, nth, 503);
    for (let k = 1; k <= 3; k += 1)
      shared.stack.emulator.failCall(action, nth + k, { code: 'ServiceUnavailable', status: 503 });
    const failed = await runRestore();
    expect(failed.status).toBe('failed');
    shared.stack.emulator.clearCalls();
    expect((await retry(failed.id)).status).toBe(202);
    const done = await waitForRestore(shared.stack.app, failed.id);
    expect(done.status).toBe('succeeded');
    expect(done.steps.filter((s) => s.attempt === 2)).toEqual([]);
    expect(
      shared.stack.emulator.calls.filter((c) => /^(Authorize|Revoke|Modify)/.test(c.action)),
    ).toEqual([]);
  });
});

describe('verification', () => {
  it('reports a difference when the source changes under the restore', async () => {
    const shown = await preview(shared.stack.app, shared.webProd, shared.backup);
    shared.stack.emulator.setLatency(40);
    const id = await startedRestoreId(shared.stack.app, shared.webProd, shared.backup, shown);
    const last = shown.plan.steps.length - 1;
    for (;;) {
      const res = await shared.api.restores[':id'].$get({ param: { id } });
      expect(res.status).toBe(200);
      const detail = await res.json();
      if (detail.steps[last]?.status === 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // Someone else adds a rule while the last step runs.
    shared.stack.emulator.addRules(REGION, shared.webProd, 'ingress', [
      {
        IpProtocol: 'TCP',
        PortRange: '6000/6000',
        SourceCidrIp: '198.51.100.0/24',
        Priority: '1',
        Policy: 'Accept',
      },
    ]);
    const done = await waitForRestore(shared.stack.app, id);
    shared.stack.emulator.setLatency(0);
    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe('VerificationFailed');
    expect(done.verification.status).toBe('failed');
    expect(done.verification.missing).toEqual([]);
    expect(done.verification.unexpected.map((r) => r.portRange)).toEqual(['6000/6000']);
    expect(done.steps.every((s) => s.status === 'applied')).toBe(true);
  });
});
