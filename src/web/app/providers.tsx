import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider, type ThemeConfig } from 'antd';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useLanguage } from '../i18n/language-store';
import { antdLocale } from '../i18n/locales';
import { ToastProvider } from '../components/toast';
import { readCspNonce } from '../lib/csp-nonce';
import { BackgroundErrorToast } from './background-error-toast';
import { withAppTheme } from './theme';

interface AppProvidersProps {
  queryClient: QueryClient;
  /** Extra theme settings on top of the app theme, e.g. `{ token: { motion: false } }` in tests. */
  theme?: ThemeConfig;
  children: ReactNode;
}

/** antd (locale, CSP nonce, theme), toasts, and TanStack Query. */
export function AppProviders({ queryClient, theme, children }: AppProvidersProps) {
  const language = useLanguage();
  const [nonce] = useState(readCspNonce);
  const merged = useMemo(() => withAppTheme(theme), [theme]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <ConfigProvider
      locale={antdLocale(language)}
      csp={nonce ? { nonce } : undefined}
      theme={merged}
      button={{ autoInsertSpace: false }}
    >
      <ToastProvider>
        <QueryClientProvider client={queryClient}>
          <BackgroundErrorToast />
          {children}
        </QueryClientProvider>
      </ToastProvider>
    </ConfigProvider>
  );
}
