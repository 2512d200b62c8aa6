/**
 * Cherry-pick through the real proxy, SDK and emulator (SPEC section 13): a restore that leaves
 * some rows out reaches exactly the expected rules and journals its selection; a selection that
 * names a row the fresh plan no longer has, or that differs from the preview's, is stale (409);
 * an exclusion that breaks a limit is refused by the checks; bad lists are 400.
 */
import { describe, expect, it } from 'vitest';
import { ruleIdentity } from '../../src/domain/normalize';
import { compareRuleSets } from '../../src/domain/plan-result';
import type { PreviewResponse } from '../../src/server/contract';
import { groupIdByName, waitForRestore } from '../support/test-stack';
import { buildGroup, cidrRules, writeCalls } from './preflight-fixtures';
import {
  acceptedId,
  apiOf,
  errorOf,
  groupDetailOf,
  REGION,
  restoreDetailOf,
  useSharedStack,
  confirmedBy,
  type Reviewed,
} from './helpers';

const shared = useSharedStack();

function previewWith(source: string, destinationId: string, excluded: string[]) {
  return apiOf(shared.stack.app).regions[':region']['security-groups'][':id'][
    'restore-preview'
  ].$post({
    param: { region: REGION, id: source },
    json: { destinationId, mode: 'completely', excluded },
  });
}

async function okPreview(source: string, destination: string, excluded: string[] = []) {
  const res = await previewWith(source, destination, excluded);
  if (res.status !== 200) throw new Error(`preview answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as PreviewResponse;
}

function startWith(source: string, destinationId: string, reviewed: Reviewed, excluded: string[]) {
  return apiOf(shared.stack.app).regions[':region']['security-groups'][':id'].restores.$post({
    param: { region: REGION, id: source },
    json: { destinationId, mode: 'completely', ...confirmedBy(reviewed), excluded },
  });
}

describe('cherry-picked restore', () => {
  it('leaves the unticked added, removed and changed rows as they are and verifies', async () => {
    const { webProd, backup } = shared;
    const full = await okPreview(webProd, backup);
    const added = full.ingress.added[0] ?? full.egress.added[0];
    const removed = full.ingress.removed[0] ?? full.egress.removed[0];
    const changed = full.ingress.changed[0] ?? full.egress.changed[0];
    if (!added || !removed || !changed)
      throw new Error('the seed has no added, removed and changed row');
    const excluded = [ruleIdentity(added), ruleIdentity(removed), ruleIdentity(changed.before)];

    const shown = await okPreview(webProd, backup, excluded);
    expect(shown.selection.excluded).toEqual([...excluded].sort());
    expect(shown.revision).not.toBe(full.revision);
    expect(shown.summary.added).toBe(full.summary.added - 1);
    expect(shown.summary.removed).toBe(full.summary.removed - 1);
    expect(shown.summary.changed).toBe(full.summary.changed - 1);
    // The tables still list every row, so the dialog can show the excluded ones.
    expect(shown.ingress.added.length + shown.egress.added.length).toBe(full.summary.added);
    expect(shown.plan.calls).toBeLessThan(full.plan.calls);

    const id = await acceptedId(await startWith(webProd, backup, shown, excluded));
    const done = await waitForRestore(shared.stack.app, id);
    expect(done.status).toBe('succeeded');
    expect(done.verification.status).toBe('passed');
    expect((await restoreDetailOf(shared.stack.app, id)).plan?.excluded).toEqual(
      shown.selection.excluded,
    );

    const rules = (await groupDetailOf(shared.stack.app, webProd)).rules;
    expect(compareRuleSets(shown.expected, rules)).toEqual({ missing: [], unexpected: [] });
    const keys = new Set(rules.map(ruleIdentity));
    expect(keys.has(ruleIdentity(added))).toBe(false);
    expect(keys.has(ruleIdentity(removed))).toBe(true);
    const kept = rules.find((rule) => ruleIdentity(rule) === ruleIdentity(changed.before));
    expect(kept).toMatchObject({
      priority: changed.before.priority,
      description: changed.before.description,
    });
  });

  it('answers 409 StalePreview with the fresh preview when an excluded row no longer differs', async () => {
    const source = buildGroup(shared.stack, 'cherry-source', cidrRules(2, 1000));
    const destination = buildGroup(shared.stack, 'cherry-destination', [
      ...cidrRules(2, 1000),
      ...cidrRules(2, 2000),
    ]);
    const shown = await okPreview(source, destination);
    const gone = shown.ingress.added.find((rule) => rule.portRange === '2000/2000');
    if (!gone) throw new Error('port 2000 is not an added row');
    const excluded = [ruleIdentity(gone)];
    const picked = await okPreview(source, destination, excluded);
    // Someone adds that rule to the source by hand: there is nothing left to exclude.
    shared.stack.emulator.addRules(REGION, source, 'ingress', cidrRules(1, 2000));
    shared.stack.emulator.clearCalls();

    const res = await startWith(source, destination, picked, excluded);
    expect(res.status).toBe(409);
    const body = await errorOf(res);
    expect(body.code).toBe('StalePreview');
    const fresh = body.details?.preview as PreviewResponse | undefined;
    expect(fresh?.selection.excluded).toEqual([]);
    expect(fresh?.summary).toMatchObject({ added: 1, unchanged: 3 });
    expect(writeCalls(shared.stack.emulator)).toEqual([]);

    // A preview ignores the exclusion that names nothing and says which ones it applied.
    expect((await okPreview(source, destination, excluded)).selection.excluded).toEqual([]);
  });

  it('answers 409 StalePreview when OK carries another selection than the preview', async () => {
    const { webProd, backup } = shared;
    const full = await okPreview(webProd, backup);
    const added = full.ingress.added[0] ?? full.egress.added[0];
    if (!added) throw new Error('the seed has no added row');
    shared.stack.emulator.clearCalls();
    const res = await startWith(webProd, backup, full, [ruleIdentity(added)]);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('StalePreview');
    expect(writeCalls(shared.stack.emulator)).toEqual([]);
  });

  it('refuses, by the rule-limit check, an exclusion that keeps a rule the limit needed removed', async () => {
    const { webProd } = shared;
    const legacy = await groupIdByName(shared.stack.app, REGION, 'legacy-monolith');
    const full = await okPreview(webProd, legacy);
    expect(full.checks).toEqual([]);
    const keep = full.ingress.removed[0] ?? full.egress.removed[0];
    if (!keep) throw new Error('web-prod has no removed row against legacy-monolith');
    const excluded = [ruleIdentity(keep)];
    const shown = await okPreview(webProd, legacy, excluded);
    expect(shown.checks.map((check) => check.code)).toContain('rule-limit');
    shared.stack.emulator.clearCalls();
    const res = await startWith(webProd, legacy, shown, excluded);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).code).toBe('PreflightFailed');
    expect(writeCalls(shared.stack.emulator)).toEqual([]);
  });

  it('answers 400 for a malformed or repeated identity and for too long a list', async () => {
    const { webProd, backup } = shared;
    for (const excluded of [
      ['not-an-identity'],
      ['ingress|accept', 'ingress|accept'],
      Array.from({ length: 4001 }, (_, i) => `ingress|${i}`),
    ]) {
      const res = await previewWith(webProd, backup, excluded);
      expect(res.status).toBe(400);
    }
  });
});
