/** A user who reads Chinese switches the language and finds the console's own words. */
import { expect, test } from '@playwright/test';
import { choose, chooseBackup, openConsole } from './support/console';
import { LIVE_GROUP, emulator } from './support/emulator';
import { checkScreen } from './support/screens';

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

test('switch to 简体中文 and open 还原规则 with its destination, strategy and preview', async ({
  page,
}, testInfo) => {
  await openConsole(page);
  await choose(page, page.getByRole('combobox', { name: 'Language' }), '简体中文');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const search = page.getByRole('searchbox', { name: '搜索安全组' });
  await search.fill(LIVE_GROUP);
  await search.press('Enter');
  const liveRow = page
    .getByRole('table', { name: '安全组' })
    .getByRole('row')
    .filter({ has: page.getByText(LIVE_GROUP, { exact: true }) });
  const restore = liveRow.getByRole('button', { name: /还原/ });
  await expect(restore).toHaveText('还原规则');
  await checkScreen(page, testInfo, 'zh-groups-list');

  await restore.click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^还原规则：${LIVE_GROUP}（`) });
  await expect(dialog.getByText('目标安全组', { exact: true })).toBeVisible();
  await expect(dialog.getByText('还原策略', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /全部还原/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /部分还原/ })).not.toBeChecked();
  await chooseBackup(page, dialog);
  await dialog.getByRole('radio', { name: /部分还原/ }).check();
  await expect(dialog.getByRole('radio', { name: /部分还原/ })).toBeChecked();
  // Partially: the live group's extra rule is kept, not removed.
  await expect(dialog.getByRole('tab', { name: /^入方向/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: '确定' })).toBeEnabled();
  await checkScreen(page, testInfo, 'zh-restore-modal-preview');

  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await choose(page, page.getByRole('combobox', { name: '语言' }), 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'Security Groups' })).toBeVisible();
});
