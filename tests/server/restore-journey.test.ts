/**
 * The restore journey end to end (preview → restore → job → verification → ECS state → history
 * → undo), plus stale previews, concurrent restores, nothing to restore, and the number of ECS
 * write calls against the plan's lower bound.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compareRuleSets } from '../../src/domain/plan-result';
import type {
  GroupDetailResponse,
  RestoreDetail,
  RestoreListResponse,
  RuleView,
} from '../../src/server/contract';
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

beforeAll(async () => {
  stack = await createTestStack();
  webProd = await groupIdByName(stack.app, REGION, 'web-prod');
  backup = await groupIdByName(stack.app, REGION, 'web-prod-backup-20261120');
});
beforeEach(() => stack.emulator.reset());
afterAll(() => stack.close());

const WRITE_ACTIONS = /^(Authorize|Revoke|Modify)/;

async function rulesOf(groupId: string, region = REGION): Promise<RuleView[]> {
  const res = await getJson(stack.app, `/api/regions/${region}/security-groups/${groupId}`);
  expect(res.status).toBe(200);
  return (res.body as unknown as GroupDetailResponse).rules;
}

function sameRules(expected: RuleView[], actual: RuleView[]): void {
  expect(compareRuleSets(expected, actual)).toEqual({ missing: [], unexpected: [] });
}

describe('the restore journey', () => {
  it('restores completely, verifies, matches plan.expected in ECS, and undo brings the snapshot back exactly', async () => {
    const before = await rulesOf(webProd);
    const shown = await preview(stack.app, webProd, backup);
    const started = await startRestore(stack.app, webProd, backup, shown.revision);
    expect(started.status).toBe(202);
    const restoreId = started.body.restoreId as string;
    expect(restoreId).toMatch(/^rst-[a-z0-9]+$/);

    const done = await waitForRestore(stack.app, restoreId);
    expect(done.status).toBe('succeeded');
    expect(done.verification).toEqual({ status: 'passed', missing: [], unexpected: [] });
    expect(done.steps.map((s) => s.status)).toEqual(shown.plan.steps.map(() => 'applied'));
    expect(done.steps.every((s) => s.requestId !== undefined && s.attempts === 1)).toBe(true);
    expect(done.stepsApplied).toBe(shown.plan.calls);
    expect(done.stepsTotal).toBe(shown.plan.calls);
    expect(done.summary).toEqual(shown.summary);
    sameRules(done.snapshot, before);

    const after = await rulesOf(webProd);
    sameRules(done.expected, after);
    // The destination's restorable rules, nothing more: a new preview is identical.
    expect((await preview(stack.app, webProd, backup)).identical).toBe(true);

    // History lists it, newest first, and filters by source.
    const history = (await getJson(stack.app, `/api/restores?sourceId=${webProd}`))
      .body as unknown as RestoreListResponse;
    expect(history.restores[0]).toMatchObject({
      id: restoreId,
      kind: 'restore',
      status: 'succeeded',
      source: { id: webProd, name: 'web-prod' },
    });

    // Undo: its own preview, then a restore to the snapshot.
    const undoPreview = await getJson(stack.app, `/api/restores/${restoreId}/undo-preview`);
    expect(undoPreview.status).toBe(200);
    expect(undoPreview.body.identical).toBe(false);
    const undo = await postJson(stack.app, `/api/restores/${restoreId}/undo`, {
      revision: undoPreview.body.revision,
    });
    expect(undo.status).toBe(202);
    const undone = await waitForRestore(stack.app, undo.body.restoreId as string);
    expect(undone).toMatchObject({ kind: 'undo', parentId: restoreId, status: 'succeeded' });
    sameRules(before, await rulesOf(webProd));
  });

  it('restores partially: only additions, source-only rules kept', async () => {
    const before = await rulesOf(webProd);
    const shown = await preview(stack.app, webProd, backup, 'partially');
    const started = await startRestore(stack.app, webProd, backup, shown.revision, 'partially');
    const done = await waitForRestore(stack.app, started.body.restoreId as string);
    expect(done.status).toBe('succeeded');
    const after = await rulesOf(webProd);
    expect(after.length).toBe(before.length + shown.summary.added);
    expect(compareRuleSets(before, after).missing).toEqual([]);
  });

  it('keeps a description ECS cannot empty: the preview says so, and the restore does not stop on it', async () => {
    const rule = (port: string, priority: string, description: string) => ({
      IpProtocol: 'TCP',
      PortRange: `${port}/${port}`,
      SourceCidrIp: '10.0.0.0/8',
      Policy: 'Accept',
      Priority: priority,
      Description: description,
    });
    const live = stack.emulator.addGroup(REGION, {
      name: 'described-live',
      vpcId: 'vpc-described',
    });
    const copy = stack.emulator.addGroup(REGION, {
      name: 'described-copy',
      vpcId: 'vpc-described',
    });
    stack.emulator.addRules(REGION, live, 'ingress', [
      rule('22', '1', 'ssh'),
      rule('25', '5', 'mail'),
    ]);
    stack.emulator.addRules(REGION, copy, 'ingress', [rule('22', '1', ''), rule('25', '7', '')]);

    const shown = await preview(stack.app, live, copy);
    expect(shown.summary).toMatchObject({ changed: 1, unchanged: 1, notRestorable: 2 });
    const started = await startRestore(stack.app, live, copy, shown.revision);
    const done = await waitForRestore(stack.app, started.body.restoreId as string);
    expect(done.status).toBe('succeeded');
    expect(done.verification?.status).toBe('passed');
    // Without this, Modify of port 25 asked ECS to empty its description and the restore failed
    // with InvalidParam.EmptyValue after its first steps.
    const after = await rulesOf(live);
    expect(after.map((r) => [r.portRange, r.priority, r.description]).sort()).toEqual([
      ['22/22', 1, 'ssh'],
      ['25/25', 7, 'mail'],
    ]);
  });

  it('pages the history with a cursor, newest first', async () => {
    for (let i = 0; i < 3; i += 1) {
      stack.emulator.reset();
      const shown = await preview(stack.app, webProd, backup);
      const started = await startRestore(stack.app, webProd, backup, shown.revision);
      await waitForRestore(stack.app, started.body.restoreId as string);
    }
    const first = (await getJson(stack.app, '/api/restores?limit=2'))
      .body as unknown as RestoreListResponse;
    expect(first.restores).toHaveLength(2);
    expect(first.nextCursor).not.toBe('');
    const second = (await getJson(stack.app, `/api/restores?limit=2&cursor=${first.nextCursor}`))
      .body as unknown as RestoreListResponse;
    expect(second.restores.length).toBeGreaterThan(0);
    const all = [...first.restores, ...second.restores];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const times = all.map((r) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('refusals at OK', () => {
  it('answers 409 StalePreview with the fresh preview when the source changed, applying nothing', async () => {
    const shown = await preview(stack.app, webProd, backup);
    stack.emulator.addRules(REGION, webProd, 'ingress', [
      {
        IpProtocol: 'TCP',
        PortRange: '9999/9999',
        SourceCidrIp: '192.0.2.0/24',
        Priority: '1',
        Policy: 'Accept',
      },
    ]);
    stack.emulator.clearCalls();
    const res = await startRestore(stack.app, webProd, backup, shown.revision);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('StalePreview');
    const fresh = res.body.details?.preview;
    expect(fresh?.revision).not.toBe(shown.revision);
    expect(fresh?.summary.removed).toBe(shown.summary.removed + 1);
    expect(stack.emulator.calls.filter((c) => WRITE_ACTIONS.test(c.action))).toEqual([]);
  });

  it('answers 409 StalePreview when the destination changed', async () => {
    const shown = await preview(stack.app, webProd, backup);
    stack.emulator.addRules(REGION, backup, 'egress', [
      {
        IpProtocol: 'UDP',
        PortRange: '53/53',
        DestCidrIp: '10.0.0.0/8',
        Priority: '1',
        Policy: 'Accept',
      },
    ]);
    const res = await startRestore(stack.app, webProd, backup, shown.revision);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('StalePreview');
  });

  it('refuses a restore with nothing to do', async () => {
    const sh = await groupIdByName(stack.app, 'cn-shanghai', 'web-sh');
    const shBackup = await groupIdByName(stack.app, 'cn-shanghai', 'web-sh-backup-20260101');
    const shown = await preview(stack.app, sh, shBackup, 'completely', 'cn-shanghai');
    const res = await startRestore(
      stack.app,
      sh,
      shBackup,
      shown.revision,
      'completely',
      'cn-shanghai',
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'NothingToRestore',
      message: 'The destination security group has the same rules as the source',
    });
  });

  it('refuses to change a service-managed source before any write', async () => {
    const managed = await groupIdByName(stack.app, REGION, 'k8s-managed-sg');
    const appProd = await groupIdByName(stack.app, REGION, 'app-prod');
    const shown = await preview(stack.app, managed, appProd);
    expect(shown.source.serviceManaged).toBe(true);
    stack.emulator.clearCalls();
    const res = await startRestore(stack.app, managed, appProd, shown.revision);
    // The service-managed pre-flight check (ECS: InvalidOperation.ResourceManagedByCloudProduct).
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PreflightFailed');
    expect(shown.checks.map((check) => check.code)).toEqual(['service-managed']);
    expect(stack.emulator.calls.filter((c) => WRITE_ACTIONS.test(c.action))).toEqual([]);
  });

  it('answers 404 naming the group when it was deleted between preview and OK', async () => {
    const shown = await preview(stack.app, webProd, backup);
    stack.emulator.deleteGroup(REGION, backup);
    const res = await startRestore(stack.app, webProd, backup, shown.revision);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('InvalidSecurityGroupId.NotFound');
    expect(res.body.message).toContain('destination');
  });

  it('allows one restore per source at a time (409 with the running restore id)', async () => {
    const shown = await preview(stack.app, webProd, backup);
    stack.emulator.setLatency(40);
    const [a, b] = await Promise.all([
      startRestore(stack.app, webProd, backup, shown.revision),
      startRestore(stack.app, webProd, backup, shown.revision),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([202, 409]);
    const winner = a.status === 202 ? a : b;
    const loser = a.status === 202 ? b : a;
    expect(loser.body.code).toBe('RestoreInProgress');
    // While it runs, another OK is refused with its id.
    const third = await startRestore(stack.app, webProd, backup, shown.revision);
    expect(third.status).toBe(409);
    expect(third.body.details?.restoreId).toBe(winner.body.restoreId);
    stack.emulator.setLatency(0);
    expect((await waitForRestore(stack.app, winner.body.restoreId as string)).status).toBe(
      'succeeded',
    );
  });

  it('refuses retry and rollback of a succeeded restore, and undo with a stale revision', async () => {
    const shown = await preview(stack.app, webProd, backup);
    const started = await startRestore(stack.app, webProd, backup, shown.revision);
    const id = started.body.restoreId as string;
    await waitForRestore(stack.app, id);
    expect((await postJson(stack.app, `/api/restores/${id}/retry`)).body.code).toBe(
      'InvalidRestoreState',
    );
    expect((await postJson(stack.app, `/api/restores/${id}/rollback`)).status).toBe(409);
    const undoPreview = await getJson(stack.app, `/api/restores/${id}/undo-preview`);
    stack.emulator.addRules(REGION, webProd, 'ingress', [
      {
        IpProtocol: 'TCP',
        PortRange: '7/7',
        SourceCidrIp: '192.0.2.0/24',
        Priority: '1',
        Policy: 'Accept',
      },
    ]);
    const undo = await postJson(stack.app, `/api/restores/${id}/undo`, {
      revision: undoPreview.body.revision,
    });
    expect(undo.status).toBe(409);
    expect(undo.body.code).toBe('StalePreview');
  });
});

/** Fewest calls: per direction and action, ceil(rules / batch); one call per modify. */
function lowerBound(detail: RestoreDetail, batchSize: number): number {
  const counts = new Map<string, number>();
  let modifies = 0;
  for (const step of detail.steps) {
    if (step.action === 'modify') modifies += 1;
    else
      counts.set(
        `${step.action}/${step.direction}`,
        (counts.get(`${step.action}/${step.direction}`) ?? 0) + step.ruleCount,
      );
  }
  let bound = modifies;
  for (const n of counts.values()) bound += Math.ceil(n / batchSize);
  return bound;
}

