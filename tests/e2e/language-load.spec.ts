/**
 * The Chinese texts are fetched on demand, not shipped with the first route. A user who chose
 * 简体中文 must still get it from the first render on: no English screen that turns Chinese.
 */
import { expect, test } from '@playwright/test';
import { choose, openConsole } from './support/console';
import { emulator } from './support/emulator';

declare global {
  interface Window {
    headingsSeen: string[];
  }
}

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

test('a stored 简体中文 is on screen from the first render, English never shown', async ({
  page,
}) => {
  await openConsole(page);
  await choose(page, page.getByRole('combobox', { name: 'Language' }), '简体中文');
  await expect(page.getByRole('heading', { level: 1, name: '安全组' })).toBeVisible();

  // Every h1 the page ever renders, recorded from before its first script runs.
  await page.addInitScript(() => {
    window.headingsSeen = [];
    new MutationObserver(() => {
      for (const heading of document.querySelectorAll('h1'))
        if (!window.headingsSeen.includes(heading.textContent ?? ''))
          window.headingsSeen.push(heading.textContent ?? '');
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  const chinese: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/zh-cn-[\w-]+\.js$/.test(request.url())) chinese.push(request.url());
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '安全组' })).toBeVisible();
  expect(await page.evaluate(() => window.headingsSeen)).toEqual(['安全组']);
  expect(chinese).toHaveLength(1);
});

test('English needs no Chinese texts at all', async ({ page }) => {
  const chinese: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/zh-cn-[\w-]+\.js$/.test(request.url())) chinese.push(request.url());
  });
  await openConsole(page);
  expect(chinese).toEqual([]);
});
