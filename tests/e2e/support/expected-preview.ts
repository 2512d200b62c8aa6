/**
 * The preview counts a Completely restore should show, computed here from the two groups' rules
 * as the API reports them, independently of the product's diff code: the browser test then checks
 * the UI against what the emulator really holds, not against the product's own arithmetic.
 */
import type { RuleView } from '../../../src/server/contract';

/** ECS cannot create priority-110 (system-level) rules; they are listed as not restorable. */
const SYSTEM_PRIORITY = 110;

/** IPv6 written two ways (`::0/0`, `::/0`) is one address; the URL parser canonicalizes it. */
function canonicalIpv6(cidr: string): string {
  const [address = '', length = ''] = cidr.split('/');
  return `${new URL(`http://[${address}]/`).hostname.slice(1, -1)}/${length}`;
}

function peerKey(peer: RuleView['peer']): string {
  switch (peer.kind) {
    case 'cidr':
      return `cidr:${peer.cidr}`;
    case 'ipv6':
      return `ipv6:${canonicalIpv6(peer.cidr)}`;
    case 'group':
      return `group:${peer.groupId}:${peer.ownerAccount}`;
    case 'prefixList':
      return `pl:${peer.prefixListId}`;
  }
}

/** What makes two rules the same rule: everything but priority, description and metadata. */
function identity(rule: RuleView): string {
  return [
    rule.direction,
    rule.policy,
    rule.protocol.toLowerCase(),
    rule.portRange,
    rule.sourcePortRange,
    peerKey(rule.peer),
    rule.localCidr,
    rule.portRangeListId,
    rule.nicType,
  ].join('|');
}

export interface ExpectedCounts {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  notRestorable: number;
}

/** Counts for making `source` hold exactly the rules of `destination`, for one direction or both. */
export function expectedCompletelyCounts(
  source: readonly RuleView[],
  destination: readonly RuleView[],
  direction?: RuleView['direction'],
): ExpectedCounts {
  const pick = (rules: readonly RuleView[]) =>
    rules.filter((r) => !direction || r.direction === direction);
  const sourceByKey = new Map(pick(source).map((r) => [identity(r), r]));
  const destinationRules = pick(destination);
  const counts: ExpectedCounts = {
    added: 0,
    removed: 0,
    changed: 0,
    unchanged: 0,
    notRestorable: 0,
  };
  const matched = new Set<string>();
  for (const rule of destinationRules) {
    const key = identity(rule);
    const twin = sourceByKey.get(key);
    if (twin) {
      matched.add(key);
      if (twin.priority === rule.priority && twin.description === rule.description)
        counts.unchanged++;
      else counts.changed++;
    } else if (rule.priority === SYSTEM_PRIORITY) counts.notRestorable++;
    else counts.added++;
  }
  for (const [key, rule] of sourceByKey) {
    if (matched.has(key)) continue;
    // A system rule only in the source is left as it is, and said so.
    if (rule.priority === SYSTEM_PRIORITY) counts.notRestorable++;
    else counts.removed++;
  }
  return counts;
}

/** A rule set as comparable text, for "the group holds exactly these rules again". */
export function ruleSet(rules: readonly RuleView[]): string[] {
  return rules.map((r) => `${identity(r)}|${r.priority}|${r.description}`).sort();
}
