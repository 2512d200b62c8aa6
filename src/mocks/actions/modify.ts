import { checkEniQuota, ruleWeight } from '../eni-quota';
import { fail } from '../errors';
import { required } from '../params';
import { ruleIdentity } from '../rule-identity';
import type { PeerKind, StoredRule, WireDirection } from '../types';
import { FIELDS, parsePermission } from '../validation';
import { idempotent, ruleNotFound, writableGroup, type Action } from './context';

/** The rule as the permission fields Modify speaks in. */
function asPermission(rule: StoredRule): Record<string, string> {
  const f = FIELDS[rule.direction];
  return {
    IpProtocol: rule.ipProtocol,
    // A rule with a port range list is spoken of by its list: sending its -1/-1 too would mean
    // "ports -1/-1" (PortRange wins over the list), which TCP and UDP refuse.
    PortRange: rule.portRangeListId === '' ? rule.portRange : '',
    SourcePortRange: rule.sourcePortRange,
    Policy: rule.policy,
    Priority: rule.priority,
    NicType: rule.nicType,
    Description: rule.description,
    PortRangeListId: rule.portRangeListId,
    [f.cidr]: rule.cidr,
    [f.ipv6]: rule.ipv6Cidr,
    [f.group]: rule.groupId,
    [f.owner]: rule.groupOwnerAccount,
    [f.prefixList]: rule.prefixListId,
    [f.localCidr]: rule.localCidr,
    [f.ipv6Local]: rule.ipv6LocalCidr,
  };
}

function peerKind(rule: StoredRule): PeerKind {
  return rule.groupId
    ? 'group'
    : rule.prefixListId
      ? 'prefixList'
      : rule.ipv6Cidr
        ? 'ipv6'
        : 'cidr';
}

/**
 * ModifySecurityGroupRule / ModifySecurityGroupEgressRule: changes a rule in place, keeping its
 * ID. The kind of peer and the NIC type cannot change, and a field that has a value cannot be
 * emptied (those need add-then-remove). The result must not duplicate another rule.
 */
export const modify =
  (direction: WireDirection): Action =>
  (ctx, params) => {
    const group = writableGroup(ctx, params);
    const ruleId = required(params, 'SecurityGroupRuleId');
    return idempotent(ctx, group, params, () => {
      const rule = group.rules.find((r) => r.id === ruleId && r.direction === direction);
      if (!rule) throw ruleNotFound(direction, ruleId);
      const f = FIELDS[direction];
      const current = asPermission(rule);
      const merged = { ...current };
      let newPeer: PeerKind | undefined;
      for (const key of Object.keys(current)) {
        const given = params[key];
        if (given === undefined) continue;
        if (given === '') {
          if (current[key] !== '')
            throw fail.invalid(
              'InvalidParam.EmptyValue',
              `${key} cannot be changed to an empty value; add a new rule instead.`,
            );
          continue;
        }
        merged[key] = given;
        const kinds: Record<string, PeerKind> = {
          [f.cidr]: 'cidr',
          [f.ipv6]: 'ipv6',
          [f.group]: 'group',
          [f.prefixList]: 'prefixList',
        };
        if (kinds[key]) newPeer = kinds[key];
      }
      const oldPeer = peerKind(rule);
      if (newPeer !== undefined && newPeer !== oldPeer) {
        throw fail.invalid(
          'InvalidParam.AuthorizationObject',
          'The kind of peer of a rule (CIDR, IPv6 CIDR, security group, prefix list) cannot be changed; add a new rule instead.',
        );
      }
      const nic = (params.NicType ?? '').toLowerCase();
      if (nic !== '' && nic !== rule.nicType) {
        throw fail.invalid(
          'InvalidParam.NicType',
          'The NicType of a rule cannot be changed; add a new rule instead.',
        );
      }
      if (
        params.IpProtocol &&
        params.PortRange === undefined &&
        ['ALL', 'ICMP', 'ICMPV6', 'GRE'].includes(params.IpProtocol.toUpperCase())
      ) {
        merged.PortRange = '-1/-1';
      }
      const peerUnchanged =
        newPeer === undefined || current[keyOfPeer(f, oldPeer)] === merged[keyOfPeer(f, oldPeer)];
      const draft = parsePermission(merged, {
        state: ctx.state,
        group,
        direction,
        accountId: ctx.options.accountId,
        mode: 'authorize',
        peerUnchanged,
      });
      const key = ruleIdentity(draft, ctx.options.accountId, ctx.options.priorityIsIdentity);
      if (
        group.rules.some(
          (r) =>
            r !== rule &&
            ruleIdentity(r, ctx.options.accountId, ctx.options.priorityIsIdentity) === key,
        )
      ) {
        throw fail.invalid(
          'InvalidParam.DuplicatePermissions',
          'The modified rule would duplicate another rule of the group.',
        );
      }
      // A new prefix list may count more toward the per-ENI quota than the old peer did.
      checkEniQuota(
        ctx.state,
        group,
        ruleWeight(ctx.state, group.regionId, draft) - ruleWeight(ctx.state, group.regionId, rule),
        ctx.options.eniRuleLimit,
      );
      Object.assign(rule, draft);
    });
  };

function keyOfPeer(f: (typeof FIELDS)[WireDirection], kind: PeerKind): string {
  return { cidr: f.cidr, ipv6: f.ipv6, group: f.group, prefixList: f.prefixList }[kind];
}
