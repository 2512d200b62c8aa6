/**
 * The journey the console exists for: web-prod drifted from its backup; the user restores it
 * completely from the backup, watches it run, checks the rules, then undoes it from the history.
 */
import { expect, test } from '@playwright/test';
import { chooseBackup, openRestoreRules, typeNameIfAsked } from './support/console';
import { BACKUP_GROUP, LIVE_GROUP, emulator, groupByName, groupRules } from './support/emulator';
import { expectedCompletelyCounts, ruleSet } from './support/expected-preview';
import { checkScreen } from './support/screens';

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

test('restore web-prod completely from its backup, then undo it from the history', async ({
  page,
  request,
}, testInfo) => {
  const live = await groupByName(request, LIVE_GROUP);
  const backup = await groupByName(request, BACKUP_GROUP);
  const before = await groupRules(request, live.id);
  const backupRules = await groupRules(request, backup.id);
  const all = expectedCompletelyCounts(before, backupRules);
  const inbound = expectedCompletelyCounts(before, backupRules, 'ingress');
  const outbound = expectedCompletelyCounts(before, backupRules, 'egress');
  // The seed's story, so a silent change of the demo data cannot make this test vacuous.
  expect(all).toEqual({ added: 2, removed: 1, changed: 2, unchanged: 6, notRestorable: 1 });

  const dialog = await openRestoreRules(page, LIVE_GROUP);
  await expect(dialog.getByText(live.id).first()).toBeVisible();
  const ok = dialog.getByRole('button', { name: 'OK', exact: true });
  await expect(ok).toBeDisabled();
  await expect(
    dialog.getByText('Pick a destination security group to see what would change.'),
  ).toBeVisible();

  await chooseBackup(page, dialog);
  await expect(dialog.getByRole('radio', { name: /Completely Restore/ })).toBeChecked();
  await expect(
    dialog.getByText(
      `+${all.added} added, −${all.removed} removed, ${all.changed} changed, ${all.unchanged} unchanged, ${all.notRestorable} not restorable`,
    ),
  ).toBeVisible();
  await expect(
    dialog.getByRole('tab', {
      name: `Inbound (+${inbound.added} −${inbound.removed} ~${inbound.changed})`,
    }),
  ).toBeVisible();
  await expect(
    dialog.getByRole('tab', {
      name: `Outbound (+${outbound.added} −${outbound.removed} ~${outbound.changed})`,
    }),
  ).toBeVisible();
  await expect(
    dialog.getByText('1 rules open SSH (port 22) to the whole Internet', { exact: false }),
  ).toHaveCount(0);
  const inboundTable = dialog.getByRole('table', { name: 'Preview: Inbound' });
  await expect(
    inboundTable.getByRole('row').filter({ hasText: 'HTTPS from anywhere' }),
  ).toContainText('Added');
  await expect(
    inboundTable.getByRole('row').filter({ hasText: 'temporary debug SSH' }),
  ).toContainText('Removed');
  await expect(dialog.getByText(`Not restorable (${all.notRestorable})`).first()).toBeVisible();
  await typeNameIfAsked(dialog);
  await expect(ok).toBeEnabled();
  await checkScreen(page, testInfo, 'restore-modal-preview');
  // The preview's scrolling body is reached with Tab and scrolled with the keyboard alone.
  const inboundRows = inboundTable.getByRole('rowgroup', { name: 'Rows of Preview: Inbound' });
  await inboundRows.focus();
  await expect(inboundRows).toBeFocused();
  await page.keyboard.press('End');
  await expect.poll(() => inboundRows.evaluate((body) => body.scrollTop)).toBeGreaterThan(0);
  await page.keyboard.press('Home');
  await expect.poll(() => inboundRows.evaluate((body) => body.scrollTop)).toBe(0);

  // Slow ECS down so the run's progress is on screen long enough to be seen.
  await emulator(request).latency(1000);
  await ok.click();
  const status = dialog.getByRole('status');
  await expect(
    dialog.getByRole('heading', { name: `Restoring the rules of ${LIVE_GROUP}` }),
  ).toBeVisible();
  await expect(status).toHaveText(/Step [0-4] of 5 applied/);
  await expect(dialog.getByRole('progressbar')).toBeVisible();
  await checkScreen(page, testInfo, 'restore-progress');
  await expect(dialog.getByText(`The rules of ${LIVE_GROUP} were restored`)).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    dialog.getByText(
      `+${all.added} added, −${all.removed} removed, ${all.changed} changed. The result was verified against ECS.`,
    ),
  ).toBeVisible();
  await emulator(request).latency(0);
  const restoreId = new URL(page.url()).searchParams.get('job');
  expect(restoreId).toMatch(/^rst-/);
  await checkScreen(page, testInfo, 'restore-succeeded');

  await dialog.getByRole('link', { name: `View the rules of ${LIVE_GROUP}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Rules of ${LIVE_GROUP}` }),
  ).toBeVisible();
  const after = await groupRules(request, live.id);
  const restorable = backupRules.filter((r) => r.priority !== 110);
  expect(ruleSet(after)).toEqual(ruleSet(restorable));
  const countOf = (rules: typeof after, direction: string) =>
    rules.filter((r) => r.direction === direction).length;
  await expect(
    page.getByRole('tab', { name: `Inbound (${countOf(after, 'ingress')})` }),
  ).toBeVisible();
  await expect(
    page.getByRole('tab', { name: `Outbound (${countOf(after, 'egress')})` }),
  ).toBeVisible();
  const rulesTable = page.getByRole('table', { name: 'Inbound' });
  await expect(rulesTable.getByText('HTTPS from anywhere')).toBeVisible();
  await expect(rulesTable.getByText('temporary debug SSH')).toHaveCount(0);
  await checkScreen(page, testInfo, 'rules-after-restore');

  await page
    .getByRole('navigation', { name: 'Network & Security' })
    .getByRole('link', { name: 'Restore History' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Restore History' })).toBeVisible();
  const historyRow = page
    .getByRole('table', { name: 'Restore History' })
    .getByRole('row')
    .filter({
      has: page.getByRole('link', { name: `Details of restore ${restoreId}` }),
    });
  await expect(historyRow).toContainText(`${LIVE_GROUP} (${live.id})`);
  await expect(historyRow).toContainText(`${BACKUP_GROUP} (${backup.id})`);
  await expect(historyRow).toContainText('Restore · Completely');
  await expect(historyRow).toContainText('Succeeded (5/5)');
  await checkScreen(page, testInfo, 'history-list');

  await historyRow.getByRole('link', { name: `Details of restore ${restoreId}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Restore ${restoreId}` })).toBeVisible();
  await expect(page.getByText('Verified: ECS reports exactly the expected rules.')).toBeVisible();
  await expect(page.getByText(`Rules before the restore (${before.length})`)).toBeVisible();
  await checkScreen(page, testInfo, 'history-detail');

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  const undo = page.getByRole('dialog', { name: `Undo restore: ${LIVE_GROUP} (${live.id})` });
  await expect(
    undo.getByText(
      `Undo returns ${LIVE_GROUP} to its ${before.length} rules from just before this restore.`,
    ),
  ).toBeVisible();
  // Undo is the restore run backwards: what was added goes, what was removed comes back.
  await expect(
    undo.getByText(
      new RegExp(`^\\+${all.removed} added, −${all.added} removed, ${all.changed} changed`),
    ),
  ).toBeVisible();
  await checkScreen(page, testInfo, 'undo-modal');
  await undo.getByRole('button', { name: 'Undo the restore' }).click();
  await expect(undo).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: /^Restore rst-/ })).not.toHaveText(
    `Restore ${restoreId}`,
  );
  await expect(page.getByRole('status').filter({ hasText: 'Succeeded' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('Undo · Completely')).toBeVisible();

  await page.getByRole('link', { name: `${LIVE_GROUP} (${live.id})` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Rules of ${LIVE_GROUP}` }),
  ).toBeVisible();
  expect(ruleSet(await groupRules(request, live.id))).toEqual(ruleSet(before));
  await expect(
    page.getByRole('tab', { name: `Inbound (${countOf(before, 'ingress')})` }),
  ).toBeVisible();
  await expect(
    page.getByRole('tab', { name: `Outbound (${countOf(before, 'egress')})` }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Inbound' }).getByText('temporary debug SSH'),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Inbound' }).getByText('HTTPS from anywhere'),
  ).toHaveCount(0);
  await checkScreen(page, testInfo, 'rules-after-undo');
});
