import { fail } from '../errors';
import { optionalInt } from '../params';
import { decodeToken, page } from '../paging';
import { toWirePermission } from '../wire';
import { existingGroup, type Action } from './context';

/**
 * DescribeSecurityGroupAttribute: ingress rules then egress rules, each in creation order,
 * paged by MaxResults (10–1000, default 500) and NextToken. Classic groups answer one NIC type
 * per call (NicType, default internet), so a caller must ask for both; VPC groups only have
 * intranet rules and ignore NicType.
 */
export const describeSecurityGroupAttribute: Action = (ctx, params) => {
  const group = existingGroup(ctx, params);
  const direction = params.Direction || 'all';
  if (!['ingress', 'egress', 'all'].includes(direction)) {
    throw fail.invalid(
      'InvalidParameter.Direction',
      `The specified Direction "${direction}" is not valid: use ingress, egress or all.`,
    );
  }
  const nicType = (params.NicType || 'internet').toLowerCase();
  if (nicType !== 'internet' && nicType !== 'intranet') {
    throw fail.invalid(
      'InvalidNicType.ValueNotSupported',
      `The specified NicType "${params.NicType}" is not supported.`,
    );
  }
  const size = optionalInt(params, 'MaxResults', 10, 1000) ?? 500;
  const rules = [...group.rules]
    .sort((a, b) => (a.direction === b.direction ? 0 : a.direction === 'ingress' ? -1 : 1))
    .filter((r) => direction === 'all' || r.direction === direction)
    .filter((r) => group.vpcId !== '' || r.nicType === nicType);
  const queryKey = `${group.id}|${direction}|${group.vpcId === '' ? nicType : ''}`;
  const offset = params.NextToken ? decodeToken(params.NextToken, queryKey) : 0;
  const { items, nextToken } = page(rules, offset, size, queryKey);
  return {
    RequestId: ctx.requestId,
    RegionId: group.regionId,
    SecurityGroupId: group.id,
    SecurityGroupName: group.name,
    Description: group.description,
    VpcId: group.vpcId,
    InnerAccessPolicy: group.innerAccessPolicy,
    NextToken: nextToken,
    Permissions: { Permission: items.map((rule) => toWirePermission(ctx.state, group, rule)) },
  };
};
