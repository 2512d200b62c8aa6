import { lazy } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AppLayout } from './app-layout';
import { homePath } from './first-screen';
import { GroupsRoute } from './routes/groups-route';
import { NotFoundRoute } from './routes/not-found-route';

// Declarative routes rather than a data router: the console uses no loaders or actions, and
// react-router's data-router machinery was ~16 KB gzip of the first route.
const RulesRoute = lazy(async () => ({
  default: (await import('./routes/rules-route')).RulesRoute,
}));
const TimelineRoute = lazy(async () => ({
  default: (await import('./routes/timeline-route')).TimelineRoute,
}));
const HistoryRoute = lazy(async () => ({
  default: (await import('./routes/history-routes')).HistoryRoute,
}));
const RestoreDetailRoute = lazy(async () => ({
  default: (await import('./routes/history-routes')).RestoreDetailRoute,
}));
const ProtectedSourcesRoute = lazy(async () => ({
  default: (await import('./routes/settings-routes')).ProtectedSourcesRoute,
}));

/**
 * A link to `/` goes to the groups page of a region (the console opened at `/` is redirected by
 * main.tsx before it renders).
 */
function HomeRedirect() {
  const { search } = useLocation();
  return <Navigate replace to={homePath(new URL(`/${search}`, 'http://console.invalid'))} />;
}

/** The SPA's routes; the rules, timeline, history and settings pages load as their own chunks. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomeRedirect />} />
        <Route path="security-groups" element={<GroupsRoute />} />
        <Route path="security-groups/:groupId/rules" element={<RulesRoute />} />
        <Route path="security-groups/:groupId/timeline" element={<TimelineRoute />} />
        <Route path="history" element={<HistoryRoute />} />
        <Route path="history/:restoreId" element={<RestoreDetailRoute />} />
        <Route path="settings/protected-sources" element={<ProtectedSourcesRoute />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
