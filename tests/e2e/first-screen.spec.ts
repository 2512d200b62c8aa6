/**
 * The first screen of the built console arrives whole and is not styled twice: antd's styles
 * for it come from the stylesheet the build extracted (scripts/first-screen-styles.tsx), so antd
 * injects only its CSS variables at run time. Should the build's class hashes ever drift from the
 * app's, antd would silently generate every style again; this says so instead.
 */
import { expect, test } from '@playwright/test';
import { openConsole } from './support/console';
import { emulator } from './support/emulator';

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

test('the first screen is styled by the built stylesheet, and antd generates none of it', async ({
  page,
}) => {
  await openConsole(page);
  const groups = page.getByRole('table', { name: 'Security Groups' });
  await expect(groups.getByRole('row').nth(1)).toBeVisible();

  const sheets = await page.evaluate(() =>
    [...document.styleSheets].map((sheet) => sheet.href ?? ''),
  );
  expect(sheets.some((href) => /\/assets\/antd-first-screen-[0-9a-f]{8}\.css$/.test(href))).toBe(
    true,
  );

  // What antd injected at run time: CSS variables only, no rule for a first-screen component.
  const injected = await page.evaluate(() =>
    [...document.querySelectorAll('style[data-css-hash]')].map((style) => style.textContent ?? ''),
  );
  const componentRules = injected.filter((css) =>
    /\.ant-(btn|select|input|layout|alert|tag|spin|flex|space|typography)[^{]*\{(?!--)/.test(css),
  );
  expect(componentRules).toEqual([]);

  // And the styles apply: the theme's AA link colour and antd's button shape.
  await expect(groups.getByRole('link').first()).toHaveCSS('color', 'rgb(9, 88, 217)');
  await expect(page.getByRole('button', { name: 'Refresh' })).toHaveCSS('border-radius', '6px');
});

test("asks for the first screen's data once each, from index.html's preloads", async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
  });
  await page.goto('/?region=cn-hangzhou');
  const groups = page.getByRole('table', { name: 'Security Groups' });
  // Twenty groups and the header: the rows after the first screen's are drawn too.
  await expect(groups.getByRole('row')).toHaveCount(21);
  await expect(page.getByRole('combobox', { name: 'Filter by VPC' })).toBeVisible();
  // One request each: the app's own reads found the preloaded answers (a read that differed
  // from its preload by a header, a parameter or the credentials would be a second request).
  expect(asked.sort()).toEqual([
    '/api/regions/cn-hangzhou/security-groups?pageSize=100',
    '/api/regions/cn-hangzhou/security-groups?pageSize=20',
    '/api/regions?language=en-US',
    '/api/session',
    '/api/watches',
  ]);
});
