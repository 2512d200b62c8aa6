/** Where a rule's peer lies in the traffic effect's address dimension. */
import { cidrRange, type AddressRange } from './address-space';
import type { IpFamily } from './ip';
import type { Rule } from './types';

export type PeerPlace = { family: IpFamily; range: AddressRange } | { atom: string };

/** A CIDR peer's address range, or a group / prefix list as a named atom; null when malformed. */
export function normalizedPeerRange(rule: Rule): PeerPlace | null {
  const { peer } = rule;
  switch (peer.kind) {
    case 'cidr':
    case 'ipv6': {
      const family: IpFamily = peer.kind === 'cidr' ? 4 : 6;
      const range = cidrRange(peer.cidr, family);
      return range ? { family, range } : null;
    }
    case 'group':
      return { atom: `group:${peer.groupId}` };
    case 'prefixList':
      return { atom: `pl:${peer.prefixListId}` };
  }
}
