/**
 * Safe apply in a real browser: a restore that reverts itself when not kept (one auto-revert
 * minute is 2 s here, AUTO_REVERT_MINUTE_MS in playwright.config.ts), one that is kept, and a
 * slow run stopped after a step.
 */
import { expect, test, type Page } from '@playwright/test';
import { chooseBackup, openRestoreRules, typeNameIfAsked } from './support/console';
import { LIVE_GROUP, emulator, groupByName, groupRules } from './support/emulator';
import { ruleSet } from './support/expected-preview';
import { checkScreen } from './support/screens';

test.beforeEach(async ({ page, request }) => {
  await emulator(request).reset();
  await page.addInitScript(() => window.localStorage.removeItem('rrc.autoRevert'));
});

/** Opens the dialog of web-prod with its backup chosen, the preview shown. */
async function openRestore(page: Page) {
  const dialog = await openRestoreRules(page, LIVE_GROUP);
  await chooseBackup(page, dialog);
  await expect(dialog.getByText(/^\+2 added, −1 removed/)).toBeVisible();
  return dialog;
}

async function enableAutoRevert(dialog: ReturnType<Page['getByRole']>, minutes: string) {
  await dialog.getByRole('checkbox', { name: 'Revert automatically after' }).check();
  const box = dialog.getByRole('spinbutton', { name: 'Minutes before the automatic revert' });
  await box.fill(minutes);
  await box.blur();
}

test('not kept: the restore reverts itself and the rules come back', async ({
  page,
  request,
}, testInfo) => {
  const live = await groupByName(request, LIVE_GROUP);
  const before = ruleSet(await groupRules(request, live.id));
  const dialog = await openRestore(page);
  await enableAutoRevert(dialog, '2');
  await typeNameIfAsked(dialog);
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();

  await expect(dialog.getByText(`The rules of ${LIVE_GROUP} were restored`)).toBeVisible({
    timeout: 30_000,
  });
  await expect(dialog.getByRole('timer')).toHaveText(/^Reverting automatically in 0:0\d$/);
  await expect(dialog.getByRole('button', { name: 'Keep these rules' })).toBeVisible();
  expect(ruleSet(await groupRules(request, live.id))).not.toEqual(before);
  await checkScreen(page, testInfo, 'auto-revert-countdown');

  await expect(dialog.getByText(/^Reverted automatically at .+ by rst-[a-z0-9]+\.$/)).toBeVisible({
    timeout: 30_000,
  });
  expect(ruleSet(await groupRules(request, live.id))).toEqual(before);
  await checkScreen(page, testInfo, 'auto-revert-reverted');
});

test('kept: Keep these rules cancels the revert', async ({ page, request }) => {
  const live = await groupByName(request, LIVE_GROUP);
  const dialog = await openRestore(page);
  await enableAutoRevert(dialog, '3');
  await typeNameIfAsked(dialog);
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(dialog.getByRole('timer')).toBeVisible({ timeout: 30_000 });
  const restored = ruleSet(await groupRules(request, live.id));
  await dialog.getByRole('button', { name: 'Keep these rules' }).click();
  await expect(dialog.getByText(/^Kept at .+ by local\.$/)).toBeVisible();
  // Past the deadline (3 × 2 s), the rules are still the restored ones.
  await page.waitForTimeout(7_000);
  await expect(dialog.getByText(/^Kept at .+ by local\.$/)).toBeVisible();
  expect(ruleSet(await groupRules(request, live.id))).toEqual(restored);
});

test('a slow run is stopped after a step and rolled back through its preview', async ({
  page,
  request,
}, testInfo) => {
  const live = await groupByName(request, LIVE_GROUP);
  const before = ruleSet(await groupRules(request, live.id));
  const dialog = await openRestore(page);
  // Every ECS call waits 1.5 s, so the five steps leave seconds to stop before the last one.
  await emulator(request).latency(1500);
  await typeNameIfAsked(dialog);
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();
  const stop = dialog.getByRole('button', { name: 'Stop after this step' });
  await expect(stop).toBeVisible({ timeout: 30_000 });
  await stop.click();
  await expect(dialog.getByText('Restore stopped')).toBeVisible({ timeout: 30_000 });
  await emulator(request).latency(0);
  await expect(dialog.getByText(/^Stopped after [1-4] of 5 steps\./)).toBeVisible();
  await expect(dialog.getByText('Stopped at the request of local.')).toBeVisible();
  await expect(stop).toBeHidden();
  const afterStop = ruleSet(await groupRules(request, live.id));
  expect(afterStop).not.toEqual(before);
  await checkScreen(page, testInfo, 'restore-stopped');

  await dialog.getByRole('button', { name: 'Roll back', exact: true }).click();
  const preview = page.getByRole('dialog', { name: /^Roll back restore: web-prod \(sg-/ });
  await expect(preview).toBeVisible();
  // The preview is planned against the rules as they are now; nothing changes until confirmed.
  expect(ruleSet(await groupRules(request, live.id))).toEqual(afterStop);
  await preview.getByRole('button', { name: 'Roll back the restore' }).click();
  await expect(dialog.getByText(`The rules of ${LIVE_GROUP} were rolled back`)).toBeVisible({
    timeout: 30_000,
  });
  expect(ruleSet(await groupRules(request, live.id))).toEqual(before);
});

test('a stop that comes during the last step is refused as too late', async ({
  page,
  request,
}, testInfo) => {
  const dialog = await openRestore(page);
  await emulator(request).latency(1000);
  await typeNameIfAsked(dialog);
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();
  const status = dialog.getByRole('status').filter({ hasText: /^Step \d of 5 applied/ });
  await expect(status).toHaveText(/^Step 3 of 5 applied/, { timeout: 30_000 });
  // The last step's call starts with this latency: long enough to click while it is in flight.
  await emulator(request).latency(5000);
  await expect(status).toHaveText(/^Step 4 of 5 applied/, { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Stop after this step' }).click();
  await expect(
    dialog.getByText('Too late to stop: the last step was already being applied.'),
  ).toBeVisible();
  await emulator(request).latency(0);
  // The run is not stopped: it finishes and verifies, and the view still says the stop was late.
  await expect(dialog.getByText(`The rules of ${LIVE_GROUP} were restored`)).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    dialog.getByText('Too late to stop: the last step was already being applied.'),
  ).toBeVisible();
  await expect(dialog.getByText('Restore stopped')).toBeHidden();
  await checkScreen(page, testInfo, 'restore-stop-too-late');
});
