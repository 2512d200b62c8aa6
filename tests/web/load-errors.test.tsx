import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

/** Renders the groups list and waits for its first page. */
async function loadedGroups() {
  const view = renderApp('/security-groups?region=cn-hangzhou');
  const table = await screen.findByRole('table', { name: 'Security Groups' }, { timeout: 15_000 });
  await within(table).findByText('web-prod-backup-20261120');
  return { ...view, table };
}

const LOAD_ERROR = 'The security groups could not be loaded.';

/** The error alert whose title is `title` (the emulator banner is an alert too). */
async function findErrorAlert(title: string): Promise<HTMLElement> {
  await screen.findByText(title, {}, { timeout: 10_000 });
  const alert = screen
    .getAllByRole('alert')
    .find((candidate) => within(candidate).queryByText(title));
  if (!alert) throw new Error(`"${title}" is not inside an alert`);
  return alert;
}

describe('Load errors', () => {
  it('says the console server cannot be reached, and Retry loads the list', async () => {
    const { user } = await loadedGroups();
    // The network edge: the next request to the proxy fails as a dropped connection would.
    stack().msw.use(
      http.all(`${window.location.origin}/api/*`, () => HttpResponse.error(), { once: true }),
    );
    await user.type(
      screen.getByRole('searchbox', { name: 'Search security groups' }),
      'web-prod{Enter}',
    );

    const alert = await findErrorAlert(LOAD_ERROR);
    expect(within(alert).getByText(/The console server cannot be reached\./)).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    const table = await screen.findByRole('table', { name: 'Security Groups' });
    expect(await within(table).findByText('web-prod')).toBeInTheDocument();
    expect(screen.queryByText(LOAD_ERROR)).not.toBeInTheDocument();
  });

  it('shows an ECS error as a sentence with its code and RequestId', async () => {
    const { user } = await loadedGroups();
    stack().emulator.failCall('DescribeSecurityGroups', 1, {
      code: 'Forbidden.RAM',
      status: 403,
      message: 'User not authorized to operate on the specified resource.',
    });
    await user.type(
      screen.getByRole('searchbox', { name: 'Search security groups' }),
      'web-prod{Enter}',
    );

    const alert = await findErrorAlert(LOAD_ERROR);
    expect(
      within(alert).getByText(/User not authorized to operate on the specified resource/),
    ).toBeInTheDocument();
    const failed = stack().emulator.calls.find((call) => call.code === 'Forbidden.RAM');
    expect(failed).toBeDefined();
    // The RequestId is an element of its own, kept whole, after the code.
    expect(within(alert).getByText(/^Code: Forbidden\.RAM · RequestId:$/)).toHaveTextContent(
      `Code: Forbidden.RAM · RequestId: ${failed?.requestId}`,
    );
    expect(within(alert).getByText(failed?.requestId ?? '')).toHaveClass('rr-request-id');

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await within(await screen.findByRole('table', { name: 'Security Groups' })).findByText(
        'web-prod',
      ),
    ).toBeInTheDocument();
  });

  it('keeps the stale list when a background refetch fails, and says so in a toast', async () => {
    const { user, table } = await loadedGroups();
    stack().emulator.failCall('DescribeSecurityGroups', 1, { code: 'Forbidden.RAM', status: 403 });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(
      await screen.findByText(
        /^Could not refresh the data; showing what was loaded last\..*Forbidden\.RAM/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(within(table).getByText('web-prod-backup-20261120')).toBeInTheDocument();
    expect(screen.getByText('Page 1: 20 security groups')).toBeInTheDocument();
    expect(screen.queryByText(LOAD_ERROR)).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Refresh' })).toBeEnabled());
  });
});
