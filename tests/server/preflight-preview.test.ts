/**
 * Pre-flight checks in the preview and at OK (SPEC section 10), through the real proxy, SDK and
 * emulator: each reachable check at its limit passes and one past fails; a failing plan is
 * refused with 422 PreflightFailed, no write reaches ECS, and the journal records the refusal.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PreviewResponse } from '../../src/server/contract';
import { createTestStack, groupIdByName, type TestStack } from '../support/test-stack';
import { buildGroup, cidrRules, groupRules, restoreDetail, writeCalls } from './preflight-fixtures';
import { errorOf, preview, REGION, restoresOf, startRestore } from './helpers';

let stack: TestStack;
let webProd: string;
let appProd: string;

beforeAll(async () => {
  stack = await createTestStack();
  webProd = await groupIdByName(stack.app, REGION, 'web-prod');
  appProd = await groupIdByName(stack.app, REGION, 'app-prod');
});
beforeEach(() => stack.emulator.reset());
afterAll(() => stack.close());

const codes = (shown: PreviewResponse) => shown.checks.map((check) => check.code);

/** Starts the previewed restore, expects the refusal, and returns the refused journal entry. */
async function expectRefused(
  source: string,
  destination: string,
  mode: 'completely' | 'partially',
  shown: PreviewResponse,
) {
  stack.emulator.clearCalls();
  const res = await startRestore(stack.app, source, destination, shown, mode);
  expect(res.status).toBe(422);
  const body = await errorOf(res);
  expect(body.code).toBe('PreflightFailed');
  const details = body.details;
  expect(details?.checks).toEqual(shown.checks);
  expect(details?.preview?.revision).toBe(shown.revision);
  if (details?.restoreId === undefined) throw new Error('the refusal names no journal entry');
  expect(writeCalls(stack.emulator)).toEqual([]);
  const record = await restoreDetail(stack.app, details.restoreId);
  expect(record).toMatchObject({ status: 'refused', kind: 'restore', steps: [] });
  expect(record.error).toMatchObject({ code: 'PreflightFailed', message: body.message });
  expect((record.error?.details as { checks: unknown }).checks).toEqual(shown.checks);
  return { message: body.message, record };
}

describe('rules per group', () => {
  it('web-prod ← legacy-monolith Partially: 9 + 200 > 200 is refused, and history lists it', async () => {
    const legacy = await groupIdByName(stack.app, REGION, 'legacy-monolith');
    const shown = await preview(stack.app, webProd, legacy, 'partially');
    expect(codes(shown)).toEqual(['rule-limit']);
    expect(shown.checks[0]).toMatchObject({ before: 9, added: 200, peak: 209, limit: 200 });
    const { message, record } = await expectRefused(webProd, legacy, 'partially', shown);
    expect(message).toContain('The result would hold 209 rules; a group holds at most 200.');
    const listed = (await restoresOf(stack.app, webProd)).restores[0];
    expect(listed).toMatchObject({ id: record.id, status: 'refused' });
  });

  it('web-prod ← legacy-monolith Completely plans around the limit and passes', async () => {
    const legacy = await groupIdByName(stack.app, REGION, 'legacy-monolith');
    const shown = await preview(stack.app, webProd, legacy);
    expect(shown.checks).toEqual([]);
    expect(shown.plan.earlyRemovals.length).toBeGreaterThan(0);
  });

  it('legacy-monolith as the source, Partially: 200 + the backup’s rules is refused', async () => {
    const legacy = await groupIdByName(stack.app, REGION, 'legacy-monolith');
    const backup = await groupIdByName(stack.app, REGION, 'web-prod-backup-20261120');
    const shown = await preview(stack.app, legacy, backup, 'partially');
    expect(codes(shown)).toEqual(['rule-limit']);
    expect(shown.checks[0]).toMatchObject({ before: 200, limit: 200 });
    await expectRefused(legacy, backup, 'partially', shown);
  });

  it('Partially exactly at the limit passes, one rule past it fails', async () => {
    const fits = buildGroup(stack, 'fits-200', cidrRules(191, 30000));
    expect(codes(await preview(stack.app, webProd, fits, 'partially'))).toEqual([]);
    const over = buildGroup(stack, 'over-200', cidrRules(192, 30000));
    const shown = await preview(stack.app, webProd, over, 'partially');
    expect(shown.checks[0]).toMatchObject({ code: 'rule-limit', peak: 201, limit: 200 });
  });
});

