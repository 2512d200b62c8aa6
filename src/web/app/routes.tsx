import { redirect, type RouteObject } from 'react-router';
import { AppLayout } from './app-layout';
import { homePath } from './first-screen';
import { GroupsRoute } from './routes/groups-route';
import { NotFoundRoute } from './routes/not-found-route';

/** The SPA's routes; the rules, timeline and history pages load as their own chunks. */
export const appRoutes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      {
        // Links to `/` redirect in a loader, before anything renders (a component would render
        // `/` first, then navigate); the console opened at `/` is redirected by main.tsx.
        index: true,
        loader: ({ request }) => redirect(homePath(new URL(request.url))),
      },
      { path: 'security-groups', element: <GroupsRoute /> },
      {
        path: 'security-groups/:groupId/rules',
        lazy: async () => ({ Component: (await import('./routes/rules-route')).RulesRoute }),
      },
      {
        path: 'security-groups/:groupId/timeline',
        lazy: async () => ({
          Component: (await import('./routes/timeline-route')).TimelineRoute,
        }),
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
      {
        path: 'settings/protected-sources',
        lazy: async () => ({
          Component: (await import('./routes/settings-routes')).ProtectedSourcesRoute,
        }),
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
