import { screen, waitFor, within } from '@testing-library/react';
import { findSummary, openRestoreFor, pickDestination } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

stackPerTest();

const BACKUP = 'web-prod-backup-20261120';

describe('Cherry-pick in the Restore Rules dialog', () => {
  it('unticks two rows, re-plans the preview, copies the selection, and the restore leaves them as they are', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, BACKUP);
    const full = (await findSummary(dialog)).textContent ?? '';

    const keepDebug = within(dialog).getByRole('checkbox', {
      name: /^Apply this change: − Removed .*temporary debug SSH/,
    });
    expect(keepDebug).toBeChecked();
    await user.click(keepDebug);
    expect(keepDebug).not.toBeChecked();
    await user.click(screen.getByRole('tab', { name: /Outbound/ }));
    const skipSmtp = within(dialog).getByRole('checkbox', {
      name: /^Apply this change: \+ Added .*block outbound SMTP/,
    });
    await user.click(skipSmtp);
    // The select-all box of the outbound additions now shows a partial selection.
    const allAdded = within(dialog).getByRole('checkbox', { name: 'All Added in Outbound' });
    expect(allAdded).not.toBeChecked();

    expect(
      await within(dialog).findByText(
        '2 changes are left out and stay as they are',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(within(dialog).getByText(/^\+\d+ added, /).textContent).not.toBe(full),
    );
    expect(within(dialog).getAllByText('Left as is').length).toBeGreaterThan(0);

    await user.click(within(dialog).getByRole('button', { name: 'Copy plan as JSON' }));
    const copied = JSON.parse(await navigator.clipboard.readText()) as {
      selection: { excluded: string[] };
    };
    expect(copied.selection.excluded).toHaveLength(2);

    const ok = within(dialog).getByRole('button', { name: 'OK' });
    await waitFor(() => expect(ok).toBeEnabled());
    await user.click(ok);
    expect(
      await within(dialog).findByText(
        /The rules of web-prod were restored/,
        {},
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();

    await user.click(within(dialog).getByRole('link', { name: 'View the rules of web-prod' }));
    expect(await screen.findByRole('heading', { name: 'Rules of web-prod' })).toBeInTheDocument();
    expect(await screen.findByText('temporary debug SSH')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: /Outbound/ }));
    await waitFor(() => expect(screen.queryByText('block outbound SMTP')).not.toBeInTheDocument());
  });
});
