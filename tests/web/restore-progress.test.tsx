import { screen, waitFor, within } from '@testing-library/react';
import type { PreviewResponse } from '../../src/server/contract';
import { confirmedBy } from '../support/confirmed-by';
import { groupIdByName, jsonInit, waitForRestore } from '../support/test-stack';
import { findSummary, openRestoreFor, pickDestination, typeNameIfAsked } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

const BACKUP = 'web-prod-backup-20261120';
/** Per ECS call while a restore runs: long enough for the UI's polling to see each step. */
const SLOW_ECS_MS = 400;

describe('A running restore', () => {
  it('shows and announces progress by step, survives a reload, then shows the success', async () => {
    const { user, router, unmount } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, BACKUP);
    await findSummary(dialog);
    await typeNameIfAsked(user, dialog);
    const ok = within(dialog).getByRole('button', { name: 'OK' });
    await waitFor(() => expect(ok).toBeEnabled());

    stack().emulator.setLatency(SLOW_ECS_MS);
    await user.click(ok);
    expect(
      await within(dialog).findByRole(
        'heading',
        { name: 'Restoring the rules of web-prod' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    const status = within(dialog).getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    // Polled every 500 ms, a step is seen while ECS applies it: the text names it, and so does its line.
    await waitFor(
      () =>
        expect(status).toHaveTextContent(
          /^Step \d of \d applied: (Add|Remove|Change) \d+ (inbound|outbound) rules?$/,
        ),
      { timeout: 15_000 },
    );
    expect(within(dialog).getByRole('progressbar')).toBeInTheDocument();
    expect(within(dialog).getAllByText(/^\d\. .* · running$/)).toHaveLength(1);

    // The job lives on the server: its ID is in the URL, and a reload follows it again.
    const url = router.state.location.pathname + router.state.location.search;
    expect(url).toMatch(/[?&]job=rst-/);
    unmount();
    const { unmount: unmountReloaded } = renderApp(url);
    const again = await screen.findByRole(
      'dialog',
      { name: /^Restore Rules: web-prod \(sg-/ },
      { timeout: 15_000 },
    );
    await within(again).findByText(
      /Step \d of \d applied|The rules of web-prod were restored/,
      {},
      { timeout: 10_000 },
    );

    const success = await within(again).findByText(
      'The rules of web-prod were restored',
      {},
      { timeout: 20_000 },
    );
    const announced = within(again)
      .getAllByRole('status')
      .find((region) => within(region).queryByText('The rules of web-prod were restored'));
    expect(announced).toHaveAttribute('aria-live', 'polite');
    expect(success).toBeVisible();
    expect(
      within(again).getByText(
        /^\+\d+ added, −\d+ removed, \d+ changed\. The result was verified against ECS\.$/,
      ),
    ).toBeInTheDocument();
    expect(within(again).queryByText(/ · running$/)).not.toBeInTheDocument();
    expect(within(again).getAllByText(/ · applied$/).length).toBeGreaterThan(0);
    unmountReloaded();
  });

  it('answers a second restore of the same source with the running one, and follows it', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, BACKUP);
    await findSummary(dialog);
    await typeNameIfAsked(user, dialog);
    const ok = within(dialog).getByRole('button', { name: 'OK' });
    await waitFor(() => expect(ok).toBeEnabled());

    // Someone else (another tab) starts a restore of web-prod meanwhile.
    const sourceId = await groupIdByName(stack().app, 'cn-hangzhou', 'web-prod');
    const destinationId = await groupIdByName(stack().app, 'cn-hangzhou', BACKUP);
    const base = `/api/regions/cn-hangzhou/security-groups/${sourceId}`;
    const body = {
      destinationId,
      mode: 'partially',
      options: { recreateSystemRules: false, retargetSelfReferences: false },
    };
    const preview = (await (
      await stack().app.request(`${base}/restore-preview`, jsonInit('POST', body))
    ).json()) as PreviewResponse;
    stack().emulator.setLatency(SLOW_ECS_MS);
    const started = await stack().app.request(
      `${base}/restores`,
      jsonInit('POST', { ...body, ...confirmedBy(preview) }),
    );
    expect(started.status).toBe(202);
    const { restoreId } = (await started.json()) as { restoreId: string };

    await user.click(ok);
    const notice = await within(dialog).findByText(
      /^A restore of this group is already running/,
      {},
      { timeout: 10_000 },
    );
    expect(notice).toHaveTextContent(restoreId);
    expect(within(dialog).getByRole('button', { name: 'OK' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Show its progress' }));

    expect(
      await within(dialog).findByText(
        /^(Step \d of \d applied|Waiting to start|Checking the result)|The rules of web-prod were restored/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(
      await within(dialog).findByText(
        'The rules of web-prod were restored',
        {},
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    // Only the first restore ran.
    const detail = await waitForRestore(stack().app, restoreId);
    expect(detail.status).toBe('succeeded');
    const list = (await (
      await stack().app.request(`/api/restores?sourceId=${sourceId}`)
    ).json()) as {
      restores: unknown[];
    };
    expect(list.restores).toHaveLength(1);
  });
});
