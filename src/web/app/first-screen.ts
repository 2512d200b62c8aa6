import type { QueryClient } from '@tanstack/react-query';
import { regionQueries } from '../features/regions/api/region-queries';
import { rememberedRegion } from '../features/regions/stores/region-store';
import { securityGroupQueries } from '../features/security-groups/api/security-group-queries';
import { sessionQueries } from '../features/session/api/session-queries';
import { currentLanguage } from '../i18n/language-store';

/**
 * Starts the requests of the screen the console opens on, together, before React renders. Left
 * to the components they went out one after another (session, then regions once the top bar had
 * rendered, then the groups list), each behind a round trip and a render: on Lighthouse's
 * throttled phone the list arrived last and its rendering was most of the blocking time.
 * The query options are the pages' own, so the pages find the answers in the cache.
 */
export function prefetchFirstScreen(client: QueryClient, url: URL): void {
  void client.prefetchQuery(sessionQueries.current());
  void client.prefetchQuery(regionQueries.list(currentLanguage()));

  const opensGroups = url.pathname === '/security-groups';
  // `/` redirects to the groups of the URL's or the remembered region, without filters.
  if (!opensGroups && url.pathname !== '/') return;
  const params = url.searchParams;
  const region = params.get('region') ?? rememberedRegion();
  const filters = {
    search: opensGroups ? (params.get('q') ?? '') : '',
    vpcId: opensGroups ? (params.get('vpc') ?? '') : '',
    nextToken: opensGroups ? (params.getAll('token').at(-1) ?? '') : '',
  };
  void client.prefetchQuery(securityGroupQueries.list(region, filters));
  void client.prefetchQuery(securityGroupQueries.all(region));
}
