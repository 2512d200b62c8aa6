import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportRequest } from '../../../../server/contract';
import { apiClient, read, withSignal } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The snapshots the picker offers: the region's newest, imports included. */
const SNAPSHOTS_OFFERED = 100;

const snapshotsKey = (region: string) =>
  [...queryKeys.all, 'snapshots', region, 'offered'] as const;

export const destinationQueries = {
  /** A region's newest snapshots (any group, any kind), as restore destinations. */
  snapshots: (region: string) =>
    queryOptions({
      queryKey: snapshotsKey(region),
      queryFn: ({ signal }) =>
        read(
          apiClient().snapshots.$get(
            { query: { regionId: region, limit: String(SNAPSHOTS_OFFERED) } },
            withSignal(signal),
          ),
        ),
    }),
};

/** Sends a file's text to be imported as a snapshot; the offered snapshots then include it. */
export function useImportFile(region: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ImportRequest) =>
      read(apiClient().regions[':region'].imports.$post({ param: { region }, json: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: snapshotsKey(region) }),
  });
}
