/**
 * Prints the CSS that antd's CSS-in-JS generates for the console's first screen, the Security
 * Groups page, by rendering that page on the server with sample data, followed by antd's
 * cache-path rule, which tells antd in the browser that these styles are already in a stylesheet
 * so it neither computes nor injects them again. On a throttled phone that computing was about a
 * third of the first screen's main-thread time.
 *
 * Run by the build (scripts/vite-first-screen-css.ts) with NODE_ENV=production, so the class
 * hashes are those of the built app. Anything not on this screen is still styled at run time.
 */
import { renderToString } from 'react-dom/server';
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { Typography } from 'antd';
import { MemoryRouter } from 'react-router';
import type {
  GroupListResponse,
  RegionView,
  SecurityGroupView,
  Session,
} from '../src/server/contract';
import { AppProviders } from '../src/web/app/providers';
import { AppRoutes } from '../src/web/app/routes';
import { loadAntdInputs } from '../src/web/components/deferred-antd';
import { regionQueries } from '../src/web/features/regions/api/region-queries';
import { sessionQueries } from '../src/web/features/session/api/session-queries';
import { currentLanguage } from '../src/web/i18n/language-store';
import { groupQueries } from '../src/web/lib/group-queries';
import { createQueryClient } from '../src/web/lib/query-client';

const REGION = 'cn-hangzhou';
const session: Session = { mode: 'emulator', ruleLimit: 200, batchSize: 50, loginRequired: false };
const regions: RegionView[] = [
  {
    regionId: REGION,
    localName: 'China (Hangzhou)',
    endpoint: 'ecs.cn-hangzhou.aliyuncs.com',
    status: 'available',
  },
];
// One group of each kind, so every element a row can hold (a service-managed tag) is rendered.
const groups: SecurityGroupView[] = [
  {
    id: 'sg-sample1',
    name: 'web',
    regionId: REGION,
    vpcId: 'vpc-sample1',
    type: 'normal',
    description: '',
    creationTime: '2026-01-01T00:00:00Z',
    ruleCount: 1,
    serviceManaged: false,
  },
  {
    id: 'sg-sample2',
    name: 'managed',
    regionId: REGION,
    vpcId: 'vpc-sample1',
    type: 'enterprise',
    description: '',
    creationTime: '2026-01-01T00:00:00Z',
    ruleCount: 1,
    serviceManaged: true,
  },
];
const page: GroupListResponse = { groups, nextToken: 'next' };

const queryClient = createQueryClient();
queryClient.setQueryData(sessionQueries.current().queryKey, session);
queryClient.setQueryData(regionQueries.list(currentLanguage()).queryKey, regions);
queryClient.setQueryData(
  groupQueries.page(REGION, { search: '', vpcId: '', nextToken: '' }).queryKey,
  page,
);
queryClient.setQueryData(groupQueries.all(REGION).queryKey, groups);

// The boxes the first screen draws at rest until antd's Select and Input load: their styles
// belong here too.
await loadAntdInputs();
const cache = createCache();
const html = renderToString(
  <StyleProvider cache={cache}>
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[`/security-groups?region=${REGION}`]}>
        <AppRoutes />
      </MemoryRouter>
      {/* The first screen draws its texts with antd's Typography classes
          (src/web/components/plain-typography.tsx): the styles come from the component. */}
      <Typography.Text>styles</Typography.Text>
    </AppProviders>
  </StyleProvider>,
);
// A page that failed to render would give styles for an error screen: stop the build instead.
if (!html.includes('sg-sample2')) {
  console.error('first-screen-styles: the Security Groups page did not render its rows');
  process.exit(1);
}
// With the components' CSS variables: the boxes drawn before antd's Select and Input load
// (src/web/components/deferred-*.tsx) have no component at run time to declare them.
process.stdout.write(extractStyle(cache, { plain: true, types: ['style', 'cssVar'] }));
