/**
 * Back up → change → restore, inside the console: a snapshot of web-prod, a change (a restore
 * from its backup, made through the API as another user would), then Restore Rules from the
 * snapshot in the dialog: the rules are the snapshot's again.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { choose, openConsole, searchGroups, typeNameIfAsked } from './support/console';
import {
  BACKUP_GROUP,
  LIVE_GROUP,
  REGION,
  emulator,
  groupByName,
  groupRules,
} from './support/emulator';
import { ruleSet } from './support/expected-preview';
import { checkScreen } from './support/screens';

test.beforeEach(async ({ request }) => {
  await emulator(request).reset();
});

/** Restores `sourceId` completely from `destinationId` through the API and waits for the end. */
async function restoreThroughApi(
  request: APIRequestContext,
  sourceId: string,
  destinationId: string,
) {
  const base = `/api/regions/${REGION}/security-groups/${sourceId}`;
  const shown = await request.post(`${base}/restore-preview`, {
    data: { destinationId, mode: 'completely' },
  });
  expect(shown.status()).toBe(200);
  const { revision, confirmationRequired, source } = (await shown.json()) as {
    revision: string;
    confirmationRequired: unknown;
    source: { name: string };
  };
  // web-prod has running instances: a Completely restore that removes rules asks for its name.
  const confirmName = confirmationRequired === null ? {} : { confirmName: source.name };
  const started = await request.post(`${base}/restores`, {
    data: { destinationId, mode: 'completely', revision, ...confirmName },
  });
  expect(started.status()).toBe(202);
  const { restoreId } = (await started.json()) as { restoreId: string };
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/restores/${restoreId}`)).json()) as { status: string })
          .status,
      {
        timeout: 30_000,
      },
    )
    .toBe('succeeded');
}

test('snapshot web-prod, change it, restore it from the snapshot: the rules are back', async ({
  page,
  request,
}, testInfo) => {
  const live = await groupByName(request, LIVE_GROUP);
  const backup = await groupByName(request, BACKUP_GROUP);
  const note = `e2e backup ${Date.now().toString(36)}`;
  const snap = await request.post(`/api/regions/${REGION}/security-groups/${live.id}/snapshots`, {
    data: { note },
  });
  expect(snap.status()).toBe(201);
  const snapshotRules = ((await snap.json()) as { rules: Parameters<typeof ruleSet>[0] }).rules;
  await restoreThroughApi(request, live.id, backup.id);
  expect(ruleSet(await groupRules(request, live.id))).not.toEqual(ruleSet(snapshotRules));

  await openConsole(page);
  await searchGroups(page, LIVE_GROUP);
  await page.getByRole('button', { name: `Restore Rules of ${LIVE_GROUP}`, exact: true }).click();
  const dialog = page.getByRole('dialog', {
    name: new RegExp(`^Restore Rules: ${LIVE_GROUP} \\(`),
  });
  await expect(dialog).toBeVisible();
  await choose(
    page,
    dialog.getByRole('combobox', { name: 'Destination Security Group' }),
    note,
    note,
  );
  await expect(dialog.getByText(/^\+\d+ added, −\d+ removed, \d+ changed, /)).toBeVisible();
  await typeNameIfAsked(dialog);
  const ok = dialog.getByRole('button', { name: 'OK', exact: true });
  await expect(ok).toBeEnabled();
  await checkScreen(page, testInfo, 'restore-from-snapshot-preview');
  await ok.click();
  await expect(dialog.getByText(`The rules of ${LIVE_GROUP} were restored`)).toBeVisible({
    timeout: 30_000,
  });
  expect(ruleSet(await groupRules(request, live.id))).toEqual(ruleSet(snapshotRules));
});
