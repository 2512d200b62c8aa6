/**
 * What was left on a phone (390 × 844) and in the history (issue 12): IDs and RequestIds kept
 * whole, the rules filter's placeholder not cut, the auto-revert sentence flowing around its
 * minutes box, the not-restorable reason readable, localized day pickers that still take a typed
 * day, and the watcher's first reading said as such — in English and in 简体中文, with
 * screenshots of each screen at 390 × 844 and 1280 × 720.
 */
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { choose, chooseBackup, openRestoreRules } from './support/console';
import {
  BACKUP_GROUP,
  LIVE_GROUP,
  REGION,
  emulator,
  groupByName,
  restoreThroughApi,
} from './support/emulator';
import { checkScreen, expectNoSidewaysScroll, placeholderFits, settle } from './support/screens';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 720 };

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

/**
 * The group whose timeline is shown: no other journey restores or watches it, so turning its
 * watch on is its first reading even in a journal the earlier journeys wrote to.
 */
const WATCHED_GROUP = 'web-staging';

// The watcher must not read the group during the other journeys.
test.afterEach(async ({ request }) => {
  const watched = await groupByName(request, WATCHED_GROUP);
  const off = await request.put(`/api/regions/${REGION}/security-groups/${watched.id}/watch`, {
    data: { watched: false },
  });
  expect(off.status()).toBe(200);
});

/** Whether the element is drawn on one line (an inline box broken across lines has a rect per line) inside the window. */
async function onOneLineInView(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const rects = [...el.getClientRects()];
    return rects.length === 1 && (rects[0]?.right ?? Infinity) <= window.innerWidth;
  });
}

/**
 * Whether the words after the auto-revert minutes box begin on the box's own line (the sentence
 * flows on), rather than the rest of the sentence dropping under the box as one block.
 */
async function sentenceGoesOnAfterTheBox(dialog: Locator, minutesName: string, words: string) {
  const box = dialog.getByRole('spinbutton', { name: minutesName });
  return box.evaluate((input, after) => {
    const field = input.closest('.ant-input-number') ?? input;
    const root = input.closest('[role="dialog"]') ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(after) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const word = range.getBoundingClientRect();
      const boxRect = field.getBoundingClientRect();
      return word.top < boxRect.bottom && word.bottom > boxRect.top;
    }
    return false;
  }, words);
}

/** Switches the console's language, from the top bar or, on a phone, from its menu. */
async function switchToChinese(page: Page, phone: boolean): Promise<void> {
  if (phone) await page.getByRole('button', { name: 'Region, language and session' }).click();
  await choose(page, page.getByRole('combobox', { name: 'Language' }), '简体中文');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  if (phone) await page.keyboard.press('Escape');
}

/**
 * A screenshot of the open calendar, without the axe audit: antd's own calendar draws the days
 * of the next and last months in its disabled grey and names its year and month buttons "Choose
 * a year" over the year itself, which axe flags; the page around it is audited when closed.
 */
async function calendarScreenshot(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: testInfo.outputPath(`${screen}.png`), fullPage: true });
}

/** The window as it is, with the auto-revert choice scrolled into view (the dialog scrolls). */
async function autoRevertScreenshot(
  page: Page,
  dialog: Locator,
  testInfo: TestInfo,
  screen: string,
) {
  await dialog
    .getByRole('spinbutton', { name: /^(Minutes before the automatic revert|自动回退前的分钟数)$/ })
    .scrollIntoViewIfNeeded();
  await settle(page);
  await page.screenshot({ path: testInfo.outputPath(`${screen}.png`) });
}

interface Journey {
  restoreId: string;
  /** The restore's source: the backup, so web-prod keeps the rules its dialog previews. */
  sourceId: string;
  liveId: string;
  watchedId: string;
}

/**
 * A finished restore of the backup from web-prod (so web-prod's own Restore Rules dialog still
 * has changes to preview), and web-staging watched (its first reading).
 */
async function prepare(page: Page): Promise<Journey> {
  const request = page.request;
  const live = await groupByName(request, LIVE_GROUP);
  const backup = await groupByName(request, BACKUP_GROUP);
  const restoreId = await restoreThroughApi(request, backup.id, live.id);
  const watched = await groupByName(request, WATCHED_GROUP);
  const on = await request.put(`/api/regions/${REGION}/security-groups/${watched.id}/watch`, {
    data: { watched: true },
  });
  expect(on.status()).toBe(200);
  return { restoreId, sourceId: backup.id, liveId: live.id, watchedId: watched.id };
}

/** How many lines an element's text takes. */
function textLines(element: Element): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  return new Set([...range.getClientRects()].map((rect) => Math.round(rect.bottom))).size;
}

