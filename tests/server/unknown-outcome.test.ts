/**
 * Unknown outcomes (SPEC section 10): when every retry of a step's call ends in a 5xx or a
 * dropped connection, the runner reads the source to settle whether the step was applied,
 * journals that with the evidence, and stops. The fault hits the LAST retry (after three 503s
 * the fourth call is applied, then answers 500 or loses its connection), or every retry without
 * applying. Retry remaining and Roll back then start from the settled state.
 */
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applySteps, compareRuleSets } from '../../src/domain/plan-result';
import type { PlanStep, Rule } from '../../src/domain/types';
import type { PreviewResponse, RestoreDetail } from '../../src/server/contract';
import {
  createTestStack,
  groupIdByName,
  waitForRestore,
  type TestStack,
} from '../support/test-stack';
import { acceptedId, groupDetailOf, preview, REGION, resumeRestore, startRestore } from './helpers';

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
beforeEach(() => {
  stack.msw.resetHandlers();
  stack.emulator.reset();
});
afterAll(() => stack.close());

const ACTION_NAMES: Record<string, Record<string, string>> = {
  authorize: { ingress: 'AuthorizeSecurityGroup', egress: 'AuthorizeSecurityGroupEgress' },
  revoke: { ingress: 'RevokeSecurityGroup', egress: 'RevokeSecurityGroupEgress' },
  modify: { ingress: 'ModifySecurityGroupRule', egress: 'ModifySecurityGroupEgressRule' },
};

/** The ECS action of step `index` and which call of that action it is (1-based). */
function target(index: number): { action: string; nth: number } {
  const action = ACTION_NAMES[plan.steps[index]!.action]![plan.steps[index]!.direction]!;
  const nth = plan.steps
    .slice(0, index + 1)
    .filter((s) => ACTION_NAMES[s.action]![s.direction] === action).length;
  return { action, nth };
}

/** The test stack's adapter makes 4 attempts per call: the first three answer 503. */
function failFirstThree(action: string, nth: number): void {
  for (let k = 0; k < 3; k += 1)
    stack.emulator.failCall(action, nth + k, { code: 'ServiceUnavailable', status: 503 });
}

const FAULTS = {
  '5xx after applying, on the last retry': (action: string, nth: number) => {
    failFirstThree(action, nth);
    stack.emulator.failAfterApply(action, nth + 3, 500);
  },
  'dropped after applying, on the last retry': (action: string, nth: number) => {
    failFirstThree(action, nth);
    stack.emulator.dropConnection(action, nth + 3, { afterApply: true });
  },
} as const;

async function sourceRules(): Promise<Rule[]> {
  return (await groupDetailOf(stack.app, webProd, REGION)).rules;
}

function expectSame(expected: Rule[], actual: Rule[]): void {
  expect(compareRuleSets(expected, actual)).toEqual({ missing: [], unexpected: [] });
}

async function expectJournalDescribesSource(detail: RestoreDetail): Promise<void> {
  const applied: PlanStep[] = detail.steps.filter((s) => s.status === 'applied');
  expectSame(applySteps(detail.snapshot, applied), await sourceRules());
}

async function runRestore(): Promise<RestoreDetail> {
  const shown = await preview(stack.app, webProd, backup);
  const started = await startRestore(stack.app, webProd, backup, shown);
  return waitForRestore(stack.app, await acceptedId(started));
}

