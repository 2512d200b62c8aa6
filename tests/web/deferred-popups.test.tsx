/**
 * antd's Tooltip and Popover load after the first screen, with its Select and Input
 * (src/web/components/deferred-antd.ts). A tooltip for an error must still appear, and the phone
 * menu pressed before antd's Popover arrives must open when it does, with the focus kept.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RegionView, Session } from '../../src/server/contract';

/** Fresh copies of the console's modules, with antd's deferred parts not loaded yet. */
async function freshModules() {
  vi.resetModules();
  const antd = await import('../../src/web/components/deferred-antd');
  const { DeferredTooltip } = await import('../../src/web/components/deferred-tooltip');
  const { TopBarMenu } = await import('../../src/web/app/top-bar-menu');
  const { AppProviders } = await import('../../src/web/app/providers');
  const { createQueryClient } = await import('../../src/web/lib/query-client');
  const { regionQueries } = await import('../../src/web/features/regions/api/region-queries');
  const { sessionQueries } = await import('../../src/web/features/session/api/session-queries');
  const { MemoryRouter } = await import('react-router');
  return {
    MemoryRouter,
    ...antd,
    DeferredTooltip,
    TopBarMenu,
    AppProviders,
    createQueryClient,
    regionQueries,
    sessionQueries,
  };
}

const session: Session = { mode: 'emulator', ruleLimit: 200, batchSize: 50, loginRequired: false };
const regions: RegionView[] = [
  {
    regionId: 'cn-hangzhou',
    localName: 'China (Hangzhou)',
    endpoint: 'ecs.cn-hangzhou.aliyuncs.com',
    status: 'available',
  },
];

describe('antd popups loaded after the first screen', () => {
  it('a tooltip with nothing to say leaves its child alone; one with a title shows once antd has it', async () => {
    const { DeferredTooltip, AppProviders, createQueryClient } = await freshModules();
    const queryClient = createQueryClient({ retry: false });
    const { rerender } = render(
      <AppProviders queryClient={queryClient} theme={{ token: { motion: false } }}>
        <DeferredTooltip title={undefined}>
          <span>Watched</span>
        </DeferredTooltip>
      </AppProviders>,
    );
    expect(screen.getByText('Watched')).toBeInTheDocument();
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

    rerender(
      <AppProviders queryClient={queryClient} theme={{ token: { motion: false } }}>
        <DeferredTooltip title="The last read failed" open>
          <span>Watched</span>
        </DeferredTooltip>
      </AppProviders>,
    );
    // The title asks for antd's Tooltip by itself: nothing else loads it here.
    expect(await screen.findByRole('tooltip')).toHaveTextContent('The last read failed');
    expect(screen.getByText('Watched')).toBeInTheDocument();
  });

  it('the phone menu pressed before antd Popover arrives opens with the selectors, focus kept', async () => {
    const {
      TopBarMenu,
      AppProviders,
      createQueryClient,
      regionQueries,
      sessionQueries,
      loadAntdInputs,
      MemoryRouter,
    } = await freshModules();
    const queryClient = createQueryClient({ retry: false });
    queryClient.setQueryData(sessionQueries.current().queryKey, session);
    queryClient.setQueryData(regionQueries.list('en-US').queryKey, regions);
    const user = userEvent.setup();
    render(
      <AppProviders queryClient={queryClient} theme={{ token: { motion: false } }}>
        <MemoryRouter initialEntries={['/security-groups?region=cn-hangzhou']}>
          <TopBarMenu />
        </MemoryRouter>
      </AppProviders>,
    );
    const early = screen.getByRole('button', { name: 'Region, language and session' });
    // Focus and press in one go, before the load they start can finish (a pointer's press
    // gives antd time to arrive between its events, which makes it antd's press).
    act(() => early.focus());
    fireEvent.click(early);
    expect(early).toHaveAttribute('aria-expanded', 'true');

    await act(loadAntdInputs);
    const menuButton = screen.getByRole('button', { name: 'Region, language and session' });
    expect(menuButton).toHaveFocus();
    expect(await screen.findByRole('combobox', { name: 'Region' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Language' })).toBeInTheDocument();

    // From here on it is antd's Popover: pressing again closes it.
    await user.click(menuButton);
    expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  });
});
