import { EcsApiError, fail } from '../errors';
import { indexedValues, required } from '../params';
import type { Action } from './context';

/** DescribeSecurityGroupReferences takes at most this many SecurityGroupId.N. */
const MAX_GROUPS = 10;

/**
 * DescribeSecurityGroupReferences: for each SecurityGroupId.N (1–10), the other groups of the
 * region whose rules (either direction) reference it, each with its owner's AliUid. A group
 * referenced by none is listed with an empty list. ECS-API.md does not say how an unknown group
 * is answered; the emulator answers InvalidSecurityGroupId.NotFound, as the other group actions do.
 */
export const describeSecurityGroupReferences: Action = (ctx, params) => {
  const region = ctx.state.region(required(params, 'RegionId'));
  const ids = indexedValues(params, 'SecurityGroupId');
  if (ids.length === 0) throw fail.missing('SecurityGroupId.N');
  if (ids.length > MAX_GROUPS) {
    throw new EcsApiError(
      400,
      'InvalidParameter.SecurityGroupId',
      `At most ${MAX_GROUPS} security group IDs can be specified.`,
    );
  }
  for (const id of ids) {
    if (!/^sg-[a-z0-9]+$/i.test(id)) {
      throw fail.invalid(
        'InvalidSecurityGroupId.Malformed',
        `The specified SecurityGroupId "${id}" is not valid.`,
      );
    }
    ctx.state.group(region.regionId, id);
  }
  const groups = ctx.state.groups(region.regionId);
  return {
    RequestId: ctx.requestId,
    SecurityGroupReferences: {
      SecurityGroupReference: [...new Set(ids)].map((id) => ({
        SecurityGroupId: id,
        ReferencingSecurityGroups: {
          ReferencingSecurityGroup: groups
            .filter((g) => g.id !== id && g.rules.some((r) => r.groupId === id))
            .map((g) => ({ SecurityGroupId: g.id, AliUid: ctx.options.accountId })),
        },
      })),
    },
  };
};