describe.each(Object.entries(FAULTS))('%s', (_name, arm) => {
  describe.each([0, 1, 2, 3, 4])('step %i', (index) => {
    it('is journaled as applied with the read as evidence; Retry remaining finishes', async () => {
      const { action, nth } = target(index);
      arm(action, nth);
      const failed = await runRestore();
      expect(failed.status).toBe('failed');
      const step = failed.steps[index]!;
      expect(step.status).toBe('applied');
      expect(step.outcome).toMatchObject({ applied: 'applied', absent: 0 });
      expect(step.outcome?.present).toBe(step.rules.length);
      expect(step.outcome?.readRequestId).toMatch(/.+/);
      expect(failed.error?.message).toContain('shows the step was applied');
      expect(failed.steps.slice(index + 1).every((s) => s.status === 'pending')).toBe(true);
      await expectJournalDescribesSource(failed);

      const retry = await resumeRestore(stack.app, failed.id, 'retry');
      expect(retry.status).toBe(202);
      const done = await waitForRestore(stack.app, failed.id);
      expect(done.status).toBe('succeeded');
      // The settled step is not repeated: the new attempt holds only what came after it.
      expect(done.steps.filter((s) => s.attempt === 2)).toHaveLength(plan.steps.length - index - 1);
      expectSame(done.expected, await sourceRules());
    });

    it('Roll back brings the source back to its snapshot', async () => {
      const before = await sourceRules();
      const { action, nth } = target(index);
      arm(action, nth);
      const failed = await runRestore();
      expect(failed.steps[index]!.status).toBe('applied');
      const rollback = await resumeRestore(stack.app, failed.id, 'rollback');
      const done = await waitForRestore(stack.app, await acceptedId(rollback));
      expect(done.status).toBe('succeeded');
      expectSame(before, await sourceRules());
    });
  });
});

describe('every retry fails before applying', () => {
  it.each([0, 2, 4])(
    'step %i is journaled as not applied; Retry remaining redoes it',
    async (index) => {
      const { action, nth } = target(index);
      failFirstThree(action, nth);
      stack.emulator.failCall(action, nth + 3, { code: 'ServiceUnavailable', status: 503 });
      const failed = await runRestore();
      expect(failed.status).toBe('failed');
      const step = failed.steps[index]!;
      expect(step.status).toBe('failed');
      expect(step.outcome).toMatchObject({ applied: 'not-applied', present: 0 });
      expect(step.outcome?.absent).toBe(step.rules.length);
      expect(failed.error?.message).toContain('shows the step was not applied');
      await expectJournalDescribesSource(failed);

      const retry = await resumeRestore(stack.app, failed.id, 'retry');
      expect(retry.status).toBe(202);
      const done = await waitForRestore(stack.app, failed.id);
      expect(done.status).toBe('succeeded');
      expect(done.steps.filter((s) => s.attempt === 2)).toHaveLength(plan.steps.length - index);
      expectSame(done.expected, await sourceRules());
    },
  );
});

describe('the settling read fails too', () => {
  it('leaves the step unknown with that fact, and Retry remaining re-plans from the rules', async () => {
    const index = 1;
    const { action, nth } = target(index);
    FAULTS['5xx after applying, on the last retry'](action, nth);
    // Once the step's four calls are spent, every read of the source loses its connection.
    stack.msw.use(
      http.post(/aliyuncs\.com/, ({ request }) => {
        const url = new URL(request.url);
        const called = request.headers.get('x-acs-action') ?? url.searchParams.get('Action');
        const spent = stack.emulator.calls.filter((c) => c.action === action).length >= nth + 3;
        return spent && called?.startsWith('Describe') ? HttpResponse.error() : undefined;
      }),
    );
    const failed = await runRestore();
    expect(failed.status).toBe('failed');
    const step = failed.steps[index]!;
    expect(step.status).toBe('unknown');
    expect(step.outcome).toMatchObject({ applied: 'unresolved' });
    expect(step.outcome?.readError?.code).toMatch(/.+/);
    expect(failed.error?.message).toContain('whether the step was applied is unknown');

    stack.msw.resetHandlers();
    const retry = await resumeRestore(stack.app, failed.id, 'retry');
    expect(retry.status).toBe(202);
    const done = await waitForRestore(stack.app, failed.id);
    expect(done.status).toBe('succeeded');
    expectSame(done.expected, await sourceRules());
  });
});
