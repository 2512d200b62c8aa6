import { EcsApiError } from '../errors';
import { indexedObjects, required } from '../params';
import type { Params, StoredGroup } from '../types';
import { toWireGroup } from '../wire';
import type { Action } from './context';
import { jsonIdList } from './id-list-param';
import { listPage } from './list-paging';
import { newestFirst } from './newest-first';

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
  const { items, fields } = listPage(params, sorted, {
    tokenMax: 100,
    legacyMax: 50,
    maxResults: 'strict',
    unnamed: 'legacy',
  });
  return {
    RequestId: ctx.requestId,
    RegionId: region.regionId,
    ...fields,
    SecurityGroups: { SecurityGroup: items.map(toWireGroup) },
  };
};
