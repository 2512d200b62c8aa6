import { EcsApiError, fail } from '../errors';
import { indexedObjects, required } from '../params';
import { DEFAULT_RESOURCE_GROUP_ID } from '../seed';
import type { Params } from '../types';
import { isoSeconds } from '../wire';
import type { Action } from './context';

const MAX_TAGS = 20;
const URL_START = /^https?:\/\//i;
/** The SDK's remark: 2–128 characters, a letter first, then letters, digits, `:` `_` `.` `-`. */
const NAME = /^\p{L}[\p{L}\p{N}:_.-]{1,127}$/u;

function checkName(name: string): void {
  if (!NAME.test(name) || URL_START.test(name)) {
    throw fail.invalid(
      'InvalidSecurityGroupName.Malformed',
      'The SecurityGroupName must be 2 to 128 characters, start with a letter and contain only letters, digits, colons, underscores, periods and hyphens.',
    );
  }
}

function checkDescription(description: string): void {
  if (description.length < 2 || description.length > 256 || URL_START.test(description)) {
    throw fail.invalid(
      'InvalidDescription.Malformed',
      'The Description must be 2 to 256 characters and cannot start with http:// or https://.',
    );
  }
}

// ECS-API.md names no codes for bad tags; these follow ECS's Invalid<Field>.Malformed pattern.
function tagsOf(params: Params): Array<{ key: string; value: string }> {
  const tags = indexedObjects(params, 'Tag');
  if (tags.length > MAX_TAGS)
    throw fail.invalid('InvalidTags.TooMany', `At most ${MAX_TAGS} tags can be specified.`);
  return tags.map((tag) => {
    const key = tag.Key ?? '';
    const value = tag.Value ?? '';
    if (key === '' || key.length > 128 || /^(aliyun|acs:)/i.test(key) || /https?:\/\//i.test(key))
      throw fail.invalid('InvalidTagKey.Malformed', `The tag key "${key}" is not valid.`);
    if (value.length > 128 || /https?:\/\//i.test(value))
      throw fail.invalid('InvalidTagValue.Malformed', `The tag value "${value}" is not valid.`);
    return { key, value };
  });
}

/**
 * CreateSecurityGroup: a new group with no rules, in the VPC given (absent: the classic
 * network), normal or enterprise, idempotent under its ClientToken (a replay answers the same
 * SecurityGroupId and creates nothing). Advanced groups exist only in VPCs.
 */
export const createSecurityGroup: Action = (ctx, params) => {
  const region = ctx.state.region(required(params, 'RegionId'));
  return ctx.tokens.run(`${ctx.action}|${region.regionId}`, params, () => {
    const name = params.SecurityGroupName ?? '';
    if (name !== '') checkName(name);
    const description = params.Description ?? '';
    if (description !== '') checkDescription(description);
    const type = params.SecurityGroupType || 'normal';
    if (type !== 'normal' && type !== 'enterprise') {
      throw fail.invalid(
        'InvalidParameter.SecurityGroupType',
        `The specified SecurityGroupType "${type}" is not valid: use normal or enterprise.`,
      );
    }
    const vpcId = params.VpcId ?? '';
    if (vpcId !== '' && !ctx.state.hasVpc(region.regionId, vpcId))
      throw fail.notFound(
        'InvalidVpcId.NotFound',
        `The specified VpcId "${vpcId}" does not exist.`,
      );
    if (vpcId === '' && type === 'enterprise') {
      // Made up: ECS-API.md names no code for an advanced group in the classic network.
      throw new EcsApiError(
        400,
        'InvalidSecurityGroupType.ClassicNetworkNotSupported',
        'Advanced security groups can only be created in a VPC.',
      );
    }
    const tags = tagsOf(params);
    let id = ctx.ids.resourceId(`sg-${region.idPrefix}`);
    while (ctx.state.findGroup(region.regionId, id))
      id = ctx.ids.resourceId(`sg-${region.idPrefix}`);
    ctx.state.putGroup({
      id,
      regionId: region.regionId,
      name,
      description,
      vpcId,
      type,
      creationTime: isoSeconds(ctx.now()),
      serviceManaged: false,
      resourceGroupId: params.ResourceGroupId || DEFAULT_RESOURCE_GROUP_ID,
      // Advanced groups do not let their members talk to each other unless a rule says so.
      innerAccessPolicy: type === 'enterprise' ? 'Drop' : 'Accept',
      tags,
      rules: [],
    });
    return { RequestId: ctx.requestId, SecurityGroupId: id };
  });
};
