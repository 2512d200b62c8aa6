/**
 * The fault matrix of issue 4 section 5: for a plan of several steps (modify, authorize, revoke,
 * both directions), each step in turn meets throttling, a 5xx after ECS applied the call, and a
 * permanent 4xx. After every case the source is in a state the journal describes exactly.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applySteps, compareRuleSets } from '../../src/domain/plan-result';
import type { PlanStep, Rule } from '../../src/domain/types';
import type {
  GroupDetailResponse,
  PreviewResponse,
  RestoreDetail,
} from '../../src/server/contract';
import { clientToken } from '../../src/server/restore/client-token';
import {
  createTestStack,
  groupIdByName,
  waitForRestore,
  type TestStack,
} from '../support/test-stack';
import { getJson, postJson, preview, REGION, startRestore } from './helpers';

let stack: TestStack;
let webProd: string;
let backup: string;
let plan: PreviewResponse['plan'];

beforeAll(async () => {
  stack = await createTestStack();
  webProd = await groupIdByName(stack.app, REGION, 'web-prod');
  backup = await groupIdByName(stack.app, REGION, 'web-prod-backup-20261120');
  plan = (await preview(stack.app, webProd, backup)).plan;
});
beforeEach(() => stack.emulator.reset());
afterAll(() => stack.close());

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
  const res = await getJson(stack.app, `/api/regions/${REGION}/security-groups/${webProd}`);
  return (res.body as unknown as GroupDetailResponse).rules as Rule[];
}

function expectSame(expected: Rule[], actual: Rule[]): void {
  expect(compareRuleSets(expected, actual)).toEqual({ missing: [], unexpected: [] });
}

/** The journal describes the source: snapshot + the applied steps = what ECS holds. */
async function expectJournalDescribesSource(detail: RestoreDetail): Promise<void> {
  const applied = detail.steps.filter((s) => s.status === 'applied') as unknown as PlanStep[];
  expectSame(applySteps(detail.snapshot as Rule[], applied), await sourceRules());
}

async function runRestore(): Promise<RestoreDetail> {
  const shown = await preview(stack.app, webProd, backup);
  const started = await startRestore(stack.app, webProd, backup, shown.revision);
  expect(started.status).toBe(202);
  return waitForRestore(stack.app, started.body.restoreId as string);
}

describe('the plan under test', () => {
  it('has several steps of every action', () => {
    expect(plan.steps.length).toBeGreaterThanOrEqual(4);
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
    stack.emulator.failCall(action, earlier + 1, { code: 'Throttling.User', status: 400 });
    stack.emulator.failCall(action, earlier + 2, { code: 'Throttling', status: 400 });
    const done = await runRestore();
    expect(done.status).toBe('succeeded');
    expect(
      stack.emulator.calls.filter((c) => c.action === action && c.code?.includes('Throttling')),
    ).toHaveLength(2);
    expectSame(done.expected as Rule[], await sourceRules());
  });

  it('5xx after the call was applied: the idempotent retry applies it once', async () => {
    const { action, nth } = target(index);
    stack.emulator.failAfterApply(action, nth, 500);
    const done = await runRestore();
    expect(done.status).toBe('succeeded');
    const token = clientToken(done.id, 1, done.steps[index]!.id);
    const calls = stack.emulator.calls.filter((c) => c.params.ClientToken === token);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.filter((c) => c.applied)).toHaveLength(1);
    expect(calls[0]!.status).toBe(500);
    expectSame(done.expected as Rule[], await sourceRules());
  });

  it('permanent 4xx: stops, the journal is exact, and Retry remaining finishes the job', async () => {
    const { action, nth } = target(index);
    stack.emulator.failCall(action, nth, { code: 'Forbidden.RAM', status: 403 });
    const failed = await runRestore();
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('Forbidden.RAM');
    expect(failed.error?.requestId).toMatch(/.+/);
    expect(failed.steps.map((s) => s.status)).toEqual(
      plan.steps.map((_, i) => (i < index ? 'applied' : i === index ? 'failed' : 'pending')),
    );
    expect(failed.steps[index]!.error).toMatchObject({ code: 'Forbidden.RAM' });
    expect(failed.verification.status).toBe('pending');
    await expectJournalDescribesSource(failed);

    const retry = await postJson(stack.app, `/api/restores/${failed.id}/retry`);
    expect(retry.status).toBe(202);
    expect(retry.body.restoreId).toBe(failed.id);
    const done = await waitForRestore(stack.app, failed.id);
    expect(done.status).toBe('succeeded');
    expect(done.attempt).toBe(2);
    // The first attempt's record is kept; the new attempt holds only the remaining work.
    expect(done.steps.filter((s) => s.attempt === 1).map((s) => s.status)).toEqual(
      failed.steps.map((s) => s.status),
    );
    expect(done.steps.filter((s) => s.attempt === 2)).toHaveLength(plan.steps.length - index);
    expect((await preview(stack.app, webProd, backup)).identical).toBe(true);
  });

  it('permanent 4xx: Roll back brings the source back to its snapshot exactly', async () => {
    const before = await sourceRules();
    const { action, nth } = target(index);
    stack.emulator.failCall(action, nth, { code: 'AuthorizationLimitExceed', status: 403 });
    const failed = await runRestore();
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('AuthorizationLimitExceed');
    await expectJournalDescribesSource(failed);

    const rollback = await postJson(stack.app, `/api/restores/${failed.id}/rollback`);
    if (index === 0) {
      // Nothing was applied: the source already has its snapshot.
      expect(rollback.status).toBe(400);
      expect(rollback.body.code).toBe('NothingToRestore');
    } else {
      expect(rollback.status).toBe(202);
      const done = await waitForRestore(stack.app, rollback.body.restoreId as string);
      expect(done).toMatchObject({ kind: 'rollback', parentId: failed.id, status: 'succeeded' });
    }
    expectSame(before, await sourceRules());
  });
});

