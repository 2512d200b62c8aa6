/**
 * Undo, Roll back and Retry remaining are planned anew against the current source and refused
 * like a restore when that plan fails a pre-flight check; the journal keeps each refusal. Also
 * the journal migration that added the refusal and step-outcome columns.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openJournal } from '../../src/server/journal/journal';
import { SCHEMA_VERSION } from '../../src/server/journal/schema';
import { journalVersion, oldJournal } from '../support/old-journal';
import { createTestStack, waitForRestore, type TestStack } from '../support/test-stack';
import { buildGroup, cidrRules, restoreDetail, writeCalls } from './preflight-fixtures';
import {
  acceptedId,
  apiOf,
  errorOf,
  preview,
  resumeRestore,
  startRestore,
  confirmedBy,
} from './helpers';

let stack: TestStack;

beforeAll(async () => {
  stack = await createTestStack();
});
beforeEach(() => stack.emulator.reset());
afterAll(() => stack.close());

/**
 * A source whose rule ECS would no longer accept (a 513-character description, seeded around
 * validation) and a destination without it: the restore revokes it; re-creating it fails
 * `field-description`.
 */
function unrecreatablePair() {
  const source = buildGroup(stack, 'long-description', [
    ...cidrRules(1, 4000, { Description: 'x'.repeat(513) }),
    ...cidrRules(1, 4001),
  ]);
  stack.emulator.addRules('cn-hangzhou', source, 'egress', [
    {
      IpProtocol: 'ALL',
      PortRange: '-1/-1',
      DestCidrIp: '0.0.0.0/0',
      Policy: 'Accept',
      Priority: '1',
    },
  ]);
  const destination = buildGroup(stack, 'short-descriptions', cidrRules(2, 4001));
  return { source, destination };
}

async function restore(source: string, destination: string) {
  const shown = await preview(stack.app, source, destination);
  expect(shown.checks).toEqual([]);
  const started = await startRestore(stack.app, source, destination, shown);
  return waitForRestore(stack.app, await acceptedId(started));
}

describe('undo and roll back', () => {
  it('an undo whose plan fails a check is refused, recorded, and writes nothing', async () => {
    const { source, destination } = unrecreatablePair();
    const done = await restore(source, destination);
    expect(done.status).toBe('succeeded');
    const shownUndo = await apiOf(stack.app).restores[':id']['undo-preview'].$get({
      param: { id: done.id },
    });
    expect(shownUndo.status).toBe(200);
    if (shownUndo.status !== 200) return;
    const undoPreview = await shownUndo.json();
    expect(undoPreview.checks.map((check) => check.code)).toEqual(['field-description']);
    stack.emulator.clearCalls();
    const undo = await apiOf(stack.app).restores[':id'].undo.$post({
      param: { id: done.id },
      json: confirmedBy(undoPreview),
    });
    expect(undo.status).toBe(422);
    const undoBody = await errorOf(undo);
    expect(undoBody.code).toBe('PreflightFailed');
    expect(undoBody.message).toContain('longer than 512 characters (the longest has 513)');
    expect(writeCalls(stack.emulator)).toEqual([]);
    const refused = await restoreDetail(stack.app, undoBody.details!.restoreId!);
    expect(refused).toMatchObject({
      kind: 'undo',
      parentId: done.id,
      status: 'refused',
      steps: [],
    });
  });

  it('a roll back whose plan fails a check is refused and the failed restore stays as it was', async () => {
    const { source, destination } = unrecreatablePair();
    const shown = await preview(stack.app, source, destination);
    // The egress revoke comes after the ingress revoke of the long-description rule: fail it.
    const egressRevoke = shown.plan.steps.findIndex(
      (step) => step.action === 'revoke' && step.direction === 'egress',
    );
    const ingressRevoke = shown.plan.steps.findIndex(
      (step) => step.action === 'revoke' && step.direction === 'ingress',
    );
    expect(ingressRevoke).toBeLessThan(egressRevoke);
    stack.emulator.failCall('RevokeSecurityGroupEgress', 1, { code: 'Forbidden.RAM', status: 403 });
    const failed = await restore(source, destination);
    expect(failed.status).toBe('failed');
    stack.emulator.clearCalls();
    const rollback = await resumeRestore(stack.app, failed.id, 'rollback');
    expect(rollback.status).toBe(422);
    const rollbackBody = await errorOf(rollback);
    expect(rollbackBody.code).toBe('PreflightFailed');
    expect(writeCalls(stack.emulator)).toEqual([]);
    const refused = await restoreDetail(stack.app, rollbackBody.details!.restoreId!);
    expect(refused).toMatchObject({ kind: 'rollback', parentId: failed.id, status: 'refused' });
    expect((await restoreDetail(stack.app, failed.id)).status).toBe('failed');
  });
});

