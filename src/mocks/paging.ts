import { EcsApiError } from './errors';
import { hash32 } from './ids';

/**
 * NextToken paging. The token is opaque to callers; inside it carries the offset and a hash of
 * the query it belongs to, so a token replayed against another query is rejected as ECS would.
 * (btoa/atob rather than Buffer: the emulator also runs in a browser.)
 */
export function encodeToken(offset: number, queryKey: string): string {
  return btoa(`${offset}:${hash32(queryKey).toString(36)}`).replace(/=+$/, '');
}

export function decodeToken(token: string, queryKey: string): number {
  let decoded = '';
  try {
    decoded = atob(token);
  } catch {
    decoded = '';
  }
  const match = /^(\d+):([0-9a-z]+)$/.exec(decoded);
  if (match && match[2] === hash32(queryKey).toString(36)) return Number(match[1]);
  throw new EcsApiError(400, 'InvalidParameter.NextToken', 'The specified NextToken is not valid.');
}

/** One page of `items` from `offset`, with the token of the next page ('' on the last). */
export function page<T>(
  items: T[],
  offset: number,
  size: number,
  queryKey: string,
): { items: T[]; nextToken: string } {
  const end = offset + size;
  return {
    items: items.slice(offset, end),
    nextToken: end < items.length ? encodeToken(end, queryKey) : '',
  };
}