describe('revokes whose outcome is uncertain', () => {
  it('an "already gone" answer re-reads the group and revokes only what is left', async () => {
    const revokeIndex = plan.steps.findIndex((s) => s.action === 'revoke');
    const { action, nth } = target(revokeIndex);
    stack.emulator.failCall(action, nth, { code: 'InvalidParam.SecurityGroupRuleId', status: 400 });
    const done = await runRestore();
    expect(done.status).toBe('succeeded');
    expectSame(done.expected as Rule[], await sourceRules());
  });

  it('a revoke applied but never confirmed is not repeated by Retry remaining', async () => {
    const revokeIndex = plan.steps.findIndex((s) => s.action === 'revoke');
    const { action, nth } = target(revokeIndex);
    // Applied, then every retry of the adapter fails: a read settles the step as applied.
    stack.emulator.failAfterApply(action, nth, 503);
    for (let k = 1; k <= 3; k += 1)
      stack.emulator.failCall(action, nth + k, { code: 'ServiceUnavailable', status: 503 });
    const failed = await runRestore();
    expect(failed.status).toBe('failed');
    expect(failed.steps[revokeIndex]!.status).toBe('applied');
    const retry = await postJson(stack.app, `/api/restores/${failed.id}/retry`);
    expect(retry.status).toBe(202);
    const done = await waitForRestore(stack.app, failed.id);
    expect(done.status).toBe('succeeded');
    expectSame(done.expected as Rule[], await sourceRules());
  });

  it('a last step applied but never confirmed: Retry remaining has nothing left to call and verifies', async () => {
    const last = plan.steps.length - 1;
    const { action, nth } = target(last);
    stack.emulator.failAfterApply(action, nth, 503);
    for (let k = 1; k <= 3; k += 1)
      stack.emulator.failCall(action, nth + k, { code: 'ServiceUnavailable', status: 503 });
    const failed = await runRestore();
    expect(failed.status).toBe('failed');
    stack.emulator.clearCalls();
    const retry = await postJson(stack.app, `/api/restores/${failed.id}/retry`);
    expect(retry.status).toBe(202);
    const done = await waitForRestore(stack.app, failed.id);
    expect(done.status).toBe('succeeded');
    expect(done.steps.filter((s) => s.attempt === 2)).toEqual([]);
    expect(stack.emulator.calls.filter((c) => /^(Authorize|Revoke|Modify)/.test(c.action))).toEqual(
      [],
    );
  });
});

describe('verification', () => {
  it('reports a difference when the source changes under the restore', async () => {
    const shown = await preview(stack.app, webProd, backup);
    stack.emulator.setLatency(40);
    const started = await startRestore(stack.app, webProd, backup, shown.revision);
    const id = started.body.restoreId as string;
    const last = shown.plan.steps.length - 1;
    for (;;) {
      const detail = (await getJson(stack.app, `/api/restores/${id}`))
        .body as unknown as RestoreDetail;
      if (detail.steps[last]?.status === 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // Someone else adds a rule while the last step runs.
    stack.emulator.addRules(REGION, webProd, 'ingress', [
      {
        IpProtocol: 'TCP',
        PortRange: '6000/6000',
        SourceCidrIp: '198.51.100.0/24',
        Priority: '1',
        Policy: 'Accept',
      },
    ]);
    const done = await waitForRestore(stack.app, id);
    stack.emulator.setLatency(0);
    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe('VerificationFailed');
    expect(done.verification.status).toBe('failed');
    expect(done.verification.missing).toEqual([]);
    expect(done.verification.unexpected.map((r) => r.portRange)).toEqual(['6000/6000']);
    expect(done.steps.every((s) => s.status === 'applied')).toBe(true);
  });
});
