import { ProtectedSourcesPage } from '../../features/settings/components/protected-sources-page';

/** The protected sources editor (its own lazy chunk). */
export function ProtectedSourcesRoute() {
  return <ProtectedSourcesPage />;
}
