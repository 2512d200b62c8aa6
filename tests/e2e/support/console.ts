/** How a user drives the console's controls, by role and accessible name. */
import { expect, type Locator, type Page } from '@playwright/test';
import { BACKUP_GROUP } from './emulator';

/**
 * Opens an antd Select (a combobox), narrows it by typing when it is searchable, and picks the
 * option. Waits for the option to be visible and stable, so the drop-down's opening animation
 * never swallows the click.
 */
export async function choose(
  page: Page,
  combobox: Locator,
  option: string | RegExp,
  search?: string,
): Promise<void> {
  await combobox.click();
  if (search !== undefined) await combobox.fill(search);
  const listbox = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const item = listbox.locator('.ant-select-item-option').filter({ hasText: option }).first();
  await expect(item).toBeVisible();
  await item.click();
  await expect(listbox).toBeHidden();
}

/** Picks web-prod's backup as the destination of an open Restore Rules dialog (either language). */
export async function chooseBackup(page: Page, dialog: Locator): Promise<void> {
  const destination = dialog.getByRole('combobox', {
    name: /^(?:Destination Security Group|目标安全组)$/,
  });
  await choose(page, destination, BACKUP_GROUP, 'backup-2026');
}

/** The Security Groups page of a region, as a bookmark or a fresh visit would open it. */
export async function openConsole(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Security Groups' })).toBeVisible();
}

/** Types into the group search box and submits it, as Enter does. */
export async function searchGroups(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search security groups' });
  await box.fill(text);
  await box.press('Enter');
}

const CONFIRM_LABEL = /^(?:Type the group name (.+) to confirm|输入安全组名称 (.+) 以确认)$/;

/**
 * Once the preview has settled (OK enabled, or the typed-name field shown), types the source
 * group's name when the dialog asks for it — a protected source, or a Completely restore that
 * removes rules from a group with running instances (web-prod has 4 in the demo) — as an
 * operator does before OK (or `okName`: Retry remaining's button). The journeys that call it
 * restore either way depending on the data.
 */
export async function typeNameIfAsked(
  dialog: Locator,
  okName: string | RegExp = /^(OK|确定)$/,
): Promise<void> {
  const field = dialog.locator('#restore-confirm-name');
  const ok = dialog.getByRole('button', { name: okName });
  await expect
    .poll(async () => (await field.isVisible()) || (await ok.isEnabled()), { timeout: 20_000 })
    .toBe(true);
  if (!(await field.isVisible())) return;
  const label = (await dialog.locator('label[for="restore-confirm-name"]').innerText()).trim();
  const match = CONFIRM_LABEL.exec(label);
  if (match === null) throw new Error(`unexpected confirmation label: ${label}`);
  await field.fill(match[1] ?? match[2] ?? '');
  await expect(ok).toBeEnabled();
}

/** Finds `group` on the Security Groups page and opens its Restore Rules dialog, as a user does. */
export async function openRestoreRules(page: Page, group: string): Promise<Locator> {
  await openConsole(page);
  await searchGroups(page, group);
  await page.getByRole('button', { name: `Restore Rules of ${group}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^Restore Rules: ${group} \\(`) });
  await expect(dialog).toBeVisible();
  return dialog;
}
