import { queryOptions } from '@tanstack/react-query';
import { apiClient, read, withSignal } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Language } from '../../../i18n/language-store';

export const regionQueries = {
  /** Regions with their local names in `language`. */
  list: (language: Language) =>
    queryOptions({
      queryKey: queryKeys.regions(language),
      queryFn: ({ signal }) =>
        read(apiClient().regions.$get({ query: { language } }, withSignal(signal))).then(
          (r) => r.regions,
        ),
      staleTime: 60 * 60_000,
    }),
};
