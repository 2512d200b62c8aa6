import { Suspense } from 'react';
import { Flex, Layout, Skeleton, theme } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { RegionSelect } from '../features/regions/components/region-select';
import { useRegion } from '../features/regions/hooks/use-region';
import { SessionBanner } from '../features/session/components/session-banner';
import { SignOutButton } from '../features/session/components/sign-out-button';
import { Text } from '../components/plain-typography';
import { useT } from '../i18n/use-t';
import { paths } from '../lib/paths';
import { useNarrowScreen } from '../lib/use-narrow-screen';
import { LanguageSwitch } from './language-switch';
import { TopBarMenu } from './top-bar-menu';

/**
 * Top bar (product, navigation, region, language, sign-out), the emulator banner, and the page.
 * Below 768 px the bar takes two lines (product and menu, then navigation) and the selectors
 * fold into a menu, so a phone never scrolls sideways.
 */
export function AppLayout() {
  const t = useT();
  const { token } = theme.useToken();
  const location = useLocation();
  const [region] = useRegion();
  const narrow = useNarrowScreen();
  const selected = location.pathname.startsWith('/history')
    ? 'history'
    : location.pathname.startsWith('/settings')
      ? 'settings'
      : 'groups';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="rr-skip-link">
        {t('app.skipToContent')}
      </a>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: narrow ? 8 : 16,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: narrow ? 12 : 24,
          ...(narrow
            ? { flexWrap: 'wrap', height: 'auto', lineHeight: 'normal', paddingBlock: 8 }
            : {}),
        }}
      >
        <Text strong style={{ fontSize: 16, whiteSpace: 'nowrap', flex: narrow ? 1 : undefined }}>
          {t('app.productName')}
        </Text>
        {narrow && <TopBarMenu />}
        <nav
          aria-label={t('app.navSection')}
          style={narrow ? { flexBasis: '100%', order: 1 } : { flex: 1, minWidth: 0 }}
        >
          <Flex gap="middle" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {(
              [
                ['groups', paths.groups(region), t('app.navGroups')],
                ['history', paths.history(), t('app.navHistory')],
                ['settings', paths.protectedSources(), t('rollback.sourcesNav')],
              ] as const
            ).map(([key, to, label]) => (
              <li key={key}>
                <Link
                  to={to}
                  aria-current={selected === key ? 'page' : undefined}
                  style={{
                    fontWeight: selected === key ? token.fontWeightStrong : undefined,
                    textDecoration: selected === key ? 'underline' : undefined,
                  }}
                >
                  {label}
                </Link>
              </li>
            ))}
          </Flex>
        </nav>
        {!narrow && (
          <Flex gap="small" align="center">
            <RegionSelect />
            <LanguageSwitch />
            <SignOutButton />
          </Flex>
        )}
      </Layout.Header>
      <SessionBanner />
      <Layout.Content id="main" tabIndex={-1} style={{ padding: narrow ? 12 : 24 }}>
        <Suspense fallback={<Skeleton active />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
