/**
 * Cherry-pick in a real browser (SPEC section 13): untick two rows of the preview, restore, and
 * the rules page shows the backup's rules except for those two, which stay as they were.
 */
import { expect, test } from '@playwright/test';
import { chooseBackup, openRestoreRules, typeNameIfAsked } from './support/console';
import { LIVE_GROUP, emulator, groupByName, groupRules } from './support/emulator';
import { checkScreen } from './support/screens';

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

test('untick two rows, restore, and the rules page shows the expected rules', async ({
  page,
  request,
}, testInfo) => {
  const live = await groupByName(request, LIVE_GROUP);
  const dialog = await openRestoreRules(page, LIVE_GROUP);
  await chooseBackup(page, dialog);
  await expect(dialog.getByText(/^\+2 added, −1 removed, 2 changed/)).toBeVisible();

  const keepDebug = dialog.getByRole('checkbox', {
    name: /^Apply this change: − Removed .*temporary debug SSH$/,
  });
  const skipHttps = dialog.getByRole('checkbox', {
    name: /^Apply this change: \+ Added .*HTTPS from anywhere$/,
  });
  await keepDebug.press('Space');
  await skipHttps.uncheck();
  await expect(keepDebug).not.toBeChecked();
  await expect(dialog.getByText('2 changes are left out and stay as they are')).toBeVisible();
  await expect(dialog.getByText(/^\+1 added, −0 removed, 2 changed/)).toBeVisible();
  const inbound = dialog.getByRole('table', { name: 'Preview: Inbound' });
  await expect(inbound.getByRole('row').filter({ hasText: 'temporary debug SSH' })).toContainText(
    'Left as is',
  );
  await checkScreen(page, testInfo, 'cherry-pick-preview');

  await typeNameIfAsked(dialog);
  const ok = dialog.getByRole('button', { name: 'OK', exact: true });
  await expect(ok).toBeEnabled();
  await ok.click();
  await expect(dialog.getByText(`The rules of ${LIVE_GROUP} were restored`)).toBeVisible({
    timeout: 20_000,
  });
  await dialog.getByRole('link', { name: `View the rules of ${LIVE_GROUP}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Rules of ${LIVE_GROUP}` }),
  ).toBeVisible();
  const rulesTable = page.getByRole('table', { name: 'Inbound' });
  await expect(rulesTable.getByText('temporary debug SSH')).toBeVisible();
  await expect(rulesTable.getByText('HTTPS from anywhere')).toHaveCount(0);
  const after = await groupRules(request, live.id);
  expect(after.some((rule) => rule.description === 'temporary debug SSH')).toBe(true);
  expect(after.some((rule) => rule.description === 'HTTPS from anywhere')).toBe(false);
  await checkScreen(page, testInfo, 'cherry-pick-rules-after');
});
