import { checkEniQuota, ruleWeight } from '../eni-quota';
import { EcsApiError, fail } from '../errors';
import { ruleIdentity } from '../rule-identity';
import type { StoredRule, WireDirection } from '../types';
import { parsePermission } from '../validation';
import { isoSeconds } from '../wire';
import { idempotent, writableGroup, type Action } from './context';
import { permissionsOf } from './permissions-param';

/** Basic groups may hold at most this many rules that reference other groups. */
const GROUP_REFERENCE_LIMIT = 20;

/**
 * AuthorizeSecurityGroup(Egress). All permissions are validated before anything changes; a rule
 * whose identity already exists is skipped silently (ECS answers success and adds nothing, even
 * when priority or description differ, unless priorityIsIdentity); the same rule twice in one
 * call is an error. Limits: rules per group (both directions), group references in a basic
 * group, and rules per network interface. Whether ECS applies part of a call that passes a limit
 * is not documented (ECS-API.md); the emulator applies nothing, so a client that re-reads after
 * the refusal finds the group as it was.
 */
export const authorize =
  (direction: WireDirection): Action =>
  (ctx, params) => {
    const group = writableGroup(ctx, params);
    return idempotent(ctx, group, params, () => {
      const raws = permissionsOf(params);
      if (raws.length === 0) throw fail.missing('Permissions');
      const pctx = {
        state: ctx.state,
        group,
        direction,
        accountId: ctx.options.accountId,
        mode: 'authorize' as const,
      };
      const drafts = raws.map((raw) => parsePermission(raw, pctx));
      const identity = (rule: Omit<StoredRule, 'id' | 'createTime'>) =>
        ruleIdentity(rule, ctx.options.accountId, ctx.options.priorityIsIdentity);
      const inCall = new Set<string>();
      for (const draft of drafts) {
        const key = identity(draft);
        if (inCall.has(key)) {
          throw fail.invalid(
            'InvalidParam.DuplicatePermissions',
            'The same permission is specified more than once in this request.',
          );
        }
        inCall.add(key);
      }
      const existing = new Set(group.rules.map(identity));
      const fresh = drafts.filter((d) => !existing.has(identity(d)));
      if (group.rules.length + fresh.length > ctx.options.ruleLimit) {
        throw new EcsApiError(
          403,
          'AuthorizationLimitExceed',
          `The number of rules in the security group would exceed the limit of ${ctx.options.ruleLimit}.`,
        );
      }
      const references = (rules: Array<{ groupId: string }>) =>
        rules.filter((r) => r.groupId !== '').length;
      if (
        group.type === 'normal' &&
        references(fresh) > 0 &&
        references(group.rules) + references(fresh) > GROUP_REFERENCE_LIMIT
      ) {
        throw new EcsApiError(
          403,
          'AuthorizedGroupRule.LimitExceed',
          `A basic security group can hold at most ${GROUP_REFERENCE_LIMIT} rules that reference security groups.`,
        );
      }
      checkEniQuota(
        ctx.state,
        group,
        fresh.reduce((sum, rule) => sum + ruleWeight(ctx.state, group.regionId, rule), 0),
        ctx.options.eniRuleLimit,
      );
      const prefix = ctx.state.region(group.regionId).idPrefix;
      const createTime = isoSeconds(ctx.now());
      for (const draft of fresh)
        group.rules.push({ ...draft, id: ctx.ids.ruleId(prefix), createTime });
    });
  };
