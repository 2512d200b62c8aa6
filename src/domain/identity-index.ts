/**
 * Rule identity without identity strings. `ruleIdentity` builds a ~60-character key per rule;
 * for diffs of tens of thousands of rules, building, flattening and hashing those keys (and
 * collecting them afterwards) was most of the time. This index hashes the identity fields in
 * place and confirms candidates field by field, so a lookup allocates nothing.
 */
import type { Peer, Rule } from './types';

/** FNV-1a step over a string, then a separator so that field boundaries count. */
function mixText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x1f, 0x01000193);
}

/** FNV-1a step over one number (a field's small code). */
function mixCode(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

function mixPeer(hash: number, peer: Peer): number {
  const h = mixCode(hash, peer.kind.charCodeAt(0));
  if (peer.kind === 'group') return mixText(mixText(h, peer.groupId), peer.ownerAccount);
  return mixText(h, peer.kind === 'prefixList' ? peer.prefixListId : peer.cidr);
}

/**
 * A 32-bit hash of the fields `ruleIdentity` covers; equal identities hash equal. The enum
 * fields enter as small codes (the first character, where their values differ; protocol also
 * its length; nicType a flag) rather than character by character: the hash only has to spread
 * rules, `sameIdentity` still compares every field exactly.
 */
export function identityHash(rule: Rule): number {
  let h = 0x811c9dc5;
  h = mixCode(h, rule.direction.charCodeAt(0));
  h = mixCode(h, rule.policy.charCodeAt(0));
  h = mixCode(h, (rule.protocol.length << 8) | rule.protocol.charCodeAt(0));
  h = mixCode(h, rule.nicType === 'intranet' ? 1 : 0);
  h = mixText(h, rule.portRange);
  h = mixText(h, rule.sourcePortRange);
  h = mixPeer(h, rule.peer);
  h = mixText(h, rule.localCidr);
  h = mixText(h, rule.portRangeListId);
  // Murmur3's avalanche: the table probes by the low bits, which FNV alone spreads poorly.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function samePeer(a: Peer, b: Peer): boolean {
  switch (a.kind) {
    case 'cidr':
    case 'ipv6':
      return b.kind === a.kind && b.cidr === a.cidr;
    case 'group':
      return b.kind === 'group' && b.groupId === a.groupId && b.ownerAccount === a.ownerAccount;
    case 'prefixList':
      return b.kind === 'prefixList' && b.prefixListId === a.prefixListId;
  }
}

/** True when `ruleIdentity(a) === ruleIdentity(b)`, compared field by field. */
export function sameIdentity(a: Rule, b: Rule): boolean {
  return (
    a.direction === b.direction &&
    a.policy === b.policy &&
    a.protocol === b.protocol &&
    a.portRange === b.portRange &&
    a.sourcePortRange === b.sourcePortRange &&
    a.localCidr === b.localCidr &&
    a.portRangeListId === b.portRangeListId &&
    a.nicType === b.nicType &&
    samePeer(a.peer, b.peer)
  );
}

/**
 * A fixed-capacity multimap from identity to rules, in insertion order. Open addressing over
 * typed arrays (one slot per distinct identity) instead of a `Map` of strings: no per-rule
 * allocation, and nothing for the garbage collector to trace or promote on large groups.
 */
export class IdentityIndex {
  private readonly rules: Rule[] = [];
  private readonly hashes: Int32Array;
  /** 1 + index of the first rule of each identity; 0 marks a free slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Next rule of the same identity, -1 after the last. */
  private readonly nextSame: Int32Array;
  /** Last rule of each identity (valid at the first rule's index), so appends keep order. */
  private readonly lastSame: Int32Array;

  /** `capacity` is the most rules that will be added. */
  constructor(capacity: number) {
    // At most half full, so linear probes stay short.
    let size = 8;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.hashes = new Int32Array(capacity);
    this.nextSame = new Int32Array(capacity);
    this.lastSame = new Int32Array(capacity);
  }

  /** The slot holding `rule`'s identity, or the free slot where it belongs. */
  private slotOf(rule: Rule, hash: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return slot;
      const first = entry - 1;
      if (this.hashes[first] === hash && sameIdentity(this.rules[first] as Rule, rule)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Adds a rule at the next index (0, 1, ... in the order of adding); true when it is the first
   * rule of its identity.
   */
  add(rule: Rule): boolean {
    const index = this.rules.length;
    const hash = identityHash(rule);
    this.rules.push(rule);
    this.hashes[index] = hash;
    this.nextSame[index] = -1;
    const slot = this.slotOf(rule, hash);
    const entry = this.slots[slot] as number;
    if (entry === 0) {
      this.slots[slot] = index + 1;
      this.lastSame[index] = index;
      return true;
    }
    const first = entry - 1;
    this.nextSame[this.lastSame[first] as number] = index;
    this.lastSame[first] = index;
    return false;
  }

  /** Index of the first added rule with `rule`'s identity, or -1. */
  first(rule: Rule): number {
    return (this.slots[this.slotOf(rule, identityHash(rule))] as number) - 1;
  }

  /** Index of the next added rule with the same identity as rule `index`, or -1. */
  next(index: number): number {
    return this.nextSame[index] as number;
  }

  /** The rule added at `index`. */
  rule(index: number): Rule {
    return this.rules[index] as Rule;
  }
}
