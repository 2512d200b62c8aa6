import { redirect, type RouteObject } from 'react-router';
import { rememberedRegion } from '../features/regions/stores/region-store';
import { paths } from '../lib/paths';
import { AppLayout } from './app-layout';
import { GroupsRoute } from './routes/groups-route';
import { NotFoundRoute } from './routes/not-found-route';

/** The SPA's routes; the rules and history pages load as their own chunks. */
export const appRoutes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      {
        // `/` opens the Security Groups page of the URL's or the remembered region. A loader
        // redirects before anything renders; a component would render `/` first, then navigate.
        index: true,
        loader: ({ request }) =>
          redirect(
            paths.groups(new URL(request.url).searchParams.get('region') ?? rememberedRegion()),
          ),
      },
      { path: 'security-groups', element: <GroupsRoute /> },
      {
        path: 'security-groups/:groupId/rules',
        lazy: async () => ({ Component: (await import('./routes/rules-route')).RulesRoute }),
      },
      {
        path: 'history',
        lazy: async () => ({ Component: (await import('./routes/history-routes')).HistoryRoute }),
      },
      {
        path: 'history/:restoreId',
        lazy: async () => ({
          Component: (await import('./routes/history-routes')).RestoreDetailRoute,
        }),
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
