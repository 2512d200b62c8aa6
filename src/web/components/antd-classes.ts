import { useContext } from 'react';
import { ConfigProvider, theme } from 'antd';

/**
 * The classes antd 6 puts on a component's element for its styles: the prefix (`ant`), the
 * theme's hash class, and the class of the theme's CSS variables. The last one antd's public
 * `theme.useToken()` does not return correctly, so it is read where antd reads it, with antd's
 * own default. For markup drawn without the component (deferred-*.tsx, plain-typography.tsx).
 */
export function useAntdClasses(): {
  prefixCls: (component: string) => string;
  hashId: string;
  cssVarCls: string;
} {
  const { getPrefixCls } = useContext(ConfigProvider.ConfigContext);
  const { hashId } = theme.useToken();
  const { cssVar } = useContext(theme._internalContext);
  return { prefixCls: getPrefixCls, hashId, cssVarCls: cssVar?.key ?? 'css-var-root' };
}
