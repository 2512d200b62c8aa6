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
function identityHash(rule: Rule): number {
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

/**
 * True when `ruleIdentity(a) === ruleIdentity(b)`, compared field by field (normalized fields
 * cannot contain the key's separators, so the two agree).
 */
function sameIdentity(a: Rule, b: Rule): boolean {
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

/** What `IdentityIndex.claim` returns when an earlier claim already took the identity. */
export const TAKEN = -2;

/**
 * The rules of a fixed list grouped by identity, in list order, and claimable once per identity
 * by the rules of a second list (the diff pairs each destination identity with the source once).
 *
 * Open addressing over typed arrays instead of a `Map` of identity strings: no per-rule
 * allocation, nothing for the garbage collector to trace, and each entry keeps the hash next to
 * its rule reference, so a probe touches one cache line (which matters once tables outgrow the
 * cache). Source and claims share one table, so each rule costs one hash and one probe sequence.
 */
export class IdentityIndex {
  private readonly rules: readonly Rule[];
  /** Claimed rules whose identity the list lacks: the table refers to them for comparisons. */
  private readonly claimOnly: Rule[] = [];
  private claimRoom: number;
  /** Per rule: the next rule of the same identity, -1 after the last. */
  private readonly nextSame: Int32Array;
  /** Per first rule of an identity: the last rule of it so far, so appends keep list order. */
  private readonly lastSame: Int32Array;
  /** Per first rule of an identity: 1 once claimed. */
  private readonly claimed: Uint8Array;
  /**
   * Pairs [reference, hash]. The reference is 1 + the index of the identity's first rule,
   * -(1 + index in `claimOnly`) for an identity only a claim had, or 0 for a free entry.
   */
  private readonly table: Int32Array;
  /** Entries - 1 (a power of two minus one). */
  private readonly mask: number;

  /** Indexes `rules`, with room for `claims` claims (at most one per rule of the other list). */
  constructor(rules: readonly Rule[], claims: number) {
    const count = rules.length;
    this.rules = rules;
    this.claimRoom = claims;
    this.nextSame = new Int32Array(count).fill(-1);
    this.lastSame = new Int32Array(count);
    this.claimed = new Uint8Array(count);
    // At most half full, so linear probes stay short.
    let entries = 8;
    while (entries < (count + claims) * 2) entries *= 2;
    this.table = new Int32Array(entries * 2);
    this.mask = entries - 1;

    for (let i = 0; i < count; i++) {
      const rule = rules[i] as Rule;
      const hash = identityHash(rule);
      const at = this.locate(rule, hash);
      const reference = this.table[at] as number;
      if (reference === 0) {
        this.table[at] = i + 1;
        this.table[at + 1] = hash;
        this.lastSame[i] = i;
      } else {
        const first = reference - 1;
        this.nextSame[this.lastSame[first] as number] = i;
        this.lastSame[first] = i;
      }
    }
  }

  /** Offset in `table` of the entry for `rule`'s identity, or of the free entry where it belongs. */
  private locate(rule: Rule, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * 2;
      const reference = this.table[at] as number;
      if (reference === 0) return at;
      if (this.table[at + 1] === hash) {
        const known = reference > 0 ? this.rules[reference - 1] : this.claimOnly[-reference - 1];
        if (sameIdentity(known as Rule, rule)) return at;
      }
    }
  }

  /**
   * Claims `rule`'s identity: the index of the first rule of the list with that identity, -1 when
   * the list has none, or `TAKEN` when an earlier claim had the same identity.
   */
  claim(rule: Rule): number {
    const hash = identityHash(rule);
    const at = this.locate(rule, hash);
    const reference = this.table[at] as number;
    if (reference < 0) return TAKEN;
    if (reference > 0) {
      const first = reference - 1;
      if (this.claimed[first] === 1) return TAKEN;
      this.claimed[first] = 1;
      return first;
    }
    // A full table would make `locate` loop forever; the constructor sized it for `claims`.
    if (this.claimRoom === 0)
      throw new RangeError('IdentityIndex: more claims than room was made for');
    this.claimRoom--;
    this.claimOnly.push(rule);
    this.table[at] = -this.claimOnly.length;
    this.table[at + 1] = hash;
    return -1;
  }

  /** Index of the next rule with the same identity as rule `index`, or -1. */
  next(index: number): number {
    return this.nextSame[index] as number;
  }

  /** The rule at `index`. */
  rule(index: number): Rule {
    return this.rules[index] as Rule;
  }
}
