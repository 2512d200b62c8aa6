/** Partially over the rule limit in Chromium: the check is an error, OK stays disabled, ECS sees no write. */
import { expect, test } from '@playwright/test';
import { choose, openRestoreRules } from './support/console';
import { LIVE_GROUP, emulator } from './support/emulator';
import { checkScreen } from './support/screens';

const DESTINATION = 'legacy-monolith';
const WRITES = /^(Authorize|Revoke|Modify|Create)/;

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

test('Partially over the rule limit: the error, OK disabled, and no write to ECS', async ({
  page,
  request,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const dialog = await openRestoreRules(page, LIVE_GROUP);
  await choose(
    page,
    dialog.getByRole('combobox', { name: 'Destination Security Group' }),
    new RegExp(`^${DESTINATION} \\(`),
    DESTINATION,
  );
  await dialog.getByText('Partially Restore', { exact: true }).click();
  await expect(dialog.getByText(/^\+200 added, 9 kept/)).toBeVisible();

  const checks = dialog.getByRole('region', { name: 'Why ECS would refuse this restore' });
  const error = checks.locator('.ant-alert-error').first();
  await expect(error).toContainText('The result would hold 209 rules; a group holds at most 200.');
  const ok = dialog.getByRole('button', { name: 'OK', exact: true });
  await expect(ok).toBeDisabled();
  await expect(dialog.getByText('OK is disabled: 1 check fails.')).toBeVisible();
  await checkScreen(page, testInfo, 'preflight-rule-limit');

  // A click on the disabled OK does nothing: no write reached ECS.
  await ok.click({ force: true });
  const calls = await emulator(request).calls();
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.filter((call) => WRITES.test(call.action))).toEqual([]);

  // The same screen in Chinese, for the record.
  await page.keyboard.press('Escape');
  await choose(page, page.getByRole('combobox', { name: 'Language' }), '简体中文');
  const zhSearch = page.getByRole('searchbox', { name: '搜索安全组' });
  await zhSearch.fill(LIVE_GROUP);
  await zhSearch.press('Enter');
  await page.getByRole('button', { name: `还原规则：${LIVE_GROUP}`, exact: true }).click();
  const zhDialog = page.getByRole('dialog');
  await choose(
    page,
    zhDialog.getByRole('combobox', { name: '目标安全组' }),
    new RegExp(`^${DESTINATION} \\(`),
    DESTINATION,
  );
  await zhDialog.getByText('部分还原', { exact: true }).click();
  await expect(
    zhDialog.getByText('还原后将有 209 条规则；一个安全组最多 200 条。', { exact: true }),
  ).toBeVisible();
  await expect(
    zhDialog
      .getByRole('button', { name: '确 定' })
      .or(zhDialog.getByRole('button', { name: '确定' })),
  ).toBeDisabled();
  await checkScreen(page, testInfo, 'preflight-rule-limit-zh');
});
