import { screen, waitFor, within } from '@testing-library/react';
import { findSummary, openRestoreFor, pickDestination } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

const BACKUP = 'web-prod-backup-20261120';

describe('impact in the Restore Rules dialog', () => {
  it('shows the traffic effect per direction with markers', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, BACKUP);
    await findSummary(dialog);
    const inbound = within(dialog).getByRole('list', { name: 'What changes for traffic: Inbound' });
    const items = within(inbound).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      '✕ blockedTCP 22 from 0.0.0.0/0: allowed → blocked',
      '✓ allowedTCP 443 from 0.0.0.0/0: blocked → allowed',
    ]);
    const outbound = within(dialog).getByRole('list', {
      name: 'What changes for traffic: Outbound',
    });
    expect(within(outbound).getByRole('listitem').textContent).toBe(
      '✕ blockedTCP 25 to 0.0.0.0/0: allowed → blocked',
    );
  });

  it('asks for the group name typed when a protected source loses SSH', async () => {
    stack().journal.replaceProtectedSources([{ label: 'office', cidr: '203.0.113.0/24' }]);
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, BACKUP);
    await findSummary(dialog);
    expect(
      await within(dialog).findByText('office (203.0.113.0/24) loses TCP 22'),
    ).toBeInTheDocument();
    // Both reasons are said: the protected source and the running instances.
    expect(
      within(dialog).getByText(
        "web-prod is used by 4 running instances and this restore removes 1 rule from it: type the group's name to confirm.",
      ),
    ).toBeInTheDocument();
    const ok = within(dialog).getByRole('button', { name: 'OK' });
    const field = within(dialog).getByLabelText('Type the group name web-prod to confirm');
    expect(ok).toBeDisabled();
    await user.type(field, 'web-pro');
    expect(ok).toBeDisabled();
    await user.type(field, 'd');
    await waitFor(() => expect(ok).toBeEnabled());
    await user.click(ok);
    expect(
      await screen.findByText(/The rules of web-prod were restored/, {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
  });

  it('asks for the name for running instances alone, and Partially does not', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, BACKUP);
    await findSummary(dialog);
    expect(within(dialog).getByText('Running instances use this group')).toBeInTheDocument();
    expect(within(dialog).queryByText('This restore blocks a protected source')).toBeNull();
    const ok = within(dialog).getByRole('button', { name: 'OK' });
    expect(ok).toBeDisabled();

    await user.click(within(dialog).getByRole('radio', { name: /Partially Restore/ }));
    await waitFor(() =>
      expect(within(dialog).queryByLabelText('Type the group name web-prod to confirm')).toBeNull(),
    );
    await waitFor(() => expect(ok).toBeEnabled());
  });
});
