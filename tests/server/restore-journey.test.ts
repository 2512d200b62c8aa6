/**
 * The restore journey end to end (preview → restore → job → verification → ECS state → history
 * → undo), plus stale previews, concurrent restores, nothing to restore, and the number of ECS
 * write calls against the plan's lower bound.
 */
import { describe, expect, it } from 'vitest';
import { compareRuleSets } from '../../src/domain/plan-result';
import type { RestoreDetail, RuleView } from '../../src/server/contract';
import { groupIdByName, waitForRestore } from '../support/test-stack';
import {
  errorOf,
  preview,
  REGION,
  startedRestoreId,
  startRestore,
  useSharedStack,
  confirmedBy,
  type Reviewed,
} from './helpers';

const shared = useSharedStack();

const WRITE_ACTIONS = /^(Authorize|Revoke|Modify)/;

async function rulesOf(groupId: string, region = REGION): Promise<RuleView[]> {
  const res = await shared.api.regions[':region']['security-groups'][':id'].$get({
    param: { region, id: groupId },
  });
  expect(res.status).toBe(200);
  return (await res.json()).rules;
}

async function history(query: { sourceId?: string; limit?: string; cursor?: string }) {
  const res = await shared.api.restores.$get({ query });
  expect(res.status).toBe(200);
  return res.json();
}

async function undoPreviewOf(restoreId: string) {
  const res = await shared.api.restores[':id']['undo-preview'].$get({ param: { id: restoreId } });
  expect(res.status).toBe(200);
  return res.json();
}

const undo = (restoreId: string, reviewed: Reviewed) =>
  shared.api.restores[':id'].undo.$post({ param: { id: restoreId }, json: confirmedBy(reviewed) });

function sameRules(expected: RuleView[], actual: RuleView[]): void {
  expect(compareRuleSets(expected, actual)).toEqual({ missing: [], unexpected: [] });
}

