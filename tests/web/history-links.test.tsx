/**
 * The rest of the auditor's history (issue 16): a restore reverted by its timer links to that
 * roll back and back again, both marked on the history list; a group's timeline lists every
 * restore the group took part in (restore, undo, a clone that copied its rules) with status,
 * actor and a link to the detail, the watch turned on and off, and who watches since when; the
 * rules page links to the timeline and to the group's history.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { AppType } from '../../src/server/app';
import type { PreviewResponse, RestoreDetail } from '../../src/server/contract';
import { confirmedBy } from '../support/confirmed-by';
import { groupIdByName, jsonInit, waitForRestore } from '../support/test-stack';
import { renderApp, stackPerTest } from './render-app';

const REGION = 'cn-hangzhou';
const stack = stackPerTest({ config: { autoRevertMinuteMs: 100 } });

async function ids(app: AppType) {
  return {
    webProd: await groupIdByName(app, REGION, 'web-prod'),
    backup: await groupIdByName(app, REGION, 'web-prod-backup-20261120'),
  };
}

/** Restores web-prod from its backup (with a timer when `autoRevertMinutes` is set). */
async function restore(app: AppType, autoRevertMinutes?: number): Promise<string> {
  const { webProd, backup } = await ids(app);
  const base = `/api/regions/${REGION}/security-groups/${webProd}`;
  const body = { destinationId: backup, mode: 'completely' };
  const reviewed = (await (
    await app.request(`${base}/restore-preview`, jsonInit('POST', body))
  ).json()) as PreviewResponse;
  const { restoreId } = (await (
    await app.request(
      `${base}/restores`,
      jsonInit('POST', {
        ...body,
        // web-prod has running instances: a Completely restore removing rules asks for its name.
        ...confirmedBy(reviewed),
        ...(autoRevertMinutes === undefined ? {} : { autoRevertMinutes }),
      }),
    )
  ).json()) as { restoreId: string };
  await waitForRestore(app, restoreId);
  return restoreId;
}

/** The table row holding the link named `linkName`. */
function rowWith(table: HTMLElement, linkName: string): HTMLElement {
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('link', { name: linkName }) !== null);
  if (row === undefined) throw new Error(`no row links to ${linkName}`);
  return row;
}

async function detailOf(app: AppType, id: string): Promise<RestoreDetail> {
  return (await (await app.request(`/api/restores/${id}`)).json()) as RestoreDetail;
}

describe('an automatic revert', () => {
  it('links both ways on the details and is marked on the history list', async () => {
    const { app } = stack();
    const restoreId = await restore(app, 1);
    let detail = await detailOf(app, restoreId);
    await waitFor(
      async () => {
        detail = await detailOf(app, restoreId);
        expect(detail.autoRevert?.state).toBe('reverted');
      },
      { timeout: 10_000 },
    );
    const revertId = detail.autoRevert!.revertId!;
    await waitForRestore(app, revertId);

    const { user } = renderApp(`/history/${restoreId}`);
    const toRevert = await screen.findByRole(
      'link',
      { name: new RegExp(`^Reverted automatically at .+ by ${revertId}$`) },
      { timeout: 15_000 },
    );
    expect(
      screen.getByRole('row', { name: new RegExp('^Reverted automatically Reverted') }),
    ).toBeInTheDocument();
    await user.click(toRevert);
    expect(
      await screen.findByRole('heading', { name: `Restore ${revertId}` }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    await user.click(
      screen.getByRole('link', {
        name: `Automatic revert of ${restoreId}, 1 minute after it verified`,
      }),
    );
    expect(
      await screen.findByRole('heading', { name: `Restore ${restoreId}` }, { timeout: 15_000 }),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Restore History' }));
    const list = await screen.findByRole('table', { name: 'Restore History' }, { timeout: 15_000 });
    await within(list).findByRole('link', { name: `Details of restore ${revertId}` });
    const rowOf = async (id: string) => rowWith(list, `Details of restore ${id}`);
    expect(within(await rowOf(restoreId)).getByText('Reverted automatically')).toBeInTheDocument();
    expect(within(await rowOf(revertId)).getByText('Automatic revert')).toBeInTheDocument();
  });
});

describe('a group’s timeline', () => {
  it('lists its restores, a clone of its rules and its watch changes, each with who', async () => {
    const { app } = stack();
    const { webProd } = await ids(app);
    const groupPath = `/api/regions/${REGION}/security-groups/${webProd}`;
    await app.request(`${groupPath}/watch`, jsonInit('PUT', { watched: true }));
    const restoreId = await restore(app);
    const { revision } = (await (
      await app.request(`/api/restores/${restoreId}/undo-preview`)
    ).json()) as { revision: string };
    const { restoreId: undoId } = (await (
      await app.request(`/api/restores/${restoreId}/undo`, jsonInit('POST', { revision }))
    ).json()) as { restoreId: string };
    await waitForRestore(app, undoId);
    const clone = (await (
      await app.request(`${groupPath}/clone`, jsonInit('POST', { name: 'web-prod-copy' }))
    ).json()) as { restoreId: string };
    await waitForRestore(app, clone.restoreId);

    const { user } = renderApp(`/security-groups/${webProd}/rules?region=${REGION}`);
    expect(
      await screen.findByRole('link', { name: 'Timeline of web-prod' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'History of this group' })).toHaveAttribute(
      'href',
      `/history?sourceId=${webProd}`,
    );
    await user.click(screen.getByRole('link', { name: 'Timeline of web-prod' }));
    const table = await screen.findByRole(
      'table',
      { name: 'Timeline of web-prod' },
      { timeout: 15_000 },
    );
    expect(await screen.findByText(/^Watched by local since /)).toBeInTheDocument();
    const rowOf = (id: string) => rowWith(table, `Details of restore ${id}`);
    await within(table).findByRole('link', { name: `Details of restore ${undoId}` });
    for (const id of [restoreId, undoId, clone.restoreId]) {
      expect(within(rowOf(id)).getByText('Succeeded')).toBeInTheDocument();
      expect(within(rowOf(id)).getByText(/by local/)).toBeInTheDocument();
    }
    expect(within(rowOf(undoId)).getByText('Undo')).toBeInTheDocument();
    expect(
      within(rowOf(clone.restoreId)).getByText('Its rules were copied to web-prod-copy'),
    ).toBeInTheDocument();
    const watchRow = within(table)
      .getAllByRole('row')
      .find((row) => within(row).queryByText('Watch turned on') !== null)!;
    expect(within(watchRow).getByText('by local')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'History of this group' })).toBeInTheDocument();

    await user.click(within(rowOf(undoId)).getByRole('link'));
    expect(
      await screen.findByRole('heading', { name: `Restore ${undoId}` }, { timeout: 15_000 }),
    ).toBeInTheDocument();
  });
});
