import type { QueryClient } from '@tanstack/react-query';
import { regionQueries } from '../features/regions/api/region-queries';
import { rememberedRegion } from '../features/regions/stores/region-store';
import { sessionQueries } from '../features/session/api/session-queries';
import { currentLanguage } from '../i18n/language-store';
import { groupQueries } from '../lib/group-queries';
import { paths } from '../lib/paths';
import { snapshotQueries } from '../lib/snapshot-queries';

/**
 * Starts the requests of the screen the console opens on, together, before React renders. Left
 * to the components they went out one after another (session, then regions once the top bar had
 * rendered, then the groups list), each behind a round trip and a render: on Lighthouse's
 * throttled phone the list arrived last and its rendering was most of the blocking time.
 * The query options are the pages' own, so the pages find the answers in the cache.
 */
export function prefetchFirstScreen(client: QueryClient, url: URL): Promise<void> {
  const started = [
    client.prefetchQuery(sessionQueries.current()),
    client.prefetchQuery(regionQueries.list(currentLanguage())),
  ];

  if (url.pathname === '/security-groups') {
    const params = url.searchParams;
    const region = params.get('region') ?? rememberedRegion();
    const filters = {
      search: params.get('q') ?? '',
      vpcId: params.get('vpc') ?? '',
      nextToken: params.getAll('token').at(-1) ?? '',
    };
    started.push(client.prefetchQuery(groupQueries.page(region, filters)));
    started.push(client.prefetchQuery(groupQueries.all(region)));
    // Each row shows its group's watch: asked by the rows, the list went out only after the
    // first render, one more round trip before the page was complete.
    started.push(client.prefetchQuery(snapshotQueries.watches()));
  }
  return Promise.all(started).then(() => undefined);
}

/** Where `/` leads: the Security Groups page of the URL's or the remembered region. */
export function homePath(url: URL): string {
  return paths.groups(url.searchParams.get('region') ?? rememberedRegion());
}
