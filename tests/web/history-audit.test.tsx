/**
 * The history an auditor reads (issue 16): a restore's detail names who did it, shows the rules
 * before it as a rule table and the rules each step carried with its RequestId, and links to its
 * undo and back; the list's filters live in the URL and narrow the list on the server.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { PreviewResponse } from '../../src/server/contract';
import { confirmedBy } from '../support/confirmed-by';
import type { AppType } from '../../src/server/app';
import { groupIdByName, jsonInit, waitForRestore } from '../support/test-stack';
import { chooseOption } from './choose-option';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

/** A finished restore of web-prod from its backup, and its finished undo. */
async function restoreAndUndo(app: AppType): Promise<{ restoreId: string; undoId: string }> {
  const sourceId = await groupIdByName(app, 'cn-hangzhou', 'web-prod');
  const destinationId = await groupIdByName(app, 'cn-hangzhou', 'web-prod-backup-20261120');
  const base = `/api/regions/cn-hangzhou/security-groups/${sourceId}`;
  const body = { destinationId, mode: 'completely' };
  const preview = (await (
    await app.request(`${base}/restore-preview`, jsonInit('POST', body))
  ).json()) as PreviewResponse;
  const { restoreId } = (await (
    await app.request(`${base}/restores`, jsonInit('POST', { ...body, ...confirmedBy(preview) }))
  ).json()) as { restoreId: string };
  await waitForRestore(app, restoreId);
  const undoPreview = (await (
    await app.request(`/api/restores/${restoreId}/undo-preview`)
  ).json()) as PreviewResponse;
  const { restoreId: undoId } = (await (
    await app.request(
      `/api/restores/${restoreId}/undo`,
      jsonInit('POST', { ...confirmedBy(undoPreview) }),
    )
  ).json()) as { restoreId: string };
  await waitForRestore(app, undoId);
  return { restoreId, undoId };
}

describe('the detail of a restore', () => {
  it('shows who, the rules before, the rules each step carried, and links both ways', async () => {
    const { restoreId, undoId } = await restoreAndUndo(stack().app);
    const detail = await waitForRestore(stack().app, restoreId);
    const { user } = renderApp(`/history/${restoreId}`);

    expect(
      await screen.findByRole('heading', { name: `Restore ${restoreId}` }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /\bBy local\b/ })).toBeInTheDocument();

    const before = screen.getByRole('table', { name: 'Rules before the restore' });
    expect(
      within(before).getAllByRole('row').length - 1, // the header row
    ).toBe(detail.snapshot.length);

    const first = detail.steps[0]!;
    const stepTable = screen.getByRole('table', { name: new RegExp(`^Rules of step 1\\. `) });
    expect(within(stepTable).getAllByRole('row').length - 1).toBe(first.rules.length);
    // The RequestId is one element of its own (kept whole, copied whole) after its label.
    const labelled = screen.getAllByText(/^RequestId:$/);
    expect(labelled.length).toBeGreaterThan(0);
    expect(labelled[0]).toHaveTextContent(`RequestId: ${first.requestId!}`);
    expect(screen.getAllByText(first.requestId!)[0]).toHaveClass('rr-request-id');

    expect(screen.getByText('Linked restores')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: `Undone by ${undoId}` })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: undoId }));

    expect(
      await screen.findByRole('heading', { name: `Restore ${undoId}` }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('row', { name: new RegExp(`web-prod → its rules before ${restoreId}`) }),
    ).toBeInTheDocument();
    expect(screen.getByRole('row', { name: `Undo of ${restoreId}` })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: restoreId }));
    expect(
      await screen.findByRole('heading', { name: `Restore ${restoreId}` }, { timeout: 15_000 }),
    ).toBeInTheDocument();
  });
});

describe('the history list’s filters', () => {
  it('reads the filters from the URL and writes a changed one back', async () => {
    const { restoreId, undoId } = await restoreAndUndo(stack().app);
    const { user, router } = renderApp('/history?kind=undo');
    const table = await screen.findByRole(
      'table',
      { name: 'Restore History' },
      { timeout: 15_000 },
    );
    await waitFor(() =>
      expect(
        within(table).getByRole('link', { name: `Details of restore ${undoId}` }),
      ).toBeVisible(),
    );
    expect(
      within(table).queryByRole('link', { name: `Details of restore ${restoreId}` }),
    ).not.toBeInTheDocument();

    await chooseOption(user, screen.getByRole('combobox', { name: 'Type' }), 'Restore');
    await waitFor(() => expect(router.state.location.search).toBe('?kind=restore'));
    await waitFor(() =>
      expect(
        within(table).getByRole('link', { name: `Details of restore ${restoreId}` }),
      ).toBeVisible(),
    );
    expect(
      within(table).queryByRole('link', { name: `Details of restore ${undoId}` }),
    ).not.toBeInTheDocument();

    const actor = screen.getByRole('textbox', { name: 'By' });
    await user.type(actor, 'someone-else{Enter}');
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('actor')).toBe('someone-else'),
    );
    expect(await within(table).findByText('No restores yet')).toBeInTheDocument();

    const csv = screen.getByRole('link', { name: 'Export CSV' });
    expect(csv.getAttribute('href')).toBe(
      '/api/restores/export?format=csv&kind=restore&actor=someone-else',
    );

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });
});
