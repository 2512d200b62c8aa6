import { screen, waitFor, within } from '@testing-library/react';
import { findSummary, openRestoreFor, pickDestination, typeNameIfAsked } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

stackPerTest();

const BACKUP = 'web-prod-backup-20261120';

describe('Restore Rules journey', () => {
  it('previews, switches type, confirms, shows progress and success, and the rules page shows the result', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');

    // Source read-only, OK disabled until a preview has loaded.
    expect(within(dialog).getByText('Source Security Group')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'OK' })).toBeDisabled();

    await pickDestination(user, dialog, BACKUP);
    const completely = await findSummary(dialog);
    expect(completely.textContent).toMatch(
      /^\+\d+ added, −\d+ removed, \d+ changed, \d+ unchanged, \d+ not restorable$/,
    );
    expect(within(dialog).getAllByText('− Removed').length).toBeGreaterThan(0);
    expect(within(dialog).getAllByText('+ Added').length).toBeGreaterThan(0);
    expect(
      within(dialog).getByText(
        /^Rules are opened before any are closed, so traffic that both rule sets allow is never cut\./,
      ),
    ).toBeInTheDocument();
    // The backup's priority-110 rule is in the Not restorable group, with its reason and the opt-in.
    expect(
      within(dialog).getByText(/Priority 110 \(system-level\): ECS cannot create it\./),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('checkbox', {
        name: /Recreate the destination’s priority-110 rules/,
      }),
    ).not.toBeChecked();

    await user.click(within(dialog).getByRole('radio', { name: /Partially Restore/ }));
    const partially = await findSummary(dialog, /^\+\d+ added, \d+ kept, /);
    expect(partially.textContent).not.toEqual(completely.textContent);
    expect(within(dialog).getAllByText('− Kept').length).toBeGreaterThan(0);
    expect(within(dialog).queryByText('− Removed')).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('radio', { name: /Completely Restore/ }));
    await findSummary(dialog, /^\+\d+ added, −\d+ removed, /);
    await typeNameIfAsked(user, dialog);
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
    // The backup's outbound SMTP block is now on web-prod, and the debug SSH rule is gone.
    await user.click(screen.getByRole('tab', { name: /Outbound/ }));
    expect(await screen.findByText('block outbound SMTP')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: /Inbound/ }));
    expect(await screen.findByText('ping from the VPC')).toBeInTheDocument();
    expect(screen.queryByText('temporary debug SSH')).not.toBeInTheDocument();
  });

  it('disables OK with the sentence when the groups already have the same rules', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    let dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, BACKUP);
    await findSummary(dialog);
    await typeNameIfAsked(user, dialog);
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'OK' })).toBeEnabled());
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await within(dialog).findByText(/were restored/, {}, { timeout: 15_000 });
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' })[0]!);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, BACKUP);
    expect(
      await within(dialog).findByText(
        'The destination security group has the same rules as the source',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'OK' })).toBeDisabled();
  });
});
