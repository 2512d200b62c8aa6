import { fail } from '../errors';
import { indexedValues } from '../params';
import { ruleIdentity } from '../rule-identity';
import type { WireDirection } from '../types';
import { parsePermission } from '../validation';
import { idempotent, ruleNotFound, writableGroup, type Action } from './context';
import { permissionsOf } from './permissions-param';

/**
 * RevokeSecurityGroup(Egress), by `SecurityGroupRuleId.N` or by `Permissions.N` tuples, never
 * both. Every listed ID must exist (in this direction) or nothing is removed; a tuple that matches
 * nothing succeeds. With priorityIsIdentity, a tuple's Priority must match when it is given.
 */
export const revoke =
  (direction: WireDirection): Action =>
  (ctx, params) => {
    const group = writableGroup(ctx, params);
    return idempotent(ctx, group, params, () => {
      const ruleIds = indexedValues(params, 'SecurityGroupRuleId');
      const raws = permissionsOf(params);
      if (ruleIds.length > 0 && raws.length > 0) {
        throw fail.invalid(
          'InvalidParameter.Conflict',
          'SecurityGroupRuleId and Permissions cannot be specified in the same request.',
        );
      }
      if (ruleIds.length === 0 && raws.length === 0)
        throw fail.missing('SecurityGroupRuleId.N or Permissions.N');
      if (ruleIds.length > 0) {
        if (new Set(ruleIds).size !== ruleIds.length) {
          throw fail.invalid(
            'InvalidParam.SecurityGroupRuleIdRepeated',
            'The same SecurityGroupRuleId is specified more than once.',
          );
        }
        for (const id of ruleIds) {
          if (!group.rules.some((r) => r.id === id && r.direction === direction))
            throw ruleNotFound(direction, id);
        }
        group.rules = group.rules.filter((r) => !ruleIds.includes(r.id));
        return;
      }
      const pctx = {
        state: ctx.state,
        group,
        direction,
        accountId: ctx.options.accountId,
        mode: 'revoke' as const,
      };
      const targets = raws.map((raw) => {
        const usePriority = ctx.options.priorityIsIdentity && (raw.Priority ?? '') !== '';
        return {
          usePriority,
          key: ruleIdentity(parsePermission(raw, pctx), ctx.options.accountId, usePriority),
        };
      });
      group.rules = group.rules.filter(
        (rule) =>
          !targets.some((t) => t.key === ruleIdentity(rule, ctx.options.accountId, t.usePriority)),
      );
    });
  };
