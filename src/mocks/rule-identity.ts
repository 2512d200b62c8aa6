/**
 * ECS's notion of "the same rule" (ECS-API.md, Semantics): peer, port range, protocol, policy,
 * NIC type, source port range, local CIDR (and the port-range list). Priority and description
 * are not part of it unless the emulator runs with `priorityIsIdentity`.
 * Written here from the ECS facts, independently of src/domain.
 */
import { canonicalIpv4Cidr, canonicalIpv6Cidr } from './cidr';
import type { StoredRule } from './types';

type IdentityFields = Omit<StoredRule, 'id' | 'createTime' | 'description'>;

const PORTLESS = new Set(['ALL', 'ICMP', 'ICMPV6', 'GRE']);

function canonicalPorts(protocol: string, text: string): string {
  if (PORTLESS.has(protocol)) return '-1/-1';
  const [from = '', to = from] = text.split('/');
  return text === '' ? '' : `${Number(from)}/${Number(to)}`;
}

const v4 = (text: string) => (text === '' ? '' : (canonicalIpv4Cidr(text) ?? text));
const v6 = (text: string) => (text === '' ? '' : (canonicalIpv6Cidr(text) ?? text.toLowerCase()));

/** A string that is equal for two rules exactly when ECS considers them the same rule. */
export function ruleIdentity(
  rule: IdentityFields,
  accountId: string,
  priorityIsIdentity: boolean,
): string {
  const protocol = rule.ipProtocol.toUpperCase();
  const peer = rule.groupId
    ? ['group', rule.groupId, rule.groupOwnerAccount || accountId]
    : rule.prefixListId
      ? ['prefixList', rule.prefixListId]
      : rule.ipv6Cidr
        ? ['ipv6', v6(rule.ipv6Cidr)]
        : ['cidr', v4(rule.cidr)];
  return JSON.stringify([
    rule.direction,
    protocol,
    canonicalPorts(protocol, rule.portRange),
    rule.sourcePortRange === '' ? '' : canonicalPorts(protocol, rule.sourcePortRange),
    rule.policy.toLowerCase(),
    rule.nicType.toLowerCase(),
    peer,
    v4(rule.localCidr),
    v6(rule.ipv6LocalCidr),
    rule.portRangeListId,
    priorityIsIdentity ? Number(rule.priority) : null,
  ]);
}