describe('retry remaining', () => {
  it('is refused when the source grew meanwhile, and the restore notes the refused attempt', async () => {
    const source = buildGroup(stack, 'grows', cidrRules(50, 5000));
    const destination = buildGroup(stack, 'hundred-more', cidrRules(100, 6000));
    const shown = await preview(stack.app, source, destination, 'partially');
    expect(shown.checks).toEqual([]);
    stack.emulator.failCall('AuthorizeSecurityGroup', 1, { code: 'Forbidden.RAM', status: 403 });
    const started = await startRestore(stack.app, source, destination, shown, 'partially');
    const failed = await waitForRestore(stack.app, await acceptedId(started));
    expect(failed.status).toBe('failed');
    // Someone fills the source: 50 + 60 + 100 = 210 > 200.
    stack.emulator.addRules('cn-hangzhou', source, 'ingress', cidrRules(60, 12000));
    stack.emulator.clearCalls();
    const retry = await resumeRestore(stack.app, failed.id, 'retry');
    expect(retry.status).toBe(422);
    const retryBody = await errorOf(retry);
    expect(retryBody.code).toBe('PreflightFailed');
    expect(retryBody.message).toContain('The result would hold 210 rules');
    expect(writeCalls(stack.emulator)).toEqual([]);
    const after = await restoreDetail(stack.app, failed.id);
    expect(after).toMatchObject({ status: 'failed', attempt: 1 });
    expect(after.refusals).toEqual([
      expect.objectContaining({
        attempt: 2,
        error: expect.objectContaining({ code: 'PreflightFailed' }),
      }),
    ]);
  });
});

describe('journal schema', () => {
  it('migrates a journal written by schema 1 and keeps its restores', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-v1-'));
    const file = path.join(dir, 'journal.db');
    try {
      // What schema 1 wrote, with a restore in it.
      const db = oldJournal(file, 1);
      const json = (value: unknown) => JSON.stringify(value);
      const group = {
        id: 'sg-old000001',
        name: 'old',
        regionId: 'cn-hangzhou',
        vpcId: 'vpc-1',
        type: 'normal',
      };
      db.prepare(
        `INSERT INTO restores (id, kind, region_id, source_id, source_name, destination_id, destination_name,
          mode, options_json, revision, status, attempt, created_at, summary_json, source_group_json,
          destination_group_json, snapshot_json, destination_rules_json, expected_json, plan_json, verification_json)
         VALUES ('rst-old0001', 'restore', 'cn-hangzhou', 'sg-old000001', 'old', 'sg-old000001', 'old',
          'completely', ?, 'r1', 'failed', 1, '2026-01-01T00:00:00.000Z', ?, ?, ?, '[]', '[]', '[]', ?, ?)`,
      ).run(
        json({ recreateSystemRules: false, retargetSelfReferences: false }),
        json({ added: 0, removed: 0, changed: 0, unchanged: 0, notRestorable: 0 }),
        json(group),
        json(group),
        json({ calls: 0, earlyRemovals: [], makeBeforeBreak: true }),
        json({ status: 'pending', missing: [], unexpected: [] }),
      );
      db.prepare(
        `INSERT INTO steps (restore_id, attempt, step_id, idx, phase, action, direction, early, rules_json, status)
         VALUES ('rst-old0001', 1, 's1', 0, 'opening', 'authorize', 'ingress', 0, '[]', 'failed')`,
      ).run();
      db.close();

      const reopened = openJournal(file);
      expect(reopened.get('rst-old0001')).toMatchObject({ status: 'failed', refusals: [] });
      expect(reopened.steps('rst-old0001')[0]).toMatchObject({ status: 'failed' });
      expect(reopened.steps('rst-old0001')[0]!.outcome).toBeUndefined();
      reopened.addRefusal('rst-old0001', {
        at: '2026-01-02T00:00:00.000Z',
        attempt: 2,
        error: { code: 'PreflightFailed', message: 'refused' },
      });
      expect(reopened.get('rst-old0001')!.refusals).toHaveLength(1);
      reopened.close();
      expect(journalVersion(file)).toBe(SCHEMA_VERSION);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
