/**
 * Renders the whole console (real providers, real routes) in jsdom at a URL, with a fresh
 * QueryClient (no retries) and antd motion off, against the in-process proxy of the test stack.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../../src/web/app/providers';
import { appRoutes } from '../../src/web/app/routes';
import { createQueryClient } from '../../src/web/lib/query-client';

export function renderApp(url: string) {
  const queryClient = createQueryClient({ retry: false });
  const router = createMemoryRouter(appRoutes, { initialEntries: [url] });
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient} theme={{ token: { motion: false } }}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, user, router, queryClient };
}
