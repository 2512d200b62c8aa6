/**
 * Roll back and Retry remaining show their preview first: each preview is planned against the
 * source's current rules, and each POST runs only with that preview's revision (409 StalePreview
 * with the fresh preview otherwise), so nothing runs unreviewed.
 */
import { describe, expect, it } from 'vitest';
import { compareRuleSets } from '../../src/domain/plan-result';
import type { RestoreDetail } from '../../src/server/contract';
import { previewResponseSchema } from '../../src/server/contract';
import { waitForRestore } from '../support/test-stack';
import { writeCalls } from './preflight-fixtures';
import {
  acceptedId,
  errorOf,
  followUpPreviewOf,
  groupDetailOf,
  preview,
  REGION,
  startedRestoreId,
  useSharedStack,
  confirmedBy,
  type Reviewed,
} from './helpers';

const shared = useSharedStack();

/** A restore of web-prod from its backup whose first revoke RAM refuses: failed part-way. */
async function failedRestore(): Promise<RestoreDetail> {
  const shown = await preview(shared.stack.app, shared.webProd, shared.backup);
  shared.stack.emulator.failCall('RevokeSecurityGroup', 1, { code: 'Forbidden.RAM', status: 403 });
  const id = await startedRestoreId(shared.stack.app, shared.webProd, shared.backup, shown);
  const failed = await waitForRestore(shared.stack.app, id);
  expect(failed.status).toBe('failed');
  expect(failed.stepsApplied).toBeGreaterThan(0);
  return failed;
}

const post = (id: string, how: 'retry' | 'rollback', reviewed: Reviewed) =>
  shared.api.restores[':id'][how].$post({ param: { id }, json: confirmedBy(reviewed) });

/** Someone adds a rule to web-prod by hand: every plan of it changes. */
function changeSourceMeanwhile(): void {
  shared.stack.emulator.addRules(REGION, shared.webProd, 'ingress', [
    {
      IpProtocol: 'TCP',
      PortRange: '8443/8443',
      SourceCidrIp: '198.51.100.7/32',
      Policy: 'Accept',
    },
  ]);
}

describe('GET /api/restores/:id/rollback-preview', () => {
  it('plans the current source back to its snapshot, and the rollback runs that revision', async () => {
    const failed = await failedRestore();
    const shown = await followUpPreviewOf(shared.stack.app, failed.id, 'rollback');
    expect(previewResponseSchema.safeParse(shown).success).toBe(true);
    expect(shown.source.id).toBe(shared.webProd);
    expect(shown.destination.id).toBe(shared.webProd);
    expect(shown.identical).toBe(false);
    // "before" is the source as it is now (part-restored), "expected" its snapshot.
    expect(compareRuleSets(failed.snapshot, shown.expected)).toEqual({
      missing: [],
      unexpected: [],
    });
    const now = await groupDetailOf(shared.stack.app, shared.webProd);
    expect(compareRuleSets(now.rules, shown.before)).toEqual({ missing: [], unexpected: [] });

    const done = await waitForRestore(
      shared.stack.app,
      await acceptedId(await post(failed.id, 'rollback', shown)),
    );
    expect(done).toMatchObject({ kind: 'rollback', parentId: failed.id, status: 'succeeded' });
    const after = await groupDetailOf(shared.stack.app, shared.webProd);
    expect(compareRuleSets(failed.snapshot, after.rules)).toEqual({ missing: [], unexpected: [] });
  });

  it('refuses a stale revision with 409 and the fresh preview, writing nothing', async () => {
    const failed = await failedRestore();
    const shown = await followUpPreviewOf(shared.stack.app, failed.id, 'rollback');
    changeSourceMeanwhile();
    shared.stack.emulator.clearCalls();
    const stale = await post(failed.id, 'rollback', shown);
    expect(stale.status).toBe(409);
    const body = await errorOf(stale);
    expect(body.code).toBe('StalePreview');
    const fresh = previewResponseSchema.parse((body.details as { preview: unknown }).preview);
    expect(fresh.revision).not.toBe(shown.revision);
    expect(fresh.revision).toBe(
      (await followUpPreviewOf(shared.stack.app, failed.id, 'rollback')).revision,
    );
    expect(writeCalls(shared.stack.emulator)).toEqual([]);
    // The hand-added rule was not in the snapshot: the fresh plan removes it.
    expect(fresh.summary.removed).toBeGreaterThan(shown.summary.removed);
  });

  it('answers 409 for a restore that did not stop, and 404 for an unknown one', async () => {
    const shown = await preview(shared.stack.app, shared.webProd, shared.backup);
    const id = await startedRestoreId(shared.stack.app, shared.webProd, shared.backup, shown);
    await waitForRestore(shared.stack.app, id);
    const restore = shared.api.restores[':id'];
    for (const res of [
      await restore['rollback-preview'].$get({ param: { id } }),
      await restore['retry-preview'].$get({ param: { id } }),
    ]) {
      expect(res.status).toBe(409);
      expect((await errorOf(res)).code).toBe('InvalidRestoreState');
    }
    const unknown = await restore['rollback-preview'].$get({ param: { id: 'rst-unknown00' } });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('RestoreNotFound');
  });
});

describe('GET /api/restores/:id/retry-preview', () => {
  it('plans the remaining work against the current source, and the retry runs that revision', async () => {
    const failed = await failedRestore();
    const shown = await followUpPreviewOf(shared.stack.app, failed.id, 'retry');
    expect(shown.source.id).toBe(shared.webProd);
    expect(shown.destination).toMatchObject({ id: shared.backup, name: failed.destination.name });
    // Only what is left: fewer steps than the failed attempt planned.
    expect(shown.plan.steps.length).toBeGreaterThan(0);
    expect(shown.plan.steps.length).toBeLessThanOrEqual(failed.stepsTotal - failed.stepsApplied);
    expect(compareRuleSets(failed.expected, shown.expected)).toEqual({
      missing: [],
      unexpected: [],
    });

    await acceptedId(await post(failed.id, 'retry', shown));
    const done = await waitForRestore(shared.stack.app, failed.id);
    expect(done).toMatchObject({ status: 'succeeded', attempt: 2 });
    const after = await groupDetailOf(shared.stack.app, shared.webProd);
    expect(compareRuleSets(failed.expected, after.rules)).toEqual({ missing: [], unexpected: [] });
  });

  it('refuses a stale revision with the fresh preview, and a missing one as invalid', async () => {
    const failed = await failedRestore();
    const shown = await followUpPreviewOf(shared.stack.app, failed.id, 'retry');
    changeSourceMeanwhile();
    const stale = await post(failed.id, 'retry', shown);
    expect(stale.status).toBe(409);
    const body = await errorOf(stale);
    expect(body.code).toBe('StalePreview');
    const fresh = previewResponseSchema.parse((body.details as { preview: unknown }).preview);
    expect(fresh.revision).not.toBe(shown.revision);
    // The retry did not start: the restore is still failed on its first attempt.
    const still = await shared.api.restores[':id'].$get({ param: { id: failed.id } });
    expect(await still.json()).toMatchObject({ status: 'failed', attempt: 1 });

    for (const how of ['retry', 'rollback'] as const) {
      const bare = await shared.api.restores[':id'][how].$post({
        param: { id: failed.id },
        json: {} as { revision: string },
      });
      expect(bare.status).toBe(400);
      expect(await errorOf(bare)).toMatchObject({
        code: 'ValidationError',
        details: { field: 'revision' },
      });
    }
  });
});
