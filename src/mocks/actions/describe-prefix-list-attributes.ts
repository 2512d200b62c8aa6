import { fail } from '../errors';
import { required } from '../params';
import type { Action } from './context';

/** DescribePrefixListAttributes: one prefix list with its MaxEntries and entries. */
export const describePrefixListAttributes: Action = (ctx, params) => {
  const region = ctx.state.region(required(params, 'RegionId'));
  const id = required(params, 'PrefixListId');
  const list = ctx.state.prefixList(region.regionId, id);
  if (!list) {
    throw fail.notFound(
      'InvalidPrefixListId.NotFound',
      `The specified prefix list "${id}" does not exist.`,
    );
  }
  return {
    RequestId: ctx.requestId,
    PrefixListId: list.id,
    PrefixListName: list.name,
    AddressFamily: list.addressFamily,
    MaxEntries: list.maxEntries,
    Description: list.description,
    CreationTime: list.creationTime,
    Entries: {
      Entry: list.entries.map((e) => ({ Cidr: e.cidr, Description: e.description })),
    },
  };
};
