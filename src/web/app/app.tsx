import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '../lib/query-client';
import { prefetchFirstScreen } from './first-screen';
import { AppProviders } from './providers';
import { appRoutes } from './routes';

/** The whole console, in the browser. */
export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    prefetchFirstScreen(client, new URL(window.location.href));
    return client;
  });
  const [router] = useState(() => createBrowserRouter(appRoutes));
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
