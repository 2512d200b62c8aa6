/**
 * The console on a phone (390 × 844) and on a small laptop (1280 × 720): no page scrolls
 * sideways, the Restore Rules dialog is full-screen on the phone with the five essential preview
 * columns, OK stays in view on the laptop, the keyboard never gets lost (focus back to the opener,
 * Tab kept inside the dialog), and no button lacks an accessible name.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  choose,
  chooseBackup,
  openConsole,
  searchGroups,
  typeNameIfAsked,
} from './support/console';
import { LIVE_GROUP, REGION, emulator, groupByName } from './support/emulator';
import { checkScreen, expectNoSidewaysScroll, placeholderFits } from './support/screens';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 720 };
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

/** The buttons axe finds without an accessible name (its button-name rule), by selector. */
async function namelessButtons(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(await readFile(axePath, 'utf8'));
  return page.evaluate(async () => {
    // The audit's own options (axe.run's second argument), which the shared typing leaves out.
    const run = window.axe.run as unknown as (
      context: Document,
      options: { runOnly: string[] },
    ) => ReturnType<typeof window.axe.run>;
    const results = await run(document, { runOnly: ['button-name'] });
    return results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
  });
}

/** Opens web-prod's Restore Rules dialog from its row and previews the restore from its backup. */
async function previewFromBackup(page: Page): Promise<{ dialog: Locator; opener: Locator }> {
  await openConsole(page);
  await searchGroups(page, LIVE_GROUP);
  const opener = page.getByRole('button', { name: `Restore Rules of ${LIVE_GROUP}`, exact: true });
  await opener.click();
  const dialog = page.getByRole('dialog', {
    name: new RegExp(`^Restore Rules: ${LIVE_GROUP} \\(`),
  });
  await expect(dialog).toBeVisible();
  await chooseBackup(page, dialog);
  await expect(dialog.getByRole('table', { name: 'Preview: Inbound' })).toBeVisible();
  return { dialog, opener };
}

