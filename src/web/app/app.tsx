import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { sessionQueries } from '../features/session/api/session-queries';
import { createQueryClient } from '../lib/query-client';
import { AppProviders } from './providers';
import { appRoutes } from './routes';

/** The whole console, in the browser. */
export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    // Asked before the first render, so the session banner is usually in the first paint
    // instead of pushing the page down a moment later.
    void client.prefetchQuery(sessionQueries.current());
    return client;
  });
  const [router] = useState(() => createBrowserRouter(appRoutes));
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
