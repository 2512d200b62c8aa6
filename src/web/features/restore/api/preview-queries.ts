import { queryOptions } from '@tanstack/react-query';
import type { PreviewParams } from '../../../../server/contract';
import { apiClient, read } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const previewQueries = {
  /**
   * The preview of restoring `sourceId` from a destination with a type and options. Keyed under
   * the source group, so a refresh of the region's groups (a restore that ended) makes it stale.
   */
  restore: (region: string, sourceId: string, params: PreviewParams) =>
    queryOptions({
      queryKey: queryKeys.preview(region, sourceId, params),
      queryFn: () =>
        read(
          apiClient().regions[':region']['security-groups'][':id']['restore-preview'].$post({
            param: { region, id: sourceId },
            json: params,
          }),
        ),
      staleTime: 0,
      refetchOnWindowFocus: false,
    }),
};