test.describe('on a phone (390 × 844)', () => {
  test.use({ viewport: PHONE });

  test('every page fits the width, the selectors fold into a menu, the dialog is full-screen with five columns', async ({
    page,
    request,
  }, testInfo) => {
    const live = await groupByName(request, LIVE_GROUP);
    await openConsole(page);
    await expectNoSidewaysScroll(page, 'groups list');
    // The region and language selectors live behind the menu button on a phone.
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveCount(0);
    const menu = page.getByRole('button', { name: 'Region, language and session' });
    await menu.click();
    await expect(page.getByRole('combobox', { name: 'Region' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'top-bar menu');
    await checkScreen(page, testInfo, 'phone-menu');
    await page.keyboard.press('Escape');
    expect(await namelessButtons(page)).toEqual([]);

    await page.goto(`/security-groups/${live.id}/rules?region=${REGION}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Rules of ${LIVE_GROUP}` }),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: 'Inbound' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'rules');
    await checkScreen(page, testInfo, 'phone-rules');
    expect(await namelessButtons(page)).toEqual([]);

    await page.goto('/history');
    await expect(page.getByRole('heading', { level: 1, name: 'Restore History' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'history');
    // The day range has visible labels, and the Export buttons keep clear of the filters.
    await expect(page.getByText('From (day)', { exact: true })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'To (day, included)' })).toBeVisible();
    const exportBox = await page.getByRole('link', { name: 'Export CSV' }).boundingBox();
    const filtersBox = await page.getByRole('group', { name: 'Filter the history' }).boundingBox();
    expect(
      (filtersBox?.y ?? 0) - ((exportBox?.y ?? 0) + (exportBox?.height ?? 0)),
    ).toBeGreaterThanOrEqual(8);
    expect(await namelessButtons(page)).toEqual([]);

    const { dialog } = await previewFromBackup(page);
    const box = await dialog.boundingBox();
    expect(box?.x).toBe(0);
    expect(box?.width).toBe(PHONE.width);
    const table = dialog.getByRole('table', { name: 'Preview: Inbound' });
    const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) =>
      h.replace(/[▲▼↕]/g, '').trim(),
    );
    // The first column holds each row's expand button, the second its cherry-pick box (both
    // headers are for screen readers).
    expect(headers).toEqual([
      'Details',
      'Apply',
      'Change',
      'Action',
      'Protocol',
      'Port Range',
      'Authorization Object',
    ]);
    // Priority and Description are one tap away, in the row's details.
    const firstRow = table.getByRole('row').nth(1);
    const toggle = firstRow.getByRole('button', { name: 'Show Priority, Description' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(firstRow.getByRole('term').filter({ hasText: 'Priority' })).toBeVisible();
    // Each header cell and the first row lie inside the window.
    for (const cell of await table.getByRole('columnheader').all()) {
      const cellBox = await cell.boundingBox();
      expect((cellBox?.x ?? 0) + (cellBox?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    }
    // The source ID is one line, never broken character by character.
    const sourceId = dialog.getByTitle(live.id, { exact: true });
    const idBox = await sourceId.boundingBox();
    expect(idBox?.height ?? 100).toBeLessThan(30);
    // Every Change cell and every header shows its whole text (no ellipsis cutting a word).
    for (const cell of [
      ...(await table.getByRole('columnheader').all()),
      ...(await table.getByRole('row').nth(1).getByRole('cell').all()),
    ])
      expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await expect(table.getByRole('row').nth(1)).toContainText('+');
    // The title keeps the ID whole: on its own line, one line tall.
    const titleId = dialog
      .getByRole('heading', { level: 2 })
      .first()
      .locator('.rr-nowrap', { hasText: live.id });
    expect((await titleId.boundingBox())?.height ?? 100).toBeLessThan(30);
    // The preview search's placeholder fits its box.
    const search = dialog.getByRole('searchbox', { name: 'Search the preview' });
    expect(await search.evaluate(placeholderFits)).toBe(true);
    await expectNoSidewaysScroll(page, 'restore dialog');
    await checkScreen(page, testInfo, 'phone-dialog');
    expect(await namelessButtons(page)).toEqual([]);
  });

  test('简体中文 on a phone: the menu switches the language and the dialog still fits', async ({
    page,
  }, testInfo) => {
    await openConsole(page);
    await page.getByRole('button', { name: 'Region, language and session' }).click();
    await choose(page, page.getByRole('combobox', { name: 'Language' }), '简体中文');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: '地域、语言与会话' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'zh groups list');
    await checkScreen(page, testInfo, 'phone-zh-groups');
    const search = page.getByRole('searchbox', { name: '搜索安全组' });
    await search.fill(LIVE_GROUP);
    await search.press('Enter');
    await page
      .getByRole('table', { name: '安全组' })
      .getByRole('row')
      .filter({ has: page.getByText(LIVE_GROUP, { exact: true }) })
      .getByRole('button', { name: /还原/ })
      .click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^还原规则：${LIVE_GROUP}（`) });
    await chooseBackup(page, dialog);
    await expect(dialog.getByRole('table').first()).toBeVisible();
    await expectNoSidewaysScroll(page, 'zh restore dialog');
    await checkScreen(page, testInfo, 'phone-zh-dialog');
  });
});

test.describe('on a laptop (1280 × 720)', () => {
  test.use({ viewport: LAPTOP });

  test('OK stays in view, Escape gives focus back to Restore Rules, Tab stays in the dialog', async ({
    page,
  }, testInfo) => {
    const { dialog, opener } = await previewFromBackup(page);
    await typeNameIfAsked(dialog);
    const ok = dialog.getByRole('button', { name: 'OK', exact: true });
    await expect(ok).toBeEnabled();
    await expect(ok).toBeInViewport({ ratio: 1 });
    await expect(dialog.getByRole('button', { name: 'Cancel', exact: true })).toBeInViewport({
      ratio: 1,
    });
    await expectNoSidewaysScroll(page, 'laptop dialog');
    await checkScreen(page, testInfo, 'laptop-dialog');
    expect(await namelessButtons(page)).toEqual([]);

    await ok.focus();
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    // Cancel gives focus back too.
    await opener.click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('in a 2000 px tall window the preview shows every row with no inner scroll', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 2000 });
    const { dialog } = await previewFromBackup(page);
    const table = dialog.getByRole('table', { name: 'Preview: Inbound' });
    const total = Number(await table.getAttribute('aria-rowcount')) - 1;
    expect(total).toBeGreaterThan(0);
    const body = table.getByRole('rowgroup', { name: /^Rows of/ });
    await expect(body.getByRole('row')).toHaveCount(total);
    // Nothing left to scroll inside the body (a pixel of rounding aside).
    const scroll = await body.evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(scroll).toBeLessThanOrEqual(1);
    await table.scrollIntoViewIfNeeded();
    for (const row of await body.getByRole('row').all()) await expect(row).toBeInViewport();
  });
});

test.describe('the follow-up dialogs give focus back (1280 × 720)', () => {
  test.use({ viewport: LAPTOP });

  test('Escape and Cancel return focus to Undo, and to Roll back', async ({ page, request }) => {
    // The outbound addition fails after the inbound one is applied: a partial failure, which offers Roll
    // back (and Undo in History).
    await emulator(request).fail('AuthorizeSecurityGroupEgress', 1, 'OperationDenied', 403);
    const { dialog } = await previewFromBackup(page);
    // Partially: no removal, so no typed confirmation.
    await dialog.getByRole('radio', { name: /^Partially Restore/ }).check();
    await dialog.getByRole('button', { name: 'OK', exact: true }).click();
    const rollBack = dialog.getByRole('button', { name: 'Roll back', exact: true });
    await expect(rollBack).toBeVisible();
    const preview = page.getByRole('dialog', { name: /^Roll back restore: web-prod \(sg-/ });
    for (const close of ['Escape', 'Cancel'] as const) {
      await rollBack.click();
      await expect(preview).toBeVisible();
      if (close === 'Escape') await page.keyboard.press('Escape');
      else await preview.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(preview).toBeHidden();
      await expect(rollBack).toBeFocused();
    }
    // The newest restore, the one just made, from the history list.
    await page.goto('/history');
    await page
      .getByRole('link', { name: /^Details of restore / })
      .first()
      .click();
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    const undoDialog = page.getByRole('dialog', { name: /^Undo restore: web-prod \(sg-/ });
    for (const close of ['Escape', 'Cancel'] as const) {
      await undo.click();
      await expect(undoDialog).toBeVisible();
      if (close === 'Escape') await page.keyboard.press('Escape');
      else await undoDialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(undoDialog).toBeHidden();
      await expect(undo).toBeFocused();
    }
  });
});
