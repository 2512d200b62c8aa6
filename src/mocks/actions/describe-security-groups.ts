import { EcsApiError, fail } from '../errors';
import { indexedObjects, optionalInt, required } from '../params';
import { decodeToken, page } from '../paging';
import type { Params, StoredGroup } from '../types';
import { toWireGroup } from '../wire';
import type { Action } from './context';
import { jsonIdList } from './id-list-param';
import { newestFirst } from './newest-first';

const PAGING_KEYS = new Set(['MaxResults', 'NextToken', 'PageNumber', 'PageSize']);

const parseIdList = (text: string): string[] => jsonIdList('SecurityGroupIds', text, 100);

function matchesFilters(group: StoredGroup, params: Params): boolean {
  const {
    VpcId,
    NetworkType,
    SecurityGroupType,
    SecurityGroupId,
    SecurityGroupName,
    SecurityGroupIds,
    ResourceGroupId,
    ServiceManaged,
  } = params;
  if (VpcId && group.vpcId !== VpcId) return false;
  if (NetworkType === 'vpc' && group.vpcId === '') return false;
  if (NetworkType === 'classic' && group.vpcId !== '') return false;
  if (SecurityGroupType && group.type !== SecurityGroupType) return false;
  if (SecurityGroupId && group.id !== SecurityGroupId) return false;
  if (SecurityGroupName) {
    const fuzzy = params.FuzzyQuery === 'true';
    const hit = fuzzy
      ? group.name.toLowerCase().includes(SecurityGroupName.toLowerCase())
      : group.name === SecurityGroupName;
    if (!hit) return false;
  }
  if (SecurityGroupIds && !parseIdList(SecurityGroupIds).includes(group.id)) return false;
  if (ResourceGroupId && group.resourceGroupId !== ResourceGroupId) return false;
  if (ServiceManaged && String(group.serviceManaged) !== ServiceManaged) return false;
  for (const tag of indexedObjects(params, 'Tag')) {
    const found = group.tags.find((t) => t.key === tag.Key);
    if (!found || (tag.Value !== undefined && tag.Value !== '' && found.value !== tag.Value))
      return false;
  }
  return true;
}

function checkFilterValues(params: Params): void {
  if (params.NetworkType && params.NetworkType !== 'vpc' && params.NetworkType !== 'classic') {
    throw new EcsApiError(
      400,
      'InvalidParameter.NetworkType',
      `The specified NetworkType "${params.NetworkType}" is not valid: use vpc or classic.`,
    );
  }
  if (
    params.SecurityGroupType &&
    params.SecurityGroupType !== 'normal' &&
    params.SecurityGroupType !== 'enterprise'
  ) {
    throw new EcsApiError(
      400,
      'InvalidParameter.SecurityGroupType',
      `The specified SecurityGroupType "${params.SecurityGroupType}" is not valid.`,
    );
  }
  if (params.SecurityGroupIds) parseIdList(params.SecurityGroupIds);
}

/**
 * DescribeSecurityGroups. Newest first. With MaxResults or NextToken: token paging (≤ 100,
 * default 10), no TotalCount. Otherwise legacy PageNumber/PageSize (≤ 50, default 10) with
 * TotalCount and no NextToken. Mixing the two styles is rejected.
 */
export const describeSecurityGroups: Action = (ctx, params) => {
  const region = ctx.state.region(required(params, 'RegionId'));
  checkFilterValues(params);
  const groups = ctx.state.groups(region.regionId).filter((g) => matchesFilters(g, params));
  const sorted = newestFirst(groups);
  const tokenStyle = params.MaxResults !== undefined || (params.NextToken ?? '') !== '';
  const legacyStyle = params.PageNumber !== undefined || params.PageSize !== undefined;
  if (tokenStyle && legacyStyle) {
    throw fail.invalid(
      'InvalidParameter',
      'MaxResults/NextToken and PageNumber/PageSize cannot be used together.',
    );
  }
  const base = { RequestId: ctx.requestId, RegionId: region.regionId };
  if (tokenStyle) {
    const size = optionalInt(params, 'MaxResults', 1, 100) ?? 10;
    const queryKey = JSON.stringify(
      Object.entries(params)
        .filter(([k]) => !PAGING_KEYS.has(k))
        .sort(),
    );
    const offset = params.NextToken ? decodeToken(params.NextToken, queryKey) : 0;
    const { items, nextToken } = page(sorted, offset, size, queryKey);
    return {
      ...base,
      NextToken: nextToken,
      SecurityGroups: { SecurityGroup: items.map(toWireGroup) },
    };
  }
  const pageNumber = optionalInt(params, 'PageNumber', 1, 1_000_000) ?? 1;
  const pageSize = optionalInt(params, 'PageSize', 1, 50) ?? 10;
  const items = sorted.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return {
    ...base,
    TotalCount: sorted.length,
    PageNumber: pageNumber,
    PageSize: pageSize,
    SecurityGroups: { SecurityGroup: items.map(toWireGroup) },
  };
};
