import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useToast } from '../components/toast';
import { ApiError, NETWORK_ERROR_CODE } from '../lib/api-client';
import { useT } from '../i18n/use-t';

/**
 * When a refetch fails while data is already shown, the page keeps that stale data (TanStack
 * does) and this says so in a toast, instead of replacing the page with an error.
 */
export function BackgroundErrorToast() {
  const t = useT();
  const message = useToast();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        if (event.query.state.data === undefined) return;
        const error = event.action.error;
        const text =
          error instanceof ApiError
            ? error.code === NETWORK_ERROR_CODE
              ? t('errors.network')
              : `${error.message} (${error.code})`
            : String(error);
        void message.warning({
          content: t('app.backgroundRefreshFailed', { message: text }),
          key: 'background-refetch',
        });
      }),
    [queryClient, message, t],
  );
  return null;
}