describe('group references per basic group', () => {
  it('20 references pass, 21 fail (Completely)', async () => {
    const empty = buildGroup(stack, 'no-references', []);
    const twenty = buildGroup(stack, 'twenty-references', groupRules(20, 7100, appProd));
    expect(codes(await preview(stack.app, empty, twenty))).toEqual([]);
    const more = buildGroup(stack, 'more-references', groupRules(21, 7100, appProd));
    const shown = await preview(stack.app, empty, more);
    expect(codes(shown)).toEqual(['group-reference-limit']);
    expect(shown.checks[0]).toMatchObject({ before: 0, added: 21, peak: 21, limit: 20 });
    const { message } = await expectRefused(empty, more, 'completely', shown);
    expect(message).toContain('The result would hold 21 rules that reference security groups');
  });

  it('mesh-prod at 20 references, Partially from a group with other references, is refused', async () => {
    const mesh = await groupIdByName(stack.app, REGION, 'mesh-prod');
    const other = buildGroup(stack, 'mesh-more', groupRules(1, 7500, appProd));
    const shown = await preview(stack.app, mesh, other, 'partially');
    expect(shown.checks[0]).toMatchObject({
      code: 'group-reference-limit',
      before: 20,
      peak: 21,
    });
    await expectRefused(mesh, other, 'partially', shown);
  });
});

describe('references and fields', () => {
  it('a reference to a group that does not exist', async () => {
    const empty = buildGroup(stack, 'plain', []);
    const ghost = buildGroup(stack, 'ghost-ref', groupRules(1, 8100, 'sg-doesnotexist0001'));
    const shown = await preview(stack.app, empty, ghost);
    expect(shown.checks).toEqual([
      expect.objectContaining({ code: 'reference-missing', groupIds: ['sg-doesnotexist0001'] }),
    ]);
    await expectRefused(empty, ghost, 'completely', shown);
  });

  it('the source and destination themselves count as existing groups', async () => {
    const empty = buildGroup(stack, 'plain-2', []);
    const refsSource = buildGroup(stack, 'refs-source', groupRules(1, 8200, webProd));
    expect(codes(await preview(stack.app, empty, refsSource))).toEqual([]);
  });

  it('a description of 512 characters passes, 513 fails', async () => {
    const empty = buildGroup(stack, 'plain-4', []);
    const ok = buildGroup(stack, 'desc-512', cidrRules(1, 9100, { Description: 'd'.repeat(512) }));
    expect(codes(await preview(stack.app, empty, ok))).toEqual([]);
    const bad = buildGroup(stack, 'desc-513', cidrRules(1, 9100, { Description: 'd'.repeat(513) }));
    const shown = await preview(stack.app, empty, bad);
    expect(shown.checks).toEqual([
      expect.objectContaining({ code: 'field-description', limit: 512, longest: 513 }),
    ]);
    await expectRefused(empty, bad, 'completely', shown);
  });

  // Priorities outside 1..100 (110 is a system rule the diff lists as not restorable), bad port
  // ranges and bad CIDRs cannot come from a read: the reader refuses such groups (UnsupportedRule).
  it('a priority of 100 passes', async () => {
    const empty = buildGroup(stack, 'plain-3', []);
    const ok = buildGroup(stack, 'prio-100', cidrRules(1, 9000, { Priority: '100' }));
    expect(codes(await preview(stack.app, empty, ok))).toEqual([]);
  });

  it('a service-managed source fails that check alone', async () => {
    const managed = await groupIdByName(stack.app, REGION, 'k8s-managed-sg');
    const shown = await preview(stack.app, managed, appProd);
    expect(codes(shown)).toEqual(['service-managed']);
    const { message } = await expectRefused(managed, appProd, 'completely', shown);
    expect(message).toContain('managed by a cloud service');
  });
});
