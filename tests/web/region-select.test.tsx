import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { chooseOption } from './choose-option';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

/** Opens the top bar's region selector and picks a region by its local name. */
async function pickRegion(user: ReturnType<typeof renderApp>['user'], localName: string) {
  await chooseOption(user, screen.getByRole('combobox', { name: 'Region' }), localName);
}

describe('Region selector', () => {
  it('reloads the list for the picked region, puts it in the URL and remembers it across visits', async () => {
    const { user, router, unmount } = renderApp('/security-groups?region=cn-hangzhou');
    const table = await screen.findByRole(
      'table',
      { name: 'Security Groups' },
      { timeout: 15_000 },
    );
    expect(await within(table).findByText('web-prod-backup-20261120')).toBeInTheDocument();

    await pickRegion(user, 'China (Shanghai)');
    expect(await within(table).findByText('web-sh')).toBeInTheDocument();
    expect(within(table).queryByText('web-prod-backup-20261120')).not.toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('region')).toBe('cn-shanghai');
    expect(await screen.findByText('Page 1: 3 security groups')).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('restore-console.region') ?? '{}')).toMatchObject({
      state: { lastRegion: 'cn-shanghai' },
    });

    // A later visit to / (no region in the URL) opens the remembered region.
    unmount();
    const { router: later } = renderApp('/');
    const again = await screen.findByRole(
      'table',
      { name: 'Security Groups' },
      { timeout: 15_000 },
    );
    expect(await within(again).findByText('web-sh')).toBeInTheDocument();
    expect(new URLSearchParams(later.state.location.search).get('region')).toBe('cn-shanghai');
    await waitFor(() =>
      expect(within(screen.getByRole('banner')).getByText('China (Shanghai)')).toBeInTheDocument(),
    );
  });

  it("opens a group's rules in the chosen region, with ?region= kept and referenced groups named", async () => {
    const { user, router } = renderApp('/security-groups?region=ap-southeast-1');
    const table = await screen.findByRole(
      'table',
      { name: 'Security Groups' },
      { timeout: 15_000 },
    );
    await user.click(await within(table).findByRole('link', { name: 'Manage Rules of db-sg' }));
    expect(
      await screen.findByRole('heading', { name: 'Rules of db-sg' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('region')).toBe('ap-southeast-1');
    // The referenced group is shown by its name.
    expect(await screen.findByText(/^web-sg \(sg-/)).toBeInTheDocument();
  });

  it('says the regions are loading rather than showing the raw region ID, then names the region', async () => {
    renderApp('/security-groups?region=cn-hangzhou');
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Loading regions…')).toBeInTheDocument();
    expect(within(banner).queryByText('cn-hangzhou')).not.toBeInTheDocument();
    expect(
      await within(banner).findByText('China (Hangzhou)', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(within(banner).queryByText('Loading regions…')).not.toBeInTheDocument();
  });

  it('says when the regions could not be loaded, and loads them when the list is opened again', async () => {
    stack().msw.use(
      http.get(`${window.location.origin}/api/regions`, () => HttpResponse.error(), { once: true }),
    );
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    await screen.findByRole('table', { name: 'Security Groups' }, { timeout: 15_000 });
    const select = screen.getByRole('combobox', { name: 'Region' });
    await waitFor(() => expect(select).toHaveAttribute('aria-invalid', 'true'));
    expect(select).toHaveAccessibleDescription(
      'The regions could not be loaded. Open the list again to retry.',
    );
    // Opening it again asks again, and the regions are there to choose.
    await chooseOption(user, select, 'China (Shanghai)');
    expect(select).not.toHaveAttribute('aria-invalid');
    expect(await screen.findByText('web-sh')).toBeInTheDocument();
  });
});
