import { lazy, Suspense } from 'react';
import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../../i18n/use-t';
import { sessionQueries } from '../api/session-queries';

// The token form (antd Form) is needed only on servers with CONSOLE_TOKEN: its own chunk.
const LoginForm = lazy(async () => ({ default: (await import('./login-form')).LoginForm }));

/** Says when the server runs on the built-in ECS emulator, or needs a login. */
export function SessionBanner() {
  const t = useT();
  const { data } = useQuery(sessionQueries.current());
  if (!data) return null;
  return (
    <>
      {data.mode === 'emulator' && (
        <Alert type="info" banner showIcon title={t('app.emulatorBanner')} />
      )}
      {data.loginRequired && (
        <Suspense
          fallback={<Alert type="warning" banner showIcon title={t('app.loginRequired')} />}
        >
          <LoginForm />
        </Suspense>
      )}
    </>
  );
}