/** Visits each screen in the current language, checking it fits and saving its screenshot. */
async function visitScreens(
  page: Page,
  testInfo: TestInfo,
  { restoreId, liveId, watchedId }: Journey,
  prefix: string,
  zh: boolean,
): Promise<void> {
  await page.goto('/history');
  await expect(
    page.getByRole('table', { name: zh ? '还原记录' : 'Restore History' }),
  ).toBeVisible();
  await expectNoSidewaysScroll(page, `${prefix} history`);
  await checkScreen(page, testInfo, `${prefix}-history`);

  await page.goto(`/history/${restoreId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(restoreId);
  await expect(page.locator('.rr-request-id').first()).toBeVisible();
  // Each label of the restore's facts stays one line (on a phone "源安全组" broke after two characters).
  for (const label of await page.locator('.ant-descriptions-item-label').all())
    expect(await label.evaluate(textLines), await label.innerText()).toBe(1);
  await expectNoSidewaysScroll(page, `${prefix} restore detail`);
  await checkScreen(page, testInfo, `${prefix}-restore-detail`);

  await page.goto(`/security-groups/${liveId}/rules?region=${REGION}`);
  await expect(
    page.getByRole('searchbox', { name: zh ? '筛选规则' : 'Filter rules' }),
  ).toBeVisible();
  await expectNoSidewaysScroll(page, `${prefix} rules`);
  await checkScreen(page, testInfo, `${prefix}-rules`);

  await page.goto(`/security-groups/${watchedId}/timeline?region=${REGION}`);
  await expect(
    page.getByRole('row').filter({ hasText: zh ? '首次读取' : 'First reading' }),
  ).toBeVisible();
  await expectNoSidewaysScroll(page, `${prefix} timeline`);
  await checkScreen(page, testInfo, `${prefix}-timeline`);
}

test.describe('on a phone (390 × 844)', () => {
  test.use({ viewport: PHONE });

  test('IDs and RequestIds stay whole, texts are not cut, the day pickers take typed days', async ({
    page,
  }, testInfo) => {
    // The dialog first, while web-prod and its backup still differ (prepare() makes them equal):
    // the auto-revert sentence flows on after its minutes box…
    const dialog = await openRestoreRules(page, LIVE_GROUP);
    await chooseBackup(page, dialog);
    await expect(dialog.getByRole('table', { name: 'Preview: Inbound' })).toBeVisible();
    expect(
      await sentenceGoesOnAfterTheBox(dialog, 'Minutes before the automatic revert', 'minutes'),
    ).toBe(true);
    await autoRevertScreenshot(page, dialog, testInfo, 'phone-dialog-auto-revert');
    // …and a not-restorable rule's reason is read whole in its row's details.
    await expectReasonReadable(dialog, /^Show Reason\b/, 'Reason');
    await expectNoSidewaysScroll(page, 'restore dialog');
    await checkScreen(page, testInfo, 'phone-dialog-not-restorable');
    await page.keyboard.press('Escape');

    const journey = await prepare(page);
    const { restoreId, sourceId, liveId } = journey;

    await page.goto('/history');
    const table = page.getByRole('table', { name: 'Restore History' });
    await expect(table).toBeVisible();
    await expectNoSidewaysScroll(page, 'history');
    // The source "web-prod-backup-… (sg-…)" keeps its ID on one line.
    const source = table.locator('.rr-nowrap', { hasText: sourceId }).first();
    expect(await onOneLineInView(source)).toBe(true);

    // The day pickers: labelled, a day typed in the Chinese form applies on Enter…
    const to = page.getByRole('textbox', { name: 'To (day, included)' });
    await to.click();
    // The calendar opens within the window.
    const calendar = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    await expect(calendar).toBeVisible();
    const calendarBox = await calendar.boundingBox();
    expect((calendarBox?.x ?? -1) >= 0).toBe(true);
    expect((calendarBox?.x ?? 0) + (calendarBox?.width ?? Infinity)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await expectNoSidewaysScroll(page, 'history calendar');
    await calendarScreenshot(page, testInfo, 'phone-history-calendar');
    await to.fill('2026年12月2日');
    await to.press('Enter');
    await expect(page).toHaveURL(/[?&]to=2026-12-02\b/);
    // …and an impossible day is marked and not applied.
    const from = page.getByRole('textbox', { name: 'From (day)' });
    await from.fill('2026-02-30');
    await from.press('Enter');
    await expect(
      page.getByRole('alert').filter({ hasText: 'Type a day as 2026-12-02' }),
    ).toBeVisible();
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
    await page.keyboard.press('Escape');
    await expectNoSidewaysScroll(page, 'history with days');
    await checkScreen(page, testInfo, 'phone-history-days');

    // The detail: its title's ID, the linked IDs and each RequestId drawn whole.
    await page.goto(`/history/${restoreId}`);
    const title = page.getByRole('heading', { level: 1 });
    await expect(title).toContainText(restoreId);
    expect(await onOneLineInView(title.locator('.rr-nowrap'))).toBe(true);
    const requestIds = page.locator('.rr-request-id');
    await expect(requestIds.first()).toBeVisible();
    for (const id of await requestIds.all()) expect(await onOneLineInView(id)).toBe(true);
    await expectNoSidewaysScroll(page, 'restore detail');

    // The rules page's filter hint fits its box; the whole hint is its description.
    await page.goto(`/security-groups/${liveId}/rules?region=${REGION}`);
    const filter = page.getByRole('searchbox', { name: 'Filter rules' });
    await expect(filter).toBeVisible();
    expect(await filter.evaluate(placeholderFits)).toBe(true);

    await visitScreens(page, testInfo, journey, 'phone-en', false);
  });

  test('简体中文: the pickers, the dialog’s sentence and reason, the first reading', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await switchToChinese(page, true);
    const dialog = page.getByRole('dialog', { name: new RegExp(`^还原规则：${LIVE_GROUP}（`) });
    const search = page.getByRole('searchbox', { name: '搜索安全组' });
    await search.fill(LIVE_GROUP);
    await search.press('Enter');
    await page
      .getByRole('table', { name: '安全组' })
      .getByRole('row')
      .filter({ has: page.getByText(LIVE_GROUP, { exact: true }) })
      .getByRole('button', { name: /还原/ })
      .click();
    await chooseBackup(page, dialog);
    await expect(dialog.getByRole('table').first()).toBeVisible();
    expect(await sentenceGoesOnAfterTheBox(dialog, '自动回退前的分钟数', '分钟后')).toBe(true);
    await autoRevertScreenshot(page, dialog, testInfo, 'phone-zh-dialog-auto-revert');
    await expectReasonReadable(dialog, /^显示原因/, '原因');
    await expectNoSidewaysScroll(page, 'zh restore dialog');
    await checkScreen(page, testInfo, 'phone-zh-dialog-not-restorable');
    await page.keyboard.press('Escape');

    const journey = await prepare(page);
    await page.goto('/history');
    const from = page.getByRole('textbox', { name: '起始日期' });
    await from.click();
    // dayjs's Chinese weekdays in antd's calendar.
    const calendar = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    await expect(calendar.getByRole('columnheader', { name: '一', exact: true })).toBeVisible();
    await expect(calendar.getByText('今天')).toBeVisible();
    await calendarScreenshot(page, testInfo, 'phone-zh-history-calendar');
    await page.keyboard.press('Escape');

    await visitScreens(page, testInfo, journey, 'phone-zh', true);
    // The first reading says so, with no English left over from the stored note.
    const reading = page.getByRole('row').filter({ hasText: '首次读取' });
    await expect(reading).toContainText('监视首次读取到的规则（并非变更）。');
    await expect(reading).not.toContainText('first read');
  });
});

/**
 * Expands the first not-restorable row (its marker stays in the row) and checks the reason in
 * its details is neither cut sideways nor clipped below.
 */
async function expectReasonReadable(dialog: Locator, toggleName: RegExp, term: string) {
  const table = dialog.getByRole('table', { name: /^(Not restorable|无法还原)/ }).first();
  await table.scrollIntoViewIfNeeded();
  const row = table.getByRole('row').nth(1);
  await expect(row).toContainText('⊘');
  await row.getByRole('button', { name: toggleName }).click();
  // The reason is the first line of the details.
  const reason = row.getByRole('definition').first();
  await expect(row.getByRole('term').filter({ hasText: term })).toBeVisible();
  const fits = await reason.evaluate(
    (el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight,
  );
  expect(fits).toBe(true);
  expect((await reason.innerText()).length).toBeGreaterThan(10);
}

test.describe('on a laptop (1280 × 720)', () => {
  test.use({ viewport: LAPTOP });

  test('the same screens in English and 简体中文', async ({ page }, testInfo) => {
    const dialog = await openRestoreRules(page, LIVE_GROUP);
    await chooseBackup(page, dialog);
    await expect(dialog.getByRole('table', { name: 'Preview: Inbound' })).toBeVisible();
    // The reason is its own column here, whole.
    const reasonTable = dialog.getByRole('table', { name: /^Not restorable/ }).first();
    await expect(reasonTable.getByRole('row').nth(1)).toContainText('⊘ ');
    await checkScreen(page, testInfo, 'laptop-en-dialog');
    await autoRevertScreenshot(page, dialog, testInfo, 'laptop-en-dialog-auto-revert');
    await page.keyboard.press('Escape');
    const journey = await prepare(page);
    await visitScreens(page, testInfo, journey, 'laptop-en', false);

    await switchToChinese(page, false);
    await visitScreens(page, testInfo, journey, 'laptop-zh', true);
  });
});
