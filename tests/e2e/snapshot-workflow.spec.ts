/**
 * The whole back up → change → restore workflow in the browser: snapshot a group from the
 * console and watch it, change one of its rules elsewhere (straight in the emulator), see the
 * watcher's detected change on the group's timeline, restore the group from the snapshot (the
 * destination picker's Snapshots section), find the snapshot named in the history, and undo.
 *
 * The group is web-prod's backup: no instance uses it, so a Completely restore that removes a rule
 * needs no typed name. The server reads watched groups every 10 s here (playwright.config.ts).
 */
import { expect, test } from '@playwright/test';
import type { SnapshotSummary } from '../../src/server/contract';
import { choose, openConsole, searchGroups, openRestoreRules } from './support/console';
import { BACKUP_GROUP, REGION, emulator, groupByName, groupRules } from './support/emulator';
import { ruleSet } from './support/expected-preview';
import { checkScreen } from './support/screens';

const ELSEWHERE = {
  IpProtocol: 'TCP',
  PortRange: '9443/9443',
  SourceCidrIp: '198.51.100.0/24',
  Policy: 'Accept',
  Priority: '1',
  Description: 'opened elsewhere',
};

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

// No other journey's ECS calls may meet this one's watcher reads.
test.afterEach(async ({ request }) => {
  const group = await groupByName(request, BACKUP_GROUP);
  const off = await request.put(`/api/regions/${REGION}/security-groups/${group.id}/watch`, {
    data: { watched: false },
  });
  expect(off.status()).toBe(200);
});

test('snapshot, change elsewhere, see it on the timeline, restore from the snapshot, undo', async ({
  page,
  request,
}, testInfo) => {
  // One watch interval or two pass while the watcher finds the change.
  test.setTimeout(120_000);
  const group = await groupByName(request, BACKUP_GROUP);
  const before = await groupRules(request, group.id);
  const note = `workflow ${Date.now().toString(36)}`;

  await openConsole(page);
  await searchGroups(page, BACKUP_GROUP);
  await page
    .getByRole('button', { name: `Create snapshot of ${BACKUP_GROUP}`, exact: true })
    .click();
  const create = page.getByRole('dialog', {
    name: `Create a snapshot of ${BACKUP_GROUP}`,
    exact: true,
  });
  await create.getByLabel('Note (optional)').fill(note);
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByText(`Snapshot of ${before.length} rules created.`)).toBeVisible();
  const listed = await request.get('/api/snapshots', { params: { groupId: group.id } });
  const snapshot = ((await listed.json()) as { snapshots: SnapshotSummary[] }).snapshots.find(
    (s) => s.note === note,
  )!;
  expect(snapshot).toMatchObject({ kind: 'manual', ruleCount: before.length });

  await page.getByRole('button', { name: 'Open the timeline' }).click();
  await expect(
    page.getByRole('heading', { name: `Timeline of ${BACKUP_GROUP}`, exact: true }),
  ).toBeVisible();
  await page.getByRole('button', { name: `Watch ${BACKUP_GROUP}`, exact: true }).click();
  await expect(
    page.getByRole('button', { name: `Stop watching ${BACKUP_GROUP}`, exact: true }),
  ).toBeVisible();

  // Someone opens a port in the ECS console: the console is not involved.
  await emulator(request).addRules(group.id, 'ingress', [ELSEWHERE]);
  const changed = await groupRules(request, group.id);
  expect(changed).toHaveLength(before.length + 1);

  // The timeline is read when the page opens: read it again until the watcher's entry is there.
  const timeline = page.getByRole('table', { name: `Timeline of ${BACKUP_GROUP}`, exact: true });
  // The watcher's stored note ("rules changed") is said by the label, not repeated in English.
  const detected = timeline.getByRole('row').filter({ hasText: 'Change detected' });
  await expect(async () => {
    await page.reload();
    await expect(detected.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await expect(detected.first()).toContainText(`${before.length + 1} rules · by watch`);
  await checkScreen(page, testInfo, 'workflow-timeline-detected');

  // Restore Rules from the snapshot, picked in the destination picker's Snapshots section.
  const dialog = await openRestoreRules(page, BACKUP_GROUP);
  await choose(
    page,
    dialog.getByRole('combobox', { name: 'Destination Security Group' }),
    note,
    note,
  );
  await expect(dialog.getByText(/^\+0 added, −1 removed, 0 changed, /)).toBeVisible();
  await checkScreen(page, testInfo, 'workflow-restore-preview');
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(dialog.getByText(`The rules of ${BACKUP_GROUP} were restored`)).toBeVisible({
    timeout: 30_000,
  });
  expect(ruleSet(await groupRules(request, group.id))).toEqual(ruleSet(before));

  // The history names the snapshot, not only its group.
  await page.goto('/history');
  await expect(page.getByRole('heading', { level: 1, name: 'Restore History' })).toBeVisible();
  const named = new RegExp(`^snapshot ${snapshot.id} of ${BACKUP_GROUP}, `);
  const row = page
    .getByRole('table', { name: 'Restore History' })
    .getByRole('row')
    .filter({ has: page.getByText(named) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Restore · Completely');
  await checkScreen(page, testInfo, 'workflow-history');
  await row.getByRole('link', { name: /^Details of restore / }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Restore rst-/ })).toBeVisible();
  await expect(page.getByRole('link', { name: named })).toBeVisible();

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  const undo = page.getByRole('dialog', { name: `Undo restore: ${BACKUP_GROUP} (${group.id})` });
  await expect(undo.getByText(/^\+1 added, −0 removed, 0 changed/)).toBeVisible();
  await undo.getByRole('button', { name: 'Undo the restore' }).click();
  await expect(undo).toBeHidden();
  await expect(page.getByText('Undo · Completely')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Succeeded' })).toBeVisible({
    timeout: 30_000,
  });
  expect(ruleSet(await groupRules(request, group.id))).toEqual(ruleSet(changed));

  // The restore's detail in Chinese: the snapshot named in the UI's language.
  await page.goBack();
  await expect(page.getByRole('link', { name: named })).toBeVisible();
  await choose(page, page.getByRole('combobox', { name: 'Language' }), '简体中文');
  await expect(
    page.getByRole('link', { name: new RegExp(`^${BACKUP_GROUP} 的快照 ${snapshot.id}（`) }),
  ).toBeVisible();
  await checkScreen(page, testInfo, 'workflow-detail-zh');
});
