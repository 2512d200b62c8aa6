/**
 * Back up → change → restore, inside the console: a snapshot of web-prod, a change (a restore
 * from its backup, made through the API as another user would), then Restore Rules from the
 * snapshot in the dialog: the rules are the snapshot's again.
 */
import { expect, test } from '@playwright/test';
import { choose, typeNameIfAsked, openRestoreRules } from './support/console';
import {
  BACKUP_GROUP,
  LIVE_GROUP,
  REGION,
  emulator,
  groupByName,
  groupRules,
  restoreThroughApi,
} from './support/emulator';
import { ruleSet } from './support/expected-preview';
import { checkScreen } from './support/screens';

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

test('snapshot web-prod, change it, restore it from the snapshot: the rules are back', async ({
  page,
  request,
}, testInfo) => {
  const live = await groupByName(request, LIVE_GROUP);
  const backup = await groupByName(request, BACKUP_GROUP);
  const note = `e2e backup ${Date.now().toString(36)}`;
  const snap = await request.post(`/api/regions/${REGION}/security-groups/${live.id}/snapshots`, {
    data: { note },
  });
  expect(snap.status()).toBe(201);
  const snapshotRules = ((await snap.json()) as { rules: Parameters<typeof ruleSet>[0] }).rules;
  await restoreThroughApi(request, live.id, backup.id);
  expect(ruleSet(await groupRules(request, live.id))).not.toEqual(ruleSet(snapshotRules));

  const dialog = await openRestoreRules(page, LIVE_GROUP);
  await choose(
    page,
    dialog.getByRole('combobox', { name: 'Destination Security Group' }),
    note,
    note,
  );
  await expect(dialog.getByText(/^\+\d+ added, −\d+ removed, \d+ changed, /)).toBeVisible();
  await typeNameIfAsked(dialog);
  const ok = dialog.getByRole('button', { name: 'OK', exact: true });
  await expect(ok).toBeEnabled();
  await checkScreen(page, testInfo, 'restore-from-snapshot-preview');
  await ok.click();
  await expect(dialog.getByText(`The rules of ${LIVE_GROUP} were restored`)).toBeVisible({
    timeout: 30_000,
  });
  expect(ruleSet(await groupRules(request, live.id))).toEqual(ruleSet(snapshotRules));
});
