/**
 * A console started with CONSOLE_TOKEN: nothing is shown or changed until the user signs in with
 * the token; the HttpOnly cookie then keeps them signed in across a reload. Runs its own server
 * (the shared one has no token) on the app that the shared one built.
 */
import { expect, test } from '@playwright/test';
import { serveBuilt, type RunningServer } from '../../scripts/serve-built';
import { checkScreen } from './support/screens';

const TOKEN = 'e2e-console-token-0123456789';
let server: RunningServer;

test.beforeAll(async () => {
  server = await serveBuilt({ CONSOLE_TOKEN: TOKEN });
});

test.afterAll(async () => {
  await server.stop();
});

test('signs in with the access token, and refuses without it', async ({
  page,
  request,
}, testInfo) => {
  const refused = await request.get(`${server.url}/api/regions`);
  expect(refused.status()).toBe(401);

  await page.goto(`${server.url}/?region=cn-hangzhou`);
  const token = page.getByLabel('Access token');
  await expect(token).toBeVisible();
  await checkScreen(page, testInfo, 'login');

  await token.fill('not-the-token-at-all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Could not sign in')).toBeVisible();
  await expect(page.getByText(/Unauthorized/).first()).toBeVisible();

  await token.fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const groups = page.getByRole('table', { name: 'Security Groups' });
  await expect(groups.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByLabel('Access token')).toHaveCount(0);

  await page.reload();
  await expect(groups.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByLabel('Access token')).toHaveCount(0);
});
