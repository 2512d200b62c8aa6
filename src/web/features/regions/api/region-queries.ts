import { queryOptions } from '@tanstack/react-query';
import type { RegionView } from '../../../../server/contract';
import { api } from '../../../lib/api-client';
import type { Language } from '../../../i18n/language-store';

export const regionQueries = {
  /** Regions with their local names in `language`. */
  list: (language: Language) =>
    queryOptions({
      queryKey: ['regions', language] as const,
      queryFn: ({ signal }) =>
        api
          .get<{ regions: RegionView[] }>('/api/regions', { language }, signal)
          .then((r) => r.regions),
      staleTime: 60 * 60_000,
    }),
};
