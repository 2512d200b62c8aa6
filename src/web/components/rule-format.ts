import type { RuleView } from '../../server/contract';
import type { Translate } from '../i18n/translate';

/** Names of groups by ID, to show referenced groups by name. */
export type GroupNames = ReadonlyMap<string, string>;

export function policyLabel(rule: RuleView, t: Translate): string {
  return rule.policy === 'accept' ? t('rules.allow') : t('rules.deny');
}

export function protocolLabel(rule: RuleView, t: Translate): string {
  return rule.protocol === 'all' ? t('rules.allProtocols') : rule.protocol.toUpperCase();
}

/** "22/22" reads as "22"; "-1/-1" as "-1/-1" (what ECS shows for ALL, ICMP, GRE). */
export function portLabel(rule: RuleView, t: Translate): string {
  if (rule.portRangeListId) {
    return t('rules.portRangeList', { name: rule.meta.portRangeListName ?? rule.portRangeListId });
  }
  const [from, to] = rule.portRange.split('/');
  if (from !== undefined && from === to && from !== '-1') return from;
  return rule.portRange;
}

/** The authorization object: a CIDR, an IPv6 CIDR, a group by name, or a prefix list. */
export function peerLabel(rule: RuleView, t: Translate, names?: GroupNames): string {
  const peer = rule.peer;
  switch (peer.kind) {
    case 'cidr':
    case 'ipv6':
      return peer.cidr;
    case 'group': {
      const name = rule.meta.peerName ?? names?.get(peer.groupId);
      const group = name ? `${name} (${peer.groupId})` : peer.groupId;
      return peer.ownerAccount
        ? t('rules.groupOtherAccount', { group, account: peer.ownerAccount })
        : group;
    }
    case 'prefixList': {
      const label = rule.meta.peerName
        ? `${rule.meta.peerName} (${peer.prefixListId})`
        : peer.prefixListId;
      return t('rules.prefixList', { id: label });
    }
  }
}
