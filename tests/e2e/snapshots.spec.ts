/**
 * The backup workflow inside the console: snapshot web-prod, let its rules change (a restore
 * from its backup), find both on the timeline, compare the snapshot with the live rules, clone
 * the group and export its rules.
 */
import { expect, test } from '@playwright/test';
import { choose, openConsole, searchGroups } from './support/console';
import {
  BACKUP_GROUP,
  LIVE_GROUP,
  REGION,
  emulator,
  groupByName,
  restoreThroughApi,
} from './support/emulator';
import { checkScreen, expectNoSidewaysScroll } from './support/screens';

const PHONE = { width: 390, height: 844 };

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

test('snapshot web-prod, see a change on its timeline, compare, clone and export', async ({
  page,
  request,
}, testInfo) => {
  const live = await groupByName(request, LIVE_GROUP);
  const backup = await groupByName(request, BACKUP_GROUP);

  await openConsole(page);
  await searchGroups(page, LIVE_GROUP);
  await page.getByRole('button', { name: `Create snapshot of ${LIVE_GROUP}`, exact: true }).click();
  const create = page.getByRole('dialog', {
    name: `Create a snapshot of ${LIVE_GROUP}`,
    exact: true,
  });
  await create.getByLabel('Note (optional)').fill('before the restore');
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByText(`Snapshot of ${live.ruleCount} rules created.`)).toBeVisible();

  await restoreThroughApi(request, live.id, backup.id);

  await page.getByRole('button', { name: 'Open the timeline' }).click();
  await expect(
    page.getByRole('heading', { name: `Timeline of ${LIVE_GROUP}`, exact: true }),
  ).toBeVisible();
  const timeline = page.getByRole('table', { name: `Timeline of ${LIVE_GROUP}`, exact: true });
  await expect(timeline.getByText('before the restore')).toBeVisible();
  // The restore, and the snapshot the server took just before it, newest first.
  // Newest first: this spec's restore is the first (earlier specs' restores of web-prod follow).
  await expect(timeline.getByRole('link', { name: /^Details of restore / }).first()).toBeVisible();
  await expect(timeline.getByText('Snapshot before a restore').first()).toBeVisible();

  await timeline.getByRole('checkbox', { name: /^Pick Live rules/ }).check();
  // This spec's on-demand snapshot is the newest one (other specs may have taken some before).
  await timeline
    .getByRole('checkbox', { name: /^Pick Snapshot of / })
    .first()
    .check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(
    page.getByRole('heading', { name: /^From snapshot of .* to Live rules$/ }),
  ).toBeVisible();
  const inbound = page.getByRole('table', { name: 'Comparison: Inbound' });
  await expect(inbound.getByRole('row').filter({ hasText: 'HTTPS from anywhere' })).toContainText(
    'Added',
  );
  await checkScreen(page, testInfo, 'timeline-compare');

  // Export the group's rules: the browser saves the server's file name.
  await page.getByRole('link', { name: 'Back to the rules' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: `Export CSV of ${LIVE_GROUP}`, exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^ecs_sgRule_${live.id}_${REGION}_.+\\.csv$`),
  );

  await page.getByRole('button', { name: `Clone ${LIVE_GROUP}`, exact: true }).click();
  const clone = page.getByRole('dialog', { name: `Clone ${LIVE_GROUP}`, exact: true });
  await expect(clone.getByLabel('Name of the new group')).toHaveValue(
    new RegExp(`^${LIVE_GROUP}-backup-\\d{8}$`),
  );
  await clone.getByLabel('Name of the new group').fill('web-prod-e2e-copy');
  await clone.getByRole('button', { name: 'Clone', exact: true }).click();
  await expect(clone.getByText(/is ready with the same rules\.$/)).toBeVisible({
    timeout: 20_000,
  });
  await checkScreen(page, testInfo, 'clone-done');
  await clone.getByRole('link', { name: 'Open the new group' }).click();
  await expect(page.getByRole('heading', { name: 'Rules of web-prod-e2e-copy' })).toBeVisible();

  // A phone: the timeline, the comparison and the dialogs stay within its width.
  await page.setViewportSize(PHONE);
  await page.goto(`/security-groups/${live.id}/timeline?region=${REGION}`);
  await expect(
    page.getByRole('heading', { name: `Timeline of ${LIVE_GROUP}`, exact: true }),
  ).toBeVisible();
  await expectNoSidewaysScroll(page, 'timeline');
  await checkScreen(page, testInfo, 'timeline-narrow');
  await page.getByRole('checkbox', { name: /^Pick Live rules/ }).check();
  await page
    .getByRole('checkbox', { name: /^Pick Snapshot of / })
    .first()
    .check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(
    page.getByRole('heading', { name: /^From snapshot of .* to Live rules$/ }),
  ).toBeVisible();
  await expectNoSidewaysScroll(page, 'compare');
  await checkScreen(page, testInfo, 'compare-narrow');

  // The create-snapshot and clone dialogs take the whole screen, and Escape gives focus back.
  for (const [opener, name, screen] of [
    [`Create snapshot of ${LIVE_GROUP}`, `Create a snapshot of ${LIVE_GROUP}`, 'snapshot'],
    [`Clone ${LIVE_GROUP}`, `Clone ${LIVE_GROUP}`, 'clone'],
  ] as const) {
    const button = page.getByRole('button', { name: opener, exact: true });
    await button.click();
    const dialog = page.getByRole('dialog', { name, exact: true });
    await expect(dialog).toBeVisible();
    // Measured once antd's opening zoom has settled.
    await expect
      .poll(async () => {
        const box = await dialog.boundingBox();
        return [box?.x, box?.width];
      })
      .toEqual([0, PHONE.width]);
    await expectNoSidewaysScroll(page, `${screen} dialog`);
    await checkScreen(page, testInfo, `${screen}-dialog-narrow`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  }

  // The same timeline in Chinese.
  await page.setViewportSize({ width: 1280, height: 720 });
  await choose(page, page.getByRole('combobox', { name: 'Language' }), '简体中文');
  await expect(page.getByRole('heading', { name: `${LIVE_GROUP} 的时间线` })).toBeVisible();
  await checkScreen(page, testInfo, 'zh-timeline');
  await page.setViewportSize(PHONE);
  await expectNoSidewaysScroll(page, 'Chinese timeline');
  await checkScreen(page, testInfo, 'zh-timeline-narrow');
});
