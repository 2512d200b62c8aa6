import { waitFor, within } from '@testing-library/react';
import {
  confirmFollowUp,
  findSummary,
  openRestoreFor,
  pickDestination,
  typeNameIfAsked,
} from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

const BACKUP = 'web-prod-backup-20261120';

async function startRestore() {
  const view = renderApp('/security-groups?region=cn-hangzhou');
  const dialog = await openRestoreFor(view.user, 'web-prod');
  await pickDestination(view.user, dialog, BACKUP);
  await findSummary(dialog);
  await typeNameIfAsked(view.user, dialog);
  const ok = within(dialog).getByRole('button', { name: 'OK' });
  await waitFor(() => expect(ok).toBeEnabled());
  return { ...view, dialog, ok };
}

describe('The job view', () => {
  it('shows one section per attempt, with the server’s counts, after a failure and a retry', async () => {
    stack().emulator.failCall('RevokeSecurityGroup', 1, {
      code: 'Forbidden.RAM',
      status: 403,
      message: 'User not authorized to operate on the specified resource.',
    });
    const { user, dialog, ok } = await startRestore();
    await user.click(ok);

    await within(dialog).findByText('The restore stopped part-way', {}, { timeout: 15_000 });
    // The failed step says what to grant and which rules it carried.
    expect(
      within(dialog).getByText(
        /^RAM refused ecs:RevokeSecurityGroup\. Grant ecs:RevokeSecurityGroup/,
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/^Rules it carried: (Allow|Deny) /)).toBeInTheDocument();
    const subtitle = within(dialog).getByText(/^\d+ of \d+ steps? (was|were) applied; the rest/);
    const [, applied, total] = /^(\d+) of (\d+)/.exec(subtitle.textContent ?? '') ?? [];
    expect(within(dialog).getByRole('button', { name: 'Attempt 1' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );

    await confirmFollowUp(
      user,
      dialog,
      'Retry remaining',
      /^Retry remaining: web-prod/,
      'Retry remaining steps',
    );
    await within(dialog).findByText(/the rules of web-prod were restored/, {}, { timeout: 15_000 });

    // The first attempt is folded with how it ended; the retry is open, numbered from 1.
    const first = within(dialog).getByRole('button', {
      name: new RegExp(`^Attempt 1 · ${applied} of ${total} steps applied, stopped at step \\d+$`),
    });
    expect(first).toHaveAttribute('aria-expanded', 'false');
    const second = within(dialog).getByRole('button', { name: 'Attempt 2 — retry remaining' });
    expect(second).toHaveAttribute('aria-expanded', 'true');
    expect(within(dialog).queryByText(/ · failed$/)).not.toBeInTheDocument();
    expect(within(dialog).queryByText(/ · not yet applied$/)).not.toBeInTheDocument();
    expect(within(dialog).getAllByText(/^1\. .* · applied$/)).toHaveLength(1);

    await user.click(first);
    expect(await within(dialog).findByText(/ · failed$/)).toBeInTheDocument();
  });

  it('goes straight to its own job after OK, even when ECS is slow', async () => {
    const { user, dialog, ok } = await startRestore();
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      if (/already running/.test(dialog.textContent ?? '')) seen.push(dialog.textContent ?? '');
    });
    observer.observe(dialog, { childList: true, subtree: true, characterData: true });
    stack().emulator.setLatency(1500);
    await user.click(ok);
    await within(dialog).findByRole(
      'heading',
      { name: 'Restoring the rules of web-prod' },
      // OK re-plans on the server: both groups, the referenced VPCs and the per-ENI quota are
      // read again, about seven round trips of 1.5 s each here.
      { timeout: 30_000 },
    );
    stack().emulator.setLatency(0);
    await within(dialog).findByText(/The rules of web-prod were restored/, {}, { timeout: 20_000 });
    observer.disconnect();
    expect(seen).toEqual([]);
  });
});
