import { fail } from '../errors';
import type { IdSequence } from '../ids';
import type { ClientTokens } from '../idempotency';
import { required } from '../params';
import type { EmulatorState } from '../state';
import type { Params, StoredGroup, WireDirection } from '../types';

export interface ResolvedOptions {
  ruleLimit: number;
  /** Rules summed over all groups of one network interface (a prefix-list rule counts MaxEntries). */
  eniRuleLimit: number;
  priorityIsIdentity: boolean;
  accountId: string;
}

/** What an action needs: the state, the options, this call's RequestId, and the ID/token helpers. */
export interface ActionContext {
  action: string;
  state: EmulatorState;
  options: ResolvedOptions;
  ids: IdSequence;
  tokens: ClientTokens;
  requestId: string;
  now: () => number;
}

export type Action = (ctx: ActionContext, params: Params) => Record<string, unknown>;

/** RegionId + SecurityGroupId → the group, with the ECS errors for each way that can fail. */
export function existingGroup(ctx: ActionContext, params: Params): StoredGroup {
  const region = ctx.state.region(required(params, 'RegionId'));
  const groupId = required(params, 'SecurityGroupId');
  if (!/^sg-[a-z0-9]+$/i.test(groupId)) {
    throw fail.invalid(
      'InvalidSecurityGroupId.Malformed',
      `The specified SecurityGroupId "${groupId}" is not valid.`,
    );
  }
  return ctx.state.group(region.regionId, groupId);
}

/** As existingGroup, and the group may be changed (service-managed groups may not). */
export function writableGroup(ctx: ActionContext, params: Params): StoredGroup {
  const group = existingGroup(ctx, params);
  if (group.serviceManaged) {
    throw fail.forbidden(
      'InvalidOperation.ResourceManagedByCloudProduct',
      'The security group is managed by a cloud product and cannot be modified.',
    );
  }
  return group;
}

/** The not-found answer for a rule ID differs by direction (ECS-API.md, Revoke). */
export function ruleNotFound(direction: WireDirection, ruleId: string) {
  return direction === 'ingress'
    ? fail.invalid(
        'InvalidParam.SecurityGroupRuleId',
        `The specified SecurityGroupRuleId "${ruleId}" does not exist.`,
      )
    : fail.invalid(
        'InvalidSecurityGroupRule.RuleNotExist',
        `The specified security group rule "${ruleId}" does not exist.`,
      );
}

/** Runs a write under its ClientToken (scoped to action, region and group). */
export function idempotent(
  ctx: ActionContext,
  group: StoredGroup,
  params: Params,
  apply: () => void,
): Record<string, unknown> {
  return ctx.tokens.run(`${ctx.action}|${group.regionId}|${group.id}`, params, () => {
    apply();
    return { RequestId: ctx.requestId };
  });
}
