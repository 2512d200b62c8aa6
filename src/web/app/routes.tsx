import type { RouteObject } from 'react-router';
import { AppLayout } from './app-layout';
import { GroupsRoute } from './routes/groups-route';
import { HomeRoute } from './routes/home-route';
import { NotFoundRoute } from './routes/not-found-route';

/** The SPA's routes; the rules and history pages load as their own chunks. */
export const appRoutes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRoute /> },
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
