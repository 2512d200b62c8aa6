/**
 * The console's Content Security Policy is strict (no 'unsafe-inline'): every `<style>` antd and
 * its helpers insert must carry the response's nonce. A listener installed before any script of
 * the page records each `securitypolicyviolation`; a walk through every page and dialog, in both
 * languages, must record none.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  choose,
  chooseBackup,
  openConsole,
  openRestoreRules,
  searchGroups,
  typeNameIfAsked,
} from './support/console';
import { LIVE_GROUP, emulator } from './support/emulator';

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
}

declare global {
  interface Window {
    cspViolations: Violation[];
  }
}

/** The violations recorded in the page since it loaded (the listener survives no navigation). */
const violations = (page: Page) => page.evaluate(() => window.cspViolations);

test.beforeEach(async ({ page, request }) => {
  await emulator(request).reset();
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push({
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sample: event.sample,
      });
    });
  });
});

test('the CSP header has no unsafe-inline and carries a nonce that the page repeats', async ({
  page,
}) => {
  const response = await page.goto('/');
  const policy = response?.headers()['content-security-policy'] ?? '';
  const directive = (name: string) =>
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .find(([key]) => key === name)
      ?.slice(1) ?? [];
  // Style attributes (React's `style` prop) are allowed; style elements and sheets are not.
  for (const name of ['default-src', 'script-src', 'style-src', 'style-src-elem'])
    expect(directive(name), name).not.toContain("'unsafe-inline'");
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  await expect(page.locator('meta[name="csp-nonce"]')).toHaveAttribute('content', nonce ?? '');
});

test('no CSP violation on any page or dialog, in English and in 简体中文', async ({
  page,
}, testInfo) => {
  await openConsole(page);
  await searchGroups(page, LIVE_GROUP);
  await page.getByRole('link', { name: `Manage Rules of ${LIVE_GROUP}`, exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Rules of ${LIVE_GROUP}` }),
  ).toBeVisible();
  await page.getByRole('tab', { name: /^Outbound/ }).click();
  expect(await violations(page)).toEqual([]);

  // The restore dialog, its destination picker, its preview, then the run's job view.
  const dialog = await openRestoreRules(page, LIVE_GROUP);
  await chooseBackup(page, dialog);
  await expect(dialog.getByRole('table', { name: 'Preview: Inbound' })).toBeVisible();
  await dialog.getByRole('tab', { name: /^Outbound/ }).click();
  await dialog.getByRole('radio', { name: /Partially Restore/ }).check();
  await dialog.getByRole('radio', { name: /Completely Restore/ }).check();
  expect(await violations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('restore-preview-en.png') });
  await typeNameIfAsked(dialog);
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(dialog.getByText(`The rules of ${LIVE_GROUP} were restored`)).toBeVisible({
    timeout: 30_000,
  });
  expect(await violations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(dialog).toBeHidden();

  // The history, a restore's detail and the undo dialog.
  await page
    .getByRole('navigation', { name: 'Network & Security' })
    .getByRole('link', { name: 'Restore History' })
    .click();
  const history = page.getByRole('table', { name: 'Restore History' });
  await history
    .getByRole('link', { name: /^Details of restore rst-/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Restore rst-/ })).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  const undo = page.getByRole('dialog', { name: new RegExp(`^Undo restore: ${LIVE_GROUP}`) });
  await expect(undo).toBeVisible();
  await undo.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(undo).toBeHidden();
  expect(await violations(page)).toEqual([]);

  // The language switch, and the dialog again in Chinese.
  await page.goto('/');
  await choose(page, page.getByRole('combobox', { name: 'Language' }), '简体中文');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const search = page.getByRole('searchbox', { name: '搜索安全组' });
  await search.fill(LIVE_GROUP);
  await search.press('Enter');
  await page.getByRole('button', { name: `还原规则：${LIVE_GROUP}`, exact: true }).click();
  const zhDialog = page.getByRole('dialog', { name: new RegExp(`^还原规则：${LIVE_GROUP}（`) });
  await chooseBackup(page, zhDialog);
  await expect(zhDialog.getByRole('tab', { name: /^入方向/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('restore-preview-zh.png') });
  await zhDialog.getByRole('button', { name: '取消' }).click();
  await expect(zhDialog).toBeHidden();
  expect(await violations(page)).toEqual([]);

  // A reload in Chinese: the stored language is applied before the first render.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: '搜索安全组' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
