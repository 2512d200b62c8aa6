/**
 * Impact before OK in Chromium, for the demo restore (web-prod completely from its backup): the
 * traffic effect an operator would write by hand, a packet check, the blast radius, the typed
 * confirmation (a protected source added in the settings editor; running instances alone, in
 * 简体中文 too) and the traffic effect in "Copy plan as JSON".
 *
 * The expected texts are derived here from the seed (src/mocks/seed.ts, seed-instances.ts), not
 * from the panel's output. Inbound, web-prod has and its backup lacks "TCP 22 from 0.0.0.0/0"
 * (Accept, priority 1); the backup has and web-prod lacks "TCP 443 from 0.0.0.0/0". The other
 * differences change no traffic: a priority (ICMP from 10.0.0.0/8, 20 → 10, nothing else
 * matches ICMP), a description, `::0/0` against `::/0`, and the priority-110 system rule, which
 * ECS cannot create. Inbound traffic no rule matches is denied. Outbound, web-prod allows all
 * IPv4 and the backup adds "Drop TCP 25 to 0.0.0.0/0" at the same priority 1, where Drop wins.
 * So: TCP 22 from 0.0.0.0/0 allowed → blocked, TCP 443 from 0.0.0.0/0 blocked → allowed, TCP 25
 * to 0.0.0.0/0 allowed → blocked; the office and CDN prefix lists keep their rules.
 */
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { ProtectedSourcesResponse } from '../../src/server/contract';
import { choose, chooseBackup, openRestoreRules } from './support/console';
import {
  BACKUP_GROUP,
  LIVE_GROUP,
  emulator,
  groupByName,
  groupRules,
  undoThroughApi,
} from './support/emulator';
import { ruleSet } from './support/expected-preview';
import { checkScreen } from './support/screens';

const SUMMARY = '+2 added, −1 removed, 2 changed, 6 unchanged, 1 not restorable';
const INBOUND = [
  '✕ blockedTCP 22 from 0.0.0.0/0: allowed → blocked',
  '✓ allowedTCP 443 from 0.0.0.0/0: blocked → allowed',
];
const OUTBOUND = ['✕ blockedTCP 25 to 0.0.0.0/0: allowed → blocked'];
const INBOUND_ZH = [
  '✕ 阻止TCP 22 来自 0.0.0.0/0：允许 → 阻止',
  '✓ 允许TCP 443 来自 0.0.0.0/0：阻止 → 允许',
];
const OUTBOUND_ZH = ['✕ 阻止TCP 25 去往 0.0.0.0/0：允许 → 阻止'];
/**
 * web-prod-01 … 06 use web-prod, 05 and 06 stopped; web-prod-lb-eni and web-prod-spare-eni are
 * its secondary ENIs; app-prod, mesh-prod and mesh-prod-next hold rules whose peer is web-prod.
 */
const BLAST =
  'Used by 6 instances (4 running) and 2 network interfaces; referenced by app-prod, mesh-prod, mesh-prod-next';
const BLAST_ZH =
  '被 6 台实例（4 台运行中）和 2 个网卡使用；被 app-prod、mesh-prod、mesh-prod-next 引用';
/** Not in any prefix list of the seed: only the world-open SSH rule lets it reach port 22. */
const BASTION = { label: 'bastion', cidr: '198.18.0.10/32' };
const BASTION_ADDRESS = '198.18.0.10';
const RUNNING =
  "web-prod is used by 4 running instances and this restore removes 1 rule from it: type the group's name to confirm.";
const RUNNING_ZH =
  'web-prod 正被 4 台运行中的实例使用，此还原会从中删除 1 条规则：请输入安全组名称以确认。';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

let editedBefore: ProtectedSourcesResponse['edited'] = [];

test.beforeEach(async ({ page, request }) => {
  await emulator(request).reset();
  const sources = await request.get('/api/settings/protected-sources');
  expect(sources.status()).toBe(200);
  editedBefore = ((await sources.json()) as ProtectedSourcesResponse).edited;
  await page.setViewportSize({ width: 1366, height: 768 });
});

