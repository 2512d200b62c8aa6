import { screen, within } from '@testing-library/react';
import { firstScreenReads } from '../../src/server/first-screen-preloads';
import { homePath, prefetchFirstScreen } from '../../src/web/app/first-screen';
import { rememberedRegion } from '../../src/web/features/regions/stores/region-store';
import { createQueryClient } from '../../src/web/lib/query-client';
import { renderApp, stackPerTest } from './render-app';
import { logApiRequests, type LoggedRequest } from './request-log';

const stack = stackPerTest();
/** The console's API requests, as "path?query", in the order they went out. */
let log: LoggedRequest[];
const requests = () => log.map((entry) => entry.path);
beforeEach(() => {
  log = logApiRequests(stack());
});

const LIST = '/api/regions/cn-shanghai/security-groups?';

describe('First screen', () => {
  it('asks for the session, the regions, the groups and the watches at once, and the page reads them from the cache', async () => {
    const queryClient = createQueryClient({ retry: false });
    const url = new URL(`${window.location.origin}/security-groups?region=cn-shanghai&q=web`);
    const answered = prefetchFirstScreen(queryClient, url);
    // All five are in flight before anything has rendered or answered.
    const fetching = queryClient
      .getQueryCache()
      .findAll({ fetchStatus: 'fetching' })
      .map((query) => query.queryKey[1]);
    expect(fetching.sort()).toEqual(['groups', 'groups', 'regions', 'session', 'watches']);
    // The promise main.tsx waits on settles once every answer is in the cache.
    await answered;
    expect(
      queryClient
        .getQueryCache()
        .findAll()
        .map((query) => query.state.status),
    ).toEqual(['success', 'success', 'success', 'success', 'success']);

    renderApp(url.pathname + url.search, { queryClient });
    const table = await screen.findByRole('table', { name: 'Security Groups' });
    expect(await within(table).findByText('web-sh')).toBeInTheDocument();
    expect(await screen.findByText(/^Page 1: \d+ security groups$/)).toBeInTheDocument();

    // One request each: the page's queries are the prefetched ones, not a second round.
    expect(requests().filter((r) => r.startsWith('/api/session'))).toHaveLength(1);
    expect(requests().filter((r) => r.startsWith('/api/regions?'))).toHaveLength(1);
    expect(requests().filter((r) => r.startsWith(LIST) && r.includes('search=web'))).toHaveLength(
      1,
    );
    expect(requests().filter((r) => r.startsWith(LIST) && !r.includes('search='))).toHaveLength(1);
    expect(requests().filter((r) => r === '/api/watches')).toHaveLength(1);
  });

  it("leads / to the groups of the URL's region, else of the remembered one, without filters", () => {
    const at = (path: string) => homePath(new URL(window.location.origin + path));
    expect(at('/?region=cn-shanghai&q=dropped')).toBe('/security-groups?region=cn-shanghai');
    expect(at('/')).toBe(`/security-groups?region=${rememberedRegion()}`);
  });

  // The server preloads these URLs from index.html; one that differs from the app's own request
  // by a parameter or its order would be fetched twice.
  it.each([
    '/?region=cn-shanghai',
    '/security-groups?region=cn-shanghai',
    '/security-groups?region=cn-shanghai&q=web&vpc=vpc-none',
    '/history',
  ])('asks at %s for exactly what the server preloads', async (path) => {
    const served = new URL(window.location.origin + path);
    const opened =
      served.pathname === '/' ? new URL(window.location.origin + homePath(served)) : served;
    await prefetchFirstScreen(createQueryClient({ retry: false }), opened);
    expect(requests().sort()).toEqual(firstScreenReads(served, navigator.language).sort());
  });

  it('asks only for the session and the regions when it opens another page', () => {
    const queryClient = createQueryClient({ retry: false });
    prefetchFirstScreen(queryClient, new URL(`${window.location.origin}/history`));
    const keys = queryClient
      .getQueryCache()
      .findAll()
      .map((query) => query.queryKey[1]);
    expect(keys.sort()).toEqual(['regions', 'session']);
  });
});
