import { queryOptions } from '@tanstack/react-query';
import type { Session } from '../../../../server/contract';
import { api } from '../../../lib/api-client';

export const sessionQueries = {
  current: () =>
    queryOptions({
      queryKey: ['session'] as const,
      queryFn: ({ signal }) => api.get<Session>('/api/session', undefined, signal),
      staleTime: Infinity,
    }),
};
