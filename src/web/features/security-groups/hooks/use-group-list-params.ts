import { useCallback } from 'react';
import { useEditSearchParams } from '../../../lib/use-edit-search-params';

/**
 * Search, VPC filter and page of the groups list, all in the URL. Paging follows NextToken: the
 * URL keeps the stack of tokens that led to the current page (`token`, repeated), so Previous
 * pops one and Next pushes the page's NextToken.
 */
export function useGroupListParams() {
  const [params, update] = useEditSearchParams();
  const search = params.get('q') ?? '';
  const vpcId = params.get('vpc') ?? '';
  const tokens = params.getAll('token');

  const setSearch = useCallback(
    (value: string) =>
      update((next) => {
        if (value.trim()) next.set('q', value.trim());
        else next.delete('q');
        next.delete('token');
      }),
    [update],
  );
  const setVpcId = useCallback(
    (value: string) =>
      update((next) => {
        if (value) next.set('vpc', value);
        else next.delete('vpc');
        next.delete('token');
      }),
    [update],
  );
  const clearFilters = useCallback(
    () =>
      update((next) => {
        next.delete('q');
        next.delete('vpc');
        next.delete('token');
      }),
    [update],
  );
  const nextPage = useCallback(
    (token: string) => update((next) => next.append('token', token)),
    [update],
  );
  const previousPage = useCallback(
    () =>
      update((next) => {
        const stack = next.getAll('token').slice(0, -1);
        next.delete('token');
        for (const token of stack) next.append('token', token);
      }),
    [update],
  );
  const openRestore = useCallback(
    (groupId: string) => update((next) => next.set('restore', groupId)),
    [update],
  );

  return {
    search,
    vpcId,
    nextToken: tokens.at(-1) ?? '',
    page: tokens.length + 1,
    setSearch,
    setVpcId,
    clearFilters,
    nextPage,
    previousPage,
    openRestore,
  };
}
