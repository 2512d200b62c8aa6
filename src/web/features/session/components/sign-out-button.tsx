import { Button } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { DeferredTooltip } from '../../../components/deferred-tooltip';
import { useT } from '../../../i18n/use-t';
import { sessionQueries } from '../api/session-queries';
import { useSignOut } from '../api/session-mutations';

/** Top-bar sign-out, shown only on a server with CONSOLE_TOKEN while this browser is signed in. */
export function SignOutButton() {
  const t = useT();
  const { data } = useQuery(sessionQueries.current());
  const signOut = useSignOut();
  if (data?.signedIn !== true) return null;
  return (
    <DeferredTooltip
      title={signOut.isError ? `${t('app.signOutFailed')}: ${signOut.error.message}` : undefined}
      open
    >
      <Button onClick={() => signOut.mutate()} loading={signOut.isPending} danger={signOut.isError}>
        {t('app.signOut')}
      </Button>
    </DeferredTooltip>
  );
}