test.afterEach(async ({ request }) => {
  // The suite shares one server: the protected sources go back to what they were, even when the
  // test failed before its own clean-up through the editor.
  const put = await request.put('/api/settings/protected-sources', {
    data: { sources: editedBefore.map(({ label, cidr }) => ({ label, cidr })) },
  });
  expect(put.status()).toBe(200);
  await emulator(request).reset();
});

async function screen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await checkScreen(page, testInfo, name);
  await testInfo.attach(name, {
    path: testInfo.outputPath(`${name}.png`),
    contentType: 'image/png',
  });
}

/**
 * Scrolls the dialog so `target` sits mid-screen: scrolled only to the edge, a field at the end
 * of the dialog's body lies under its sticky footer.
 */
async function showWhole(target: Locator): Promise<void> {
  await target.evaluate((element) => element.scrollIntoView({ block: 'center' }));
}

/**
 * Scrolls the dialog until `field` sits behind the sticky footer (its top 40 px above the window's
 * bottom), focuses it as Tab would, and returns how far the field's bottom then reaches under the
 * footer's top (≤ 0: not covered).
 */
async function focusBehindFooter(field: Locator): Promise<number> {
  return field.evaluate((element) => {
    const wrap = element.closest('.ant-modal-wrap');
    const footer = wrap?.querySelector(
      '.ant-space-item:has(> .rr-dialog-actions), .ant-modal-footer',
    );
    if (!wrap || !footer) throw new Error('the field is not in a dialog with a sticky footer');
    // Focusing the field it already has scrolls nothing: leave it first.
    (element as HTMLElement).blur();
    const top = element.getBoundingClientRect().top - wrap.getBoundingClientRect().top;
    wrap.scrollTop += top - (wrap.clientHeight - 40);
    if (element.getBoundingClientRect().top < footer.getBoundingClientRect().top)
      throw new Error('the field could not be scrolled behind the footer');
    (element as HTMLElement).focus();
    return element.getBoundingClientRect().bottom - footer.getBoundingClientRect().top;
  });
}

async function openDemoPreview(page: Page): Promise<Locator> {
  const dialog = await openRestoreRules(page, LIVE_GROUP);
  await chooseBackup(page, dialog);
  await expect(dialog.getByRole('radio', { name: /Completely Restore/ })).toBeChecked();
  await expect(dialog.getByText(SUMMARY)).toBeVisible();
  return dialog;
}

async function checkPacket(dialog: Locator, port: string, address: string): Promise<Locator> {
  const check = dialog.getByRole('region', { name: 'Packet check' });
  await check.getByRole('textbox', { name: 'Port' }).fill(port);
  await check.getByRole('textbox', { name: 'Address or security group ID' }).fill(address);
  await check.getByRole('button', { name: 'Check' }).click();
  return check.getByRole('list', { name: 'Packet check result' }).getByRole('listitem');
}

