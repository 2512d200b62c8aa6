/** A new user opens the console, looks at another region, comes back and finds the live web group. */
import { expect, test } from '@playwright/test';
import { choose, openConsole, searchGroups } from './support/console';
import { BACKUP_GROUP, LIVE_GROUP, emulator, groupByName } from './support/emulator';
import { checkScreen } from './support/screens';

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

test('open the console, change region and back, find the live web group by search', async ({
  page,
  request,
}, testInfo) => {
  await openConsole(page);
  await expect(page.getByText('Running on the built-in ECS emulator with demo data')).toBeVisible();
  const region = page.getByRole('combobox', { name: 'Region' });
  const groups = page.getByRole('table', { name: 'Security Groups' });
  await expect(groups.getByRole('row').filter({ hasText: LIVE_GROUP }).first()).toBeVisible();
  await expect(page).toHaveURL(/region=cn-hangzhou/);
  await checkScreen(page, testInfo, 'groups-list');

  await choose(page, region, 'China (Shanghai)', 'Shanghai');
  await expect(page).toHaveURL(/region=cn-shanghai/);
  await expect(groups.getByText('web-sh', { exact: true })).toBeVisible();
  await expect(groups.getByText(LIVE_GROUP, { exact: true })).toHaveCount(0);

  await choose(page, region, 'China (Hangzhou)', 'Hangzhou');
  await expect(page).toHaveURL(/region=cn-hangzhou/);

  await searchGroups(page, LIVE_GROUP);
  const live = await groupByName(request, LIVE_GROUP);
  const backup = await groupByName(request, BACKUP_GROUP);
  // The search matches the live group and its backup, and nothing else.
  await expect(groups.getByRole('row')).toHaveCount(3);
  const liveRow = groups
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: live.id }) });
  await expect(liveRow).toContainText(LIVE_GROUP);
  await expect(liveRow).toContainText(String(live.ruleCount));
  await expect(groups.getByRole('link', { name: backup.id })).toBeVisible();
  await expect(page.getByText('Page 1: 2 security groups')).toBeVisible();
  await checkScreen(page, testInfo, 'groups-search');

  await searchGroups(page, 'no-such-group');
  await expect(page.getByText('No security groups match "no-such-group"')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search security groups' })).toHaveValue('');
  await expect(page.getByText('Page 1: 20 security groups')).toBeVisible();
});
