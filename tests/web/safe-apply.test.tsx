import { waitFor, within } from '@testing-library/react';
import { findSummary, openRestoreFor, pickDestination, typeNameIfAsked } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

const BACKUP = 'web-prod-backup-20261120';

afterEach(() => window.localStorage.clear());

async function openDialog() {
  const view = renderApp('/security-groups?region=cn-hangzhou');
  const dialog = await openRestoreFor(view.user, 'web-prod');
  await pickDestination(view.user, dialog, BACKUP);
  await findSummary(dialog);
  await typeNameIfAsked(view.user, dialog);
  const ok = within(dialog).getByRole('button', { name: 'OK' });
  await waitFor(() => expect(ok).toBeEnabled());
  return { ...view, dialog, ok };
}

describe('Confirm or revert in the dialog', () => {
  it('counts down after the restore, and Keep these rules records who kept it', async () => {
    const { user, dialog, ok, unmount } = await openDialog();
    const option = within(dialog).getByRole('checkbox', { name: 'Revert automatically after' });
    expect(option).not.toBeChecked();
    await user.click(option);
    const minutes = within(dialog).getByRole('spinbutton', {
      name: 'Minutes before the automatic revert',
    });
    await user.clear(minutes);
    await user.type(minutes, '5');
    await user.click(ok);

    await within(dialog).findByText(/The rules of web-prod were restored/, {}, { timeout: 15_000 });
    const timer = await within(dialog).findByRole('timer', {}, { timeout: 10_000 });
    expect(timer.textContent).toMatch(/^Reverting automatically in [45]:\d\d$/);
    // The choice is remembered for the next restore in this browser.
    expect(JSON.parse(window.localStorage.getItem('rrc.autoRevert') ?? '{}')).toEqual({
      enabled: true,
      minutes: 5,
    });

    await user.click(within(dialog).getByRole('button', { name: 'Keep these rules' }));
    expect(await within(dialog).findByText(/^Kept at .+ by local\.$/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('timer')).not.toBeInTheDocument();
    // The server recorded the decision: its timer will not fire.
    const list = (await (await stack().app.request('/api/restores?limit=1')).json()) as {
      restores: { id: string }[];
    };
    const detail = (await (
      await stack().app.request(`/api/restores/${list.restores[0]!.id}`)
    ).json()) as { autoRevert?: { state: string } };
    expect(detail.autoRevert?.state).toBe('kept');
    unmount();
  });

  it('offers Revert now, which rolls the restore back', async () => {
    window.localStorage.setItem('rrc.autoRevert', JSON.stringify({ enabled: true, minutes: 30 }));
    const { user, dialog, ok, unmount } = await openDialog();
    expect(
      within(dialog).getByRole('checkbox', { name: 'Revert automatically after' }),
    ).toBeChecked();
    await user.click(ok);
    await within(dialog).findByRole('timer', {}, { timeout: 15_000 });
    await user.click(within(dialog).getByRole('button', { name: 'Revert now' }));
    expect(
      await within(dialog).findByText(
        /^Reverted at .+ by local \(rst-[a-z0-9]+\)\.$/,
        {},
        {
          timeout: 15_000,
        },
      ),
    ).toBeInTheDocument();
    unmount();
  });
});
