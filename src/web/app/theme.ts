import type { ThemeConfig } from 'antd';

/**
 * The console's antd theme: antd's default palette darkened where its text colours fall short of
 * WCAG AA (4.5:1 for normal text). Ratios are against white, the #f5f5f5 layout background and
 * each status colour's own light tint (Tag and preview-row backgrounds):
 * - primary / link / info #0958d9: 6.2:1 on white, 5.7:1 on #f5f5f5, 6.2:1 under white text;
 *   hover #1f6fe5 4.7:1, active #003eb3 9.0:1.
 * - secondary text (tertiary, description) rgba(0,0,0,0.6) = #666: 5.7:1 on white, 5.3:1 on
 *   #f5f5f5, 5.5:1 on #fafafa; placeholders rgba(0,0,0,0.56) = #707070: 4.95:1 on white.
 * - success #237804: 5.4:1 on #f6ffed; error #cf1322: 5.1:1 on #fff2f0, 5.6:1 on white and
 *   under white text (hover #d9363e 4.6:1); warning #ad4e00: 5.2:1 on #fffbe6.
 * The light tints keep antd's defaults: generated from these darker seeds they would turn grey,
 * and the green/red/amber tints are what tell added, removed and changed apart at a glance.
 */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorPrimaryHover: '#1f6fe5',
    colorPrimaryActive: '#003eb3',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorLinkHover: '#1f6fe5',
    colorLinkActive: '#003eb3',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBgHover: '#d9f7be',
    colorSuccessBorder: '#b7eb8f',
    colorSuccessBorderHover: '#95de64',
    colorError: '#cf1322',
    colorErrorHover: '#d9363e',
    colorErrorActive: '#a8071a',
    colorErrorBg: '#fff2f0',
    colorErrorBgHover: '#fff1f0',
    colorErrorBorder: '#ffccc7',
    colorErrorBorderHover: '#ffa39e',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fffbe6',
    colorWarningBgHover: '#fff1b8',
    colorWarningBorder: '#ffe58f',
    colorWarningBorderHover: '#ffd666',
  },
  // A fixed class for the theme's CSS variables (antd otherwise derives it from React's useId,
  // which differs between the build's server render and the browser): the first-screen
  // stylesheet then declares the variables of boxes drawn before their antd component loads.
  cssVar: { key: 'rr-theme' },
};

/** The app theme with extra settings (e.g. `{ token: { motion: false } }` in tests) on top. */
export function withAppTheme(extra: ThemeConfig | undefined): ThemeConfig {
  if (!extra) return appTheme;
  return {
    ...appTheme,
    ...extra,
    token: { ...appTheme.token, ...extra.token },
    components: { ...appTheme.components, ...extra.components },
  };
}
