/** ECS refuses one step of a restore; the user sees what was applied and retries the rest. */
import { expect, test } from '@playwright/test';
import { chooseBackup, openRestoreRules, typeNameIfAsked } from './support/console';
import { BACKUP_GROUP, LIVE_GROUP, emulator, groupByName, groupRules } from './support/emulator';
import { ruleSet } from './support/expected-preview';
import { checkScreen } from './support/screens';

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

test('a step fails part-way, the result names what was applied, and Retry remaining finishes it', async ({
  page,
  request,
}, testInfo) => {
  const live = await groupByName(request, LIVE_GROUP);
  const backup = await groupByName(request, BACKUP_GROUP);
  // The plan opens first (2 changes, 1 addition), then closes (1 removal, 1 egress addition):
  // refusing the first revoke stops it after 3 of its 5 steps.
  await emulator(request).fail('RevokeSecurityGroup', 1, 'OperationDenied', 403);

  const dialog = await openRestoreRules(page, LIVE_GROUP);
  await chooseBackup(page, dialog);
  await expect(dialog.getByText(/^\+2 added, −1 removed/)).toBeVisible();
  await typeNameIfAsked(dialog);
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();

  await expect(dialog.getByText('The restore stopped part-way')).toBeVisible({ timeout: 30_000 });
  await expect(
    dialog.getByText('3 of 5 steps were applied; the rest were not.', { exact: false }),
  ).toBeVisible();
  await expect(dialog.getByText(/^Failed: Remove 1 inbound rule/)).toBeVisible();
  await expect(dialog.getByRole('status').getByText(/^Code: OperationDenied/)).toBeVisible();
  // The code and RequestId are said once, under the failed step of the summary, not again below.
  await expect(dialog.getByText(/^Code: OperationDenied/)).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Roll back' })).toBeVisible();
  const retry = dialog.getByRole('button', { name: 'Retry remaining' });
  await expect(retry).toBeVisible();
  // The source now holds the opening steps only: the world-open SSH rule is still there.
  expect(
    (await groupRules(request, live.id)).some((r) => r.description === 'temporary debug SSH'),
  ).toBe(true);
  await checkScreen(page, testInfo, 'restore-partial-failure');

  // Retry remaining shows its own preview first, against the current rules.
  await retry.click();
  const review = page.getByRole('dialog', { name: /^Retry remaining: / });
  await expect(review.getByText(/^\+\d+ added, /)).toBeVisible({ timeout: 30_000 });
  await typeNameIfAsked(review, 'Retry remaining steps');
  const confirm = review.getByRole('button', { name: 'Retry remaining steps' });
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(
    dialog.getByText(`The remaining steps were retried: the rules of ${LIVE_GROUP} were restored`),
  ).toBeVisible({ timeout: 30_000 });
  const restorable = (await groupRules(request, backup.id)).filter((r) => r.priority !== 110);
  expect(ruleSet(await groupRules(request, live.id))).toEqual(ruleSet(restorable));
  await checkScreen(page, testInfo, 'restore-retried');
});