describe('ECS write calls of a 200-rule Completely restore', () => {
  it('adding 200 rules to an empty group takes exactly the lower bound of calls', async () => {
    const empty = await groupIdByName(stack.app, REGION, 'empty-sandbox');
    const legacy = await groupIdByName(stack.app, REGION, 'legacy-monolith');
    const shown = await preview(stack.app, empty, legacy);
    expect(shown.summary.added).toBe(200);
    stack.emulator.clearCalls();
    const started = await startRestore(stack.app, empty, legacy, shown.revision);
    const done = await waitForRestore(stack.app, started.body.restoreId as string);
    expect(done.status).toBe('succeeded');
    const writes = stack.emulator.calls.filter((c) => WRITE_ACTIONS.test(c.action));
    expect(writes).toHaveLength(shown.plan.calls);
    expect(shown.plan.calls).toBe(lowerBound(done, stack.config.batchSize));
    expect(shown.plan.calls).toBe(
      Math.ceil(150 / stack.config.batchSize) + Math.ceil(50 / stack.config.batchSize),
    );
    expect(await rulesOf(empty)).toHaveLength(200);
  });

  it('replacing all 200 rules of a full group (rule limit forces early removals) takes the lower bound too', async () => {
    const legacy = await groupIdByName(stack.app, REGION, 'legacy-monolith');
    const replacement = stack.emulator.addGroup(REGION, { name: 'replacement-200' });
    stack.emulator.addRules(
      REGION,
      replacement,
      'ingress',
      Array.from({ length: 150 }, (_, i) => ({
        IpProtocol: 'UDP',
        PortRange: `${30000 + i}/${30000 + i}`,
        SourceCidrIp: '192.168.0.0/16',
        Priority: '1',
        Policy: 'Accept',
      })),
    );
    stack.emulator.addRules(
      REGION,
      replacement,
      'egress',
      Array.from({ length: 50 }, (_, i) => ({
        IpProtocol: 'TCP',
        PortRange: `${40000 + i}/${40000 + i}`,
        DestCidrIp: '172.31.0.0/16',
        Priority: '1',
        Policy: 'Accept',
      })),
    );
    const shown = await preview(stack.app, legacy, replacement);
    expect(shown.summary).toMatchObject({ added: 200, removed: 200 });
    expect(shown.plan.makeBeforeBreak).toBe(false);
    expect(shown.warnings.map((w) => w.kind)).toContain('rule-limit-early-removals');
    stack.emulator.clearCalls();
    const started = await startRestore(stack.app, legacy, replacement, shown.revision);
    const done = await waitForRestore(stack.app, started.body.restoreId as string);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    const writes = stack.emulator.calls.filter((c) => WRITE_ACTIONS.test(c.action));
    expect(writes).toHaveLength(shown.plan.calls);
    expect(writes.every((c) => c.status === 200)).toBe(true);
    expect(shown.plan.calls).toBe(lowerBound(done, stack.config.batchSize));
    expect(shown.plan.calls).toBe(
      2 * (Math.ceil(150 / stack.config.batchSize) + Math.ceil(50 / stack.config.batchSize)),
    );
  });
});