describe('the restore journey', () => {
  it('restores completely, verifies, matches plan.expected in ECS, and undo brings the snapshot back exactly', async () => {
    const before = await rulesOf(shared.webProd);
    const shown = await preview(shared.stack.app, shared.webProd, shared.backup);
    const restoreId = await startedRestoreId(
      shared.stack.app,
      shared.webProd,
      shared.backup,
      shown,
    );
    expect(restoreId).toMatch(/^rst-[a-z0-9]+$/);

    const done = await waitForRestore(shared.stack.app, restoreId);
    expect(done.status).toBe('succeeded');
    expect(done.verification).toEqual({ status: 'passed', missing: [], unexpected: [] });
    expect(done.steps.map((s) => s.status)).toEqual(shown.plan.steps.map(() => 'applied'));
    expect(done.steps.every((s) => s.requestId !== undefined && s.attempts === 1)).toBe(true);
    expect(done.stepsApplied).toBe(shown.plan.calls);
    expect(done.stepsTotal).toBe(shown.plan.calls);
    expect(done.summary).toEqual(shown.summary);
    sameRules(done.snapshot, before);

    const after = await rulesOf(shared.webProd);
    sameRules(done.expected, after);
    // The destination's restorable rules, nothing more: a new preview is identical.
    expect((await preview(shared.stack.app, shared.webProd, shared.backup)).identical).toBe(true);

    // History lists it, newest first, and filters by source.
    const listed = await history({ sourceId: shared.webProd });
    expect(listed.restores).toHaveLength(1);
    expect(listed.restores[0]).toMatchObject({
      id: restoreId,
      kind: 'restore',
      status: 'succeeded',
      source: { id: shared.webProd, name: 'web-prod' },
    });

    // Undo: its own preview, then a restore to the snapshot.
    const undoPreview = await undoPreviewOf(restoreId);
    expect(undoPreview.identical).toBe(false);
    const undoStarted = await undo(restoreId, undoPreview);
    expect(undoStarted.status).toBe(202);
    const undone = await waitForRestore(shared.stack.app, (await undoStarted.json()).restoreId);
    expect(undone).toMatchObject({ kind: 'undo', parentId: restoreId, status: 'succeeded' });
    sameRules(before, await rulesOf(shared.webProd));
  });

  it('restores partially: only additions, source-only rules kept', async () => {
    const before = await rulesOf(shared.webProd);
    const shown = await preview(shared.stack.app, shared.webProd, shared.backup, 'partially');
    const restoreId = await startedRestoreId(
      shared.stack.app,
      shared.webProd,
      shared.backup,
      shown,
      'partially',
    );
    const done = await waitForRestore(shared.stack.app, restoreId);
    expect(done.status).toBe('succeeded');
    const after = await rulesOf(shared.webProd);
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
    const live = shared.stack.emulator.addGroup(REGION, {
      name: 'described-live',
      vpcId: 'vpc-described',
    });
    const copy = shared.stack.emulator.addGroup(REGION, {
      name: 'described-copy',
      vpcId: 'vpc-described',
    });
    shared.stack.emulator.addRules(REGION, live, 'ingress', [
      rule('22', '1', 'ssh'),
      rule('25', '5', 'mail'),
    ]);
    shared.stack.emulator.addRules(REGION, copy, 'ingress', [
      rule('22', '1', ''),
      rule('25', '7', ''),
    ]);

    const shown = await preview(shared.stack.app, live, copy);
    expect(shown.summary).toMatchObject({ changed: 1, unchanged: 1, notRestorable: 2 });
    const restoreId = await startedRestoreId(shared.stack.app, live, copy, shown);
    const done = await waitForRestore(shared.stack.app, restoreId);
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
    // Earlier tests of this file left restores in the shared journal: page through all of them.
    const earlier = (await history({ limit: '100' })).restores.length;
    const started: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      shared.stack.emulator.reset();
      const shown = await preview(shared.stack.app, shared.webProd, shared.backup);
      const restoreId = await startedRestoreId(
        shared.stack.app,
        shared.webProd,
        shared.backup,
        shown,
      );
      started.push(restoreId);
      await waitForRestore(shared.stack.app, restoreId);
    }
    const all = [];
    let cursor = '';
    do {
      const page = await history({ limit: '2', ...(cursor === '' ? {} : { cursor }) });
      expect(page.restores.length).toBe(Math.min(2, earlier + 3 - all.length));
      all.push(...page.restores);
      cursor = page.nextCursor;
    } while (cursor !== '');
    expect(all).toHaveLength(earlier + 3);
    expect(all.slice(0, 3).map((r) => r.id)).toEqual([...started].reverse());
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const times = all.map((r) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('refusals at OK', () => {
  it('answers 409 StalePreview with the fresh preview when the source changed, applying nothing', async () => {
    const shown = await preview(shared.stack.app, shared.webProd, shared.backup);
    shared.stack.emulator.addRules(REGION, shared.webProd, 'ingress', [
      {
        IpProtocol: 'TCP',
        PortRange: '9999/9999',
        SourceCidrIp: '192.0.2.0/24',
        Priority: '1',
        Policy: 'Accept',
      },
    ]);
    shared.stack.emulator.clearCalls();
    const res = await startRestore(shared.stack.app, shared.webProd, shared.backup, shown);
    expect(res.status).toBe(409);
    const body = await errorOf(res);
    expect(body.code).toBe('StalePreview');
    const fresh = body.details?.preview;
    expect(fresh?.revision).not.toBe(shown.revision);
    expect(fresh?.summary.removed).toBe(shown.summary.removed + 1);
    expect(shared.stack.emulator.calls.filter((c) => WRITE_ACTIONS.test(c.action))).toEqual([]);
  });

  it('answers 409 StalePreview when the destination changed', async () => {
    const shown = await preview(shared.stack.app, shared.webProd, shared.backup);
    shared.stack.emulator.addRules(REGION, shared.backup, 'egress', [
      {
        IpProtocol: 'UDP',
        PortRange: '53/53',
        DestCidrIp: '10.0.0.0/8',
        Priority: '1',
        Policy: 'Accept',
      },
    ]);
    const res = await startRestore(shared.stack.app, shared.webProd, shared.backup, shown);
    expect(res.status).toBe(409);
    const body = await errorOf(res);
    expect(body.code).toBe('StalePreview');
  });

  it('refuses a restore with nothing to do', async () => {
    const sh = await groupIdByName(shared.stack.app, 'cn-shanghai', 'web-sh');
    const shBackup = await groupIdByName(shared.stack.app, 'cn-shanghai', 'web-sh-backup-20260101');
    const shown = await preview(shared.stack.app, sh, shBackup, 'completely', 'cn-shanghai');
    const res = await startRestore(
      shared.stack.app,
      sh,
      shBackup,
      shown,
      'completely',
      'cn-shanghai',
    );
    expect(res.status).toBe(400);
    const body = await errorOf(res);
    expect(body).toMatchObject({
      code: 'NothingToRestore',
      message: 'The destination security group has the same rules as the source',
    });
  });

  it('refuses to change a service-managed source before any write', async () => {
    const managed = await groupIdByName(shared.stack.app, REGION, 'k8s-managed-sg');
    const appProd = await groupIdByName(shared.stack.app, REGION, 'app-prod');
    const shown = await preview(shared.stack.app, managed, appProd);
    expect(shown.source.serviceManaged).toBe(true);
    shared.stack.emulator.clearCalls();
    const res = await startRestore(shared.stack.app, managed, appProd, shown);
    // The service-managed pre-flight check (ECS: InvalidOperation.ResourceManagedByCloudProduct).
    expect(res.status).toBe(422);
    expect((await errorOf(res)).code).toBe('PreflightFailed');
    expect(shown.checks.map((check) => check.code)).toEqual(['service-managed']);
    expect(shared.stack.emulator.calls.filter((c) => WRITE_ACTIONS.test(c.action))).toEqual([]);
  });

  it('answers 404 naming the group when it was deleted between preview and OK', async () => {
    const shown = await preview(shared.stack.app, shared.webProd, shared.backup);
    shared.stack.emulator.deleteGroup(REGION, shared.backup);
    const res = await startRestore(shared.stack.app, shared.webProd, shared.backup, shown);
    expect(res.status).toBe(404);
    const body = await errorOf(res);
    expect(body.code).toBe('InvalidSecurityGroupId.NotFound');
    expect(body.message).toContain('destination');
  });

  it('allows one restore per source at a time (409 with the running restore id)', async () => {
    const shown = await preview(shared.stack.app, shared.webProd, shared.backup);
    shared.stack.emulator.setLatency(40);
    const [a, b] = await Promise.all([
      startRestore(shared.stack.app, shared.webProd, shared.backup, shown),
      startRestore(shared.stack.app, shared.webProd, shared.backup, shown),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([202, 409]);
    const winner = a.status === 202 ? a : b;
    const loser = a.status === 202 ? b : a;
    expect(await errorOf(loser)).toMatchObject({ code: 'RestoreInProgress' });
    const { restoreId } = await winner.json();
    // While it runs, another OK is refused with its id.
    const third = await startRestore(shared.stack.app, shared.webProd, shared.backup, shown);
    expect(third.status).toBe(409);
    // Read raw: the shared error schema strips detail fields it does not name.
    const refused = (await third.json()) as unknown as {
      code: string;
      details: Record<string, unknown>;
    };
    expect(refused).toMatchObject({ code: 'RestoreInProgress', details: { restoreId } });
    const started = shared.stack.journal.get(restoreId)!.createdAt;
    expect(refused.details.startedAt).toBe(started);
    shared.stack.emulator.setLatency(0);
    expect((await waitForRestore(shared.stack.app, restoreId)).status).toBe('succeeded');
  });

  it('refuses retry and rollback of a succeeded restore, and undo with a stale revision', async () => {
    const shown = await preview(shared.stack.app, shared.webProd, shared.backup);
    const id = await startedRestoreId(shared.stack.app, shared.webProd, shared.backup, shown);
    await waitForRestore(shared.stack.app, id);
    const restore = shared.api.restores[':id'];
    for (const res of [
      await restore.retry.$post({ param: { id }, json: { revision: 'r' } }),
      await restore.rollback.$post({ param: { id }, json: { revision: 'r' } }),
    ]) {
      expect(res.status).toBe(409);
      expect((await errorOf(res)).code).toBe('InvalidRestoreState');
    }
    const undoPreview = await undoPreviewOf(id);
    shared.stack.emulator.addRules(REGION, shared.webProd, 'ingress', [
      {
        IpProtocol: 'TCP',
        PortRange: '7/7',
        SourceCidrIp: '192.0.2.0/24',
        Priority: '1',
        Policy: 'Accept',
      },
    ]);
    const stale = await undo(id, undoPreview);
    expect(stale.status).toBe(409);
    expect((await errorOf(stale)).code).toBe('StalePreview');
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
    const empty = await groupIdByName(shared.stack.app, REGION, 'empty-sandbox');
    const legacy = await groupIdByName(shared.stack.app, REGION, 'legacy-monolith');
    const shown = await preview(shared.stack.app, empty, legacy);
    expect(shown.summary.added).toBe(200);
    shared.stack.emulator.clearCalls();
    const restoreId = await startedRestoreId(shared.stack.app, empty, legacy, shown);
    const done = await waitForRestore(shared.stack.app, restoreId);
    expect(done.status).toBe('succeeded');
    const writes = shared.stack.emulator.calls.filter((c) => WRITE_ACTIONS.test(c.action));
    expect(writes).toHaveLength(shown.plan.calls);
    expect(shown.plan.calls).toBe(lowerBound(done, shared.stack.config.batchSize));
    expect(shown.plan.calls).toBe(
      Math.ceil(150 / shared.stack.config.batchSize) +
        Math.ceil(50 / shared.stack.config.batchSize),
    );
    expect(await rulesOf(empty)).toHaveLength(200);
  });

  it('replacing all 200 rules of a full group (rule limit forces early removals) takes the lower bound too', async () => {
    const legacy = await groupIdByName(shared.stack.app, REGION, 'legacy-monolith');
    const replacement = shared.stack.emulator.addGroup(REGION, { name: 'replacement-200' });
    shared.stack.emulator.addRules(
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
    shared.stack.emulator.addRules(
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
    const shown = await preview(shared.stack.app, legacy, replacement);
    expect(shown.summary).toMatchObject({ added: 200, removed: 200 });
    expect(shown.plan.makeBeforeBreak).toBe(false);
    expect(shown.warnings.map((w) => w.kind)).toContain('rule-limit-early-removals');
    shared.stack.emulator.clearCalls();
    const restoreId = await startedRestoreId(shared.stack.app, legacy, replacement, shown);
    const done = await waitForRestore(shared.stack.app, restoreId);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    const writes = shared.stack.emulator.calls.filter((c) => WRITE_ACTIONS.test(c.action));
    expect(writes).toHaveLength(shown.plan.calls);
    expect(writes.every((c) => c.status === 200)).toBe(true);
    expect(shown.plan.calls).toBe(lowerBound(done, shared.stack.config.batchSize));
    expect(shown.plan.calls).toBe(
      2 *
        (Math.ceil(150 / shared.stack.config.batchSize) +
          Math.ceil(50 / shared.stack.config.batchSize)),
    );
  });
});
