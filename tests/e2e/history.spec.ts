/**
 * The history an auditor follows (issue 16): restore web-prod from its backup, undo it from the
 * restore's detail, then open both details and follow the links between them both ways; the
 * detail names who did it and shows the rules before and the rules each step carried. A restore
 * left to its confirm-or-revert timer links to the automatic revert and back, in English and in
 * 简体中文. The e2e server's "minute" is 2 s (AUTO_REVERT_MINUTE_MS).
 */
import { expect, test } from '@playwright/test';
import {
  BACKUP_GROUP,
  LIVE_GROUP,
  REGION,
  emulator,
  groupByName,
  groupRules,
} from './support/emulator';
import { choose } from './support/console';
import { checkScreen } from './support/screens';

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

test('restore, undo, and follow the links between the two details both ways', async ({
  page,
  request,
}, testInfo) => {
  const live = await groupByName(request, LIVE_GROUP);
  const backup = await groupByName(request, BACKUP_GROUP);
  const before = await groupRules(request, live.id);
  const base = `/api/regions/${REGION}/security-groups/${live.id}`;
  const body = { destinationId: backup.id, mode: 'completely' };
  const preview = await request.post(`${base}/restore-preview`, { data: body });
  expect(preview.status()).toBe(200);
  const { revision } = (await preview.json()) as { revision: string };
  const started = await request.post(`${base}/restores`, {
    data: { ...body, revision, confirmName: live.name },
  });
  expect(started.status()).toBe(202);
  const { restoreId } = (await started.json()) as { restoreId: string };

  await page.goto(`/history/${restoreId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Restore ${restoreId}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Succeeded' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('row', { name: /\bBy local\b/ })).toBeVisible();
  await expect(page.getByText(`Rules before the restore (${before.length})`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Rules before the restore' })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Rules of step 1\. / })).toBeVisible();
  await expect(page.getByText(/^RequestId: /).first()).toBeVisible();

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  const undo = page.getByRole('dialog', { name: `Undo restore: ${LIVE_GROUP} (${live.id})` });
  await undo.getByRole('button', { name: 'Undo the restore' }).click();
  await expect(undo).toBeHidden();
  const undoHeading = page.getByRole('heading', { level: 1, name: /^Restore rst-/ });
  await expect(undoHeading).not.toHaveText(`Restore ${restoreId}`);
  const undoId = ((await undoHeading.textContent()) ?? '').replace(/^Restore /, '');
  await expect(page.getByRole('status').filter({ hasText: 'Succeeded' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(`${LIVE_GROUP} → its rules before ${restoreId}`)).toBeVisible();
  await expect(page.getByRole('row', { name: `Undo of ${restoreId}` })).toBeVisible();
  await checkScreen(page, testInfo, 'history-undo-detail');

  await page.getByRole('link', { name: restoreId, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Restore ${restoreId}` })).toBeVisible();
  await expect(page.getByRole('row', { name: `Undone by ${undoId}` })).toBeVisible();
  await checkScreen(page, testInfo, 'history-restore-detail');

  await page.getByRole('link', { name: undoId, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Restore ${undoId}` })).toBeVisible();

  await page.goto(`/history?sourceId=${live.id}&kind=undo`);
  const table = page.getByRole('table', { name: 'Restore History' });
  await expect(table.getByRole('link', { name: `Details of restore ${undoId}` })).toBeVisible();
  await expect(table.getByRole('link', { name: `Details of restore ${restoreId}` })).toHaveCount(0);
  await checkScreen(page, testInfo, 'history-filtered');
});

test('a restore reverted by its timer links to the automatic revert and back', async ({
  page,
  request,
}, testInfo) => {
  const live = await groupByName(request, LIVE_GROUP);
  const backup = await groupByName(request, BACKUP_GROUP);
  const base = `/api/regions/${REGION}/security-groups/${live.id}`;
  const body = { destinationId: backup.id, mode: 'completely' };
  const preview = await request.post(`${base}/restore-preview`, { data: body });
  const { revision } = (await preview.json()) as { revision: string };
  const started = await request.post(`${base}/restores`, {
    data: { ...body, revision, confirmName: live.name, autoRevertMinutes: 1 },
  });
  expect(started.status()).toBe(202);
  const { restoreId } = (await started.json()) as { restoreId: string };

  await page.goto(`/history/${restoreId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Restore ${restoreId}` })).toBeVisible();
  // The detail is not polled: reload until the timer's roll back is linked.
  const toRevert = page.getByRole('link', { name: /^Reverted automatically at .+ by rst-/ });
  await expect(async () => {
    await page.reload();
    await expect(toRevert).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const revertId = /by (rst-[a-z0-9]+)$/.exec((await toRevert.textContent()) ?? '')?.[1] ?? '';
  expect(revertId).not.toBe('');
  await checkScreen(page, testInfo, 'history-reverted-automatically');

  await toRevert.click();
  await expect(page.getByRole('heading', { level: 1, name: `Restore ${revertId}` })).toBeVisible();
  const back = page.getByRole('link', {
    name: `Automatic revert of ${restoreId}, 1 minute after it verified`,
  });
  await expect(back).toBeVisible();
  await expect(page.getByRole('row', { name: /\bBy auto-revert\b/ })).toBeVisible();
  await checkScreen(page, testInfo, 'history-automatic-revert');
  await back.click();
  await expect(page.getByRole('heading', { level: 1, name: `Restore ${restoreId}` })).toBeVisible();

  await page.goto(`/history?sourceId=${live.id}`);
  // Rows are found by their detail link's target, which does not change with the language.
  const rowOf = (id: string) =>
    page
      .getByRole('table')
      .getByRole('row')
      .filter({ has: page.locator(`a[href="/history/${id}"]`) });
  await expect(rowOf(restoreId).getByText('Reverted automatically')).toBeVisible();
  await expect(rowOf(revertId).getByText('Automatic revert')).toBeVisible();
  await checkScreen(page, testInfo, 'history-automatic-revert-marks');

  await choose(page, page.getByRole('combobox', { name: 'Language' }), '简体中文');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(rowOf(restoreId).getByText('已自动回退')).toBeVisible();
  await checkScreen(page, testInfo, 'zh-history-automatic-revert-marks');
  await page.goto(`/history/${revertId}`);
  await expect(
    page.getByRole('link', { name: `${restoreId} 的自动回退，在其校验通过 1 分钟后执行` }),
  ).toBeVisible();
  await checkScreen(page, testInfo, 'zh-history-automatic-revert');
});
