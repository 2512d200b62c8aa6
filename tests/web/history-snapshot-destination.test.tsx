/**
 * A restore from a snapshot, in Restore History: the list and the detail name the snapshot, its
 * group and when it was taken (in the UI's language), not only the group.
 */
import { screen, within } from '@testing-library/react';
import type { AppType } from '../../src/server/app';
import { formatTime } from '../../src/web/i18n/locales';
import { groupIdByName, jsonInit, waitForRestore } from '../support/test-stack';
import { chooseOption } from './choose-option';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

/** web-prod's backup (no instance uses it) restored from a snapshot of web-prod, finished. */
async function restoreFromSnapshot(
  app: AppType,
): Promise<{ restoreId: string; backupId: string; snapshot: { id: string; createdAt: string } }> {
  const webProd = await groupIdByName(app, 'cn-hangzhou', 'web-prod');
  const backupId = await groupIdByName(app, 'cn-hangzhou', 'web-prod-backup-20261120');
  const snapshot = (await (
    await app.request(
      `/api/regions/cn-hangzhou/security-groups/${webProd}/snapshots`,
      jsonInit('POST', { note: 'known good' }),
    )
  ).json()) as { id: string; createdAt: string };
  const base = `/api/regions/cn-hangzhou/security-groups/${backupId}`;
  const body = { destinationId: snapshot.id, mode: 'completely' };
  const preview = (await (
    await app.request(`${base}/restore-preview`, jsonInit('POST', body))
  ).json()) as { revision: string };
  const { restoreId } = (await (
    await app.request(`${base}/restores`, jsonInit('POST', { ...body, revision: preview.revision }))
  ).json()) as { restoreId: string };
  expect((await waitForRestore(app, restoreId)).status).toBe('succeeded');
  return { restoreId, backupId, snapshot };
}

describe('a restore from a snapshot in the history', () => {
  it('the list and the detail name the snapshot, in English and in Chinese', async () => {
    const { restoreId, backupId, snapshot } = await restoreFromSnapshot(stack().app);
    const { user } = renderApp(`/history?sourceId=${backupId}`);
    const named = `snapshot ${snapshot.id} of web-prod, ${formatTime(snapshot.createdAt, 'en-US')}`;

    const table = await screen.findByRole(
      'table',
      { name: 'Restore History' },
      { timeout: 15_000 },
    );
    const row = await within(table).findByRole('row', { name: new RegExp(restoreId) });
    expect(within(row).getByRole('cell', { name: named })).toBeInTheDocument();

    await user.click(within(row).getByRole('link', { name: `Details of restore ${restoreId}` }));
    expect(
      await screen.findByRole('heading', { name: `Restore ${restoreId}` }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    // The snapshot's group's timeline shows the snapshot (while retention keeps it).
    expect(screen.getByRole('link', { name: named })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/security-groups\/sg-[a-z0-9]+\/timeline\?region=cn-hangzhou$/),
    );

    await chooseOption(user, screen.getByRole('combobox', { name: 'Language' }), '简体中文');
    expect(
      await screen.findByRole('link', {
        name: `web-prod 的快照 ${snapshot.id}（${formatTime(snapshot.createdAt, 'zh-CN')}）`,
      }),
    ).toBeInTheDocument();
  });
});