test('the traffic effect, a packet check, the blast radius and the plan copied as JSON', async ({
  page,
  request,
}, testInfo) => {
  const live = await groupByName(request, LIVE_GROUP);
  const office = (await groupRules(request, live.id)).find(
    (rule) => rule.peer.kind === 'prefixList' && rule.meta.peerName === 'office-egress',
  )?.peer;
  if (office?.kind !== 'prefixList') throw new Error('web-prod has no office-egress rule');
  const dialog = await openDemoPreview(page);
  await expect(
    dialog.getByRole('list', { name: 'What changes for traffic: Inbound' }).getByRole('listitem'),
  ).toHaveText(INBOUND);
  await expect(
    dialog.getByRole('list', { name: 'What changes for traffic: Outbound' }).getByRole('listitem'),
  ).toHaveText(OUTBOUND);
  // Above the rule tables.
  const panel = await dialog
    .getByRole('heading', { name: 'What changes for traffic' })
    .boundingBox();
  const table = await dialog.getByRole('table', { name: 'Preview: Inbound' }).boundingBox();
  expect(panel && table && panel.y < table.y).toBe(true);

  await expect(dialog.getByRole('region', { name: 'What uses this group' })).toHaveText(BLAST);

  // SSH from an address of no prefix list: only the removed world-open rule let it in.
  await expect(await checkPacket(dialog, '22', BASTION_ADDRESS)).toHaveText([
    'Before: allowed — rule Allow TCP 22 from 0.0.0.0/0 (priority 1)',
    "After: blocked — the group's default (inbound is denied when no rule matches)",
  ]);
  // RDP is dropped by a rule both sides share.
  await expect(await checkPacket(dialog, '3389', BASTION_ADDRESS)).toHaveText([
    'Before: blocked — rule Deny TCP 3389 from 0.0.0.0/0 (priority 1)',
    'After: blocked — rule Deny TCP 3389 from 0.0.0.0/0 (priority 1)',
  ]);
  // The office's prefix list is a named set: its SSH rule is on both sides.
  const officeRule = `rule Allow TCP 22 from Prefix list office-egress (${office.prefixListId}) (priority 1)`;
  await expect(await checkPacket(dialog, '22', office.prefixListId)).toHaveText([
    `Before: allowed — ${officeRule}`,
    `After: allowed — ${officeRule}`,
  ]);
  await screen(page, testInfo, 'impact-preview');
  await dialog.getByRole('region', { name: 'What uses this group' }).scrollIntoViewIfNeeded();
  await screen(page, testInfo, 'impact-blast-radius');

  await dialog.getByRole('button', { name: 'Copy plan as JSON' }).click();
  await expect(page.getByText('The plan was copied to the clipboard.')).toBeVisible();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as {
    traffic: unknown;
  };
  const statement = (direction: string, ports: string, from: string, to: string) => ({
    direction,
    nicType: 'intranet',
    protocol: 'tcp',
    ports,
    peer: { kind: 'cidrs', family: 4, include: ['0.0.0.0/0'], except: [] },
    from,
    to,
    approximate: false,
  });
  expect(copied.traffic).toEqual({
    ingress: {
      statements: [
        statement('ingress', '22/22', 'allowed', 'blocked'),
        statement('ingress', '443/443', 'blocked', 'allowed'),
      ],
      more: 0,
    },
    egress: { statements: [statement('egress', '25/25', 'allowed', 'blocked')], more: 0 },
  });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('a protected source added in the editor: the danger alert, the typed name, the restore', async ({
  page,
  request,
}, testInfo) => {
  const live = await groupByName(request, LIVE_GROUP);
  const rulesBefore = await groupRules(request, live.id);

  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Network & Security' })
    .getByRole('link', { name: 'Protected sources' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Protected sources' })).toBeVisible();
  const edited = page.getByRole('table', { name: 'Protected sources edited in the console' });
  await page.getByRole('button', { name: 'Add a source' }).click();
  await edited.getByRole('textbox', { name: 'Label' }).last().fill(BASTION.label);
  await edited.getByRole('textbox', { name: 'Address or CIDR' }).last().fill(BASTION.cidr);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Protected sources saved.')).toBeVisible();

  const dialog = await openDemoPreview(page);
  const danger = dialog
    .locator('.ant-alert-error')
    .filter({ hasText: 'This restore blocks a protected source' });
  await expect(danger).toContainText(`${BASTION.label} (${BASTION.cidr}) loses TCP 22`);
  // The running instances are a second reason, said on its own.
  await expect(dialog.getByText(RUNNING)).toBeVisible();
  const ok = dialog.getByRole('button', { name: 'OK', exact: true });
  const field = dialog.getByRole('textbox', { name: 'Type the group name web-prod to confirm' });
  await expect(ok).toBeDisabled();
  await field.fill('web-pro');
  await expect(ok).toBeDisabled();
  await field.fill(BACKUP_GROUP);
  await expect(ok).toBeDisabled();
  await field.fill(LIVE_GROUP);
  await expect(ok).toBeEnabled();
  expect(await focusBehindFooter(field)).toBeLessThanOrEqual(0);
  await showWhole(field);
  await screen(page, testInfo, 'impact-protected-source');

  await ok.click();
  await expect(dialog.getByText(`The rules of ${LIVE_GROUP} were restored`)).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    dialog.getByText('+2 added, −1 removed, 2 changed. The result was verified against ECS.'),
  ).toBeVisible();
  const restoreId = new URL(page.url()).searchParams.get('job');
  expect(restoreId).toMatch(/^rst-/);

  // Leave the server as it was found: the restore undone, the source removed in the editor.
  await undoThroughApi(request, restoreId!);
  expect(ruleSet(await groupRules(request, live.id))).toEqual(ruleSet(rulesBefore));
  await page.keyboard.press('Escape');
  await page
    .getByRole('navigation', { name: 'Network & Security' })
    .getByRole('link', { name: 'Protected sources' })
    .click();
  await edited.getByRole('button', { name: `Remove ${BASTION.label}` }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Protected sources saved.')).toBeVisible();
  await expect(edited.getByRole('textbox', { name: 'Address or CIDR' })).toHaveCount(
    editedBefore.length,
  );
});

test('running instances alone ask for the name typed, in English and in 简体中文', async ({
  page,
}, testInfo) => {
  const dialog = await openDemoPreview(page);
  await expect(dialog.getByText('Running instances use this group')).toBeVisible();
  await expect(dialog.getByText(RUNNING)).toBeVisible();
  await expect(dialog.getByText('This restore blocks a protected source')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'OK', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await choose(page, page.getByRole('combobox', { name: 'Language' }), '简体中文');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const search = page.getByRole('searchbox', { name: '搜索安全组' });
  await search.fill(LIVE_GROUP);
  await search.press('Enter');
  await page.getByRole('button', { name: `还原规则：${LIVE_GROUP}`, exact: true }).click();
  const zh = page.getByRole('dialog', { name: new RegExp(`^还原规则：${LIVE_GROUP}（`) });
  await chooseBackup(page, zh);
  await expect(zh.getByRole('radio', { name: /全部还原/ })).toBeChecked();
  await expect(zh.getByRole('list', { name: '流量变化：入方向' }).getByRole('listitem')).toHaveText(
    INBOUND_ZH,
  );
  await expect(zh.getByRole('list', { name: '流量变化：出方向' }).getByRole('listitem')).toHaveText(
    OUTBOUND_ZH,
  );
  await expect(zh.getByRole('region', { name: '使用此安全组的资源' })).toHaveText(BLAST_ZH);
  await expect(zh.getByText('有运行中的实例在使用此安全组')).toBeVisible();
  await expect(zh.getByText(RUNNING_ZH)).toBeVisible();
  const ok = zh.getByRole('button', { name: '确 定' }).or(zh.getByRole('button', { name: '确定' }));
  const field = zh.getByRole('textbox', { name: `输入安全组名称 ${LIVE_GROUP} 以确认` });
  await expect(ok).toBeDisabled();
  await field.fill('web-prod ');
  await expect(ok).toBeDisabled();
  await field.fill(LIVE_GROUP);
  await expect(ok).toBeEnabled();
  await showWhole(field);
  await screen(page, testInfo, 'impact-running-instances-zh');
  await zh.getByRole('heading', { name: '流量变化' }).scrollIntoViewIfNeeded();
  await screen(page, testInfo, 'impact-traffic-zh');

  await zh
    .getByRole('button', { name: '取 消' })
    .or(zh.getByRole('button', { name: '取消' }))
    .click();
  await expect(zh).toBeHidden();
  await choose(page, page.getByRole('combobox', { name: '语言' }), 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'Security Groups' })).toBeVisible();
});
