/**
 * `<link rel="preload" as="fetch">` for the API reads of the screen the console opens on, so the
 * browser asks for them while it downloads the app's scripts instead of after running them (on a
 * slow phone those reads came one script download and one start-up later). Each URL must be
 * exactly the one the web app's typed client asks for (src/web/app/first-screen.ts), or the
 * browser fetches it twice: same path, same query parameters in the same order.
 *
 * `crossorigin` (anonymous) is a same-origin fetch with cookies, as the app's own fetch is.
 */

/** Region IDs as ECS spells them; anything else gets no preload (it is put in a URL and HTML). */
const REGION_ID = /^[a-z]{2}(?:-[a-z0-9]+)+$/;

/** Groups per page of the Security Groups list, and per request when reading them all. */
const GROUP_PAGE_SIZE = '20';
const ALL_GROUPS_PAGE_SIZE = '100';

/**
 * The language the app starts in when none was chosen: its browser's (`navigator.language`,
 * which the browser also sends first in Accept-Language). A chosen one lives in the browser's
 * storage, which the server cannot see; then this one preload misses and is fetched again.
 */
function startLanguage(acceptLanguage: string | undefined): 'en-US' | 'zh-CN' {
  return acceptLanguage?.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

function query(entries: [string, string | null][]): string {
  const params = new URLSearchParams();
  for (const [name, value] of entries) if (value) params.append(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The API paths (with their queries) the first screen at `url` reads: the session and the
 * regions everywhere, and on the Security Groups page (or `/` with a region) the page of groups,
 * the first page of all groups (the VPC filter) and the watch list.
 */
export function firstScreenReads(url: URL, acceptLanguage: string | undefined): string[] {
  const reads = [
    '/api/session',
    `/api/regions${query([['language', startLanguage(acceptLanguage)]])}`,
  ];
  const region = url.searchParams.get('region');
  const groupsPage = url.pathname === '/' || url.pathname === '/security-groups';
  if (!groupsPage || !region || !REGION_ID.test(region)) return reads;
  const groups = `/api/regions/${region}/security-groups`;
  // `/` goes to the unfiltered list; the list's own URL may carry a search, a VPC and a page.
  const filters = url.pathname === '/' ? new URLSearchParams() : url.searchParams;
  reads.push(
    groups +
      query([
        ['search', filters.get('q')],
        ['vpcId', filters.get('vpc')],
        ['nextToken', filters.getAll('token').at(-1) ?? null],
        ['pageSize', GROUP_PAGE_SIZE],
      ]),
    `${groups}${query([['pageSize', ALL_GROUPS_PAGE_SIZE]])}`,
    '/api/watches',
  );
  return reads;
}

function attribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** The preload elements of `firstScreenReads`, one a line. */
export function firstScreenPreloadTags(url: URL, acceptLanguage: string | undefined): string {
  return firstScreenReads(url, acceptLanguage)
    .map((read) => `\n    <link rel="preload" as="fetch" crossorigin href="${attribute(read)}" />`)
    .join('');
}
