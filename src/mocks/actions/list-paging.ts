import { EcsApiError, fail } from '../errors';
import { optionalInt } from '../params';
import { decodeToken, page } from '../paging';
import type { Params } from '../types';

const PAGING_KEYS = new Set(['MaxResults', 'NextToken', 'PageNumber', 'PageSize']);

/** MaxResults as the SDK remarks describe it: absent or under 10 → 10, over the maximum → the maximum. */
function clampedMaxResults(params: Params, max: number): number {
  const raw = params.MaxResults;
  if (raw === undefined || raw === '') return 10;
  if (!/^\d+$/.test(raw)) {
    throw new EcsApiError(
      400,
      'InvalidParameter.MaxResults',
      `The specified parameter "MaxResults" is not valid: "${raw}" is not an integer.`,
    );
  }
  return Math.min(max, Math.max(10, Number(raw)));
}

/** How one action pages: its maximum page sizes, and what it does with MaxResults out of range. */
export interface PagingRules {
  /** Largest MaxResults (token paging). */
  tokenMax: number;
  /** Largest PageSize (legacy paging). */
  legacyMax: number;
  /**
   * 'clamp': the SDK remarks of DescribeInstances / DescribeNetworkInterfaces (under 10 → 10, over
   * the maximum → the maximum); 'strict': DescribeSecurityGroups refuses a value outside 1..max.
   */
  maxResults: 'clamp' | 'strict';
  /** The style of a request that names neither (DescribeSecurityGroups answers legacy pages). */
  unnamed: 'token' | 'legacy';
}

/**
 * One page of a listing. With MaxResults or NextToken: token paging, the token opaque and bound to
 * the query; no TotalCount, as ECS-API.md says it is not meaningful there. Otherwise the legacy
 * PageNumber/PageSize with TotalCount. Mixing the two styles is refused.
 */
export function listPage<T>(
  params: Params,
  items: T[],
  rules: PagingRules,
): { items: T[]; fields: Record<string, unknown> } {
  const tokenStyle = params.MaxResults !== undefined || (params.NextToken ?? '') !== '';
  const legacyStyle = params.PageNumber !== undefined || params.PageSize !== undefined;
  if (tokenStyle && legacyStyle) {
    throw fail.invalid(
      'InvalidParameter',
      'MaxResults/NextToken and PageNumber/PageSize cannot be used together.',
    );
  }
  if (tokenStyle || (!legacyStyle && rules.unnamed === 'token')) {
    const size =
      rules.maxResults === 'clamp'
        ? clampedMaxResults(params, rules.tokenMax)
        : (optionalInt(params, 'MaxResults', 1, rules.tokenMax) ?? 10);
    const queryKey = JSON.stringify(
      Object.entries(params)
        .filter(([k]) => !PAGING_KEYS.has(k))
        .sort(),
    );
    const offset = params.NextToken ? decodeToken(params.NextToken, queryKey) : 0;
    const paged = page(items, offset, size, queryKey);
    return { items: paged.items, fields: { NextToken: paged.nextToken } };
  }
  const pageNumber = optionalInt(params, 'PageNumber', 1, 1_000_000) ?? 1;
  const pageSize = optionalInt(params, 'PageSize', 1, rules.legacyMax) ?? 10;
  return {
    items: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    fields: { TotalCount: items.length, PageNumber: pageNumber, PageSize: pageSize },
  };
}
