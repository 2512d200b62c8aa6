/**
 * The revision of a preview (SPEC.md section 5, stale-preview check) and the per-rule state key
 * that comparisons share: both cover a rule's identity, priority and description, never its
 * instance facts (rule IDs, creation times).
 */
import { hashHex, MultisetDigest, PairHasher } from './hash';
import { IDENTITY_FIELDS } from './identity-fields';
import { ruleIdentity } from './normalize';
import type { PlanContext } from './selection';
import {
  DEFAULT_GROUP_REFERENCE_LIMIT,
  DEFAULT_PLAN_LIMITS,
  type GroupRules,
  type PlanLimits,
  type RestoreMode,
  type RestoreOptions,
  type Rule,
} from './types';

/** A rule's identity, priority and description as one string (multiset comparisons key on it). */
export function ruleStateKey(rule: Rule): string {
  return `${ruleIdentity(rule)}|${rule.priority}|${rule.description.length}:${rule.description}`;
}

function feedPeer(hasher: PairHasher, rule: Rule): void {
  const { peer } = rule;
  hasher.feed(peer.kind);
  if (peer.kind === 'group') hasher.feed(peer.groupId).feed(peer.ownerAccount);
  else hasher.feed(peer.kind === 'prefixList' ? peer.prefixListId : peer.cidr);
}

/**
 * Hashes each rule's identity, priority and description field by field (no per-rule strings or
 * arrays); order-free, so equal exactly when two sets hold the same rules. Snapshots and the
 * watcher compare rules by it too.
 */
export function digestRules(rules: readonly Rule[]): string {
  const digest = new MultisetDigest();
  const hasher = new PairHasher();
  for (const rule of rules) {
    hasher.reset();
    for (const field of IDENTITY_FIELDS) {
      if (field === 'peer') feedPeer(hasher, rule);
      else hasher.feed(rule[field]);
    }
    hasher.feed(String(rule.priority)).feed(rule.description);
    hasher.addTo(digest);
  }
  return digest.toString();
}

/**
 * The revision of a preview: changes when either group's rules (identity, priority,
 * description), the groups, the mode, the options, the limits, the known group VPCs or the
 * excluded rows change, so a preview and an OK of different selections never match.
 * Rule order and instance facts (rule IDs, creation times) do not count.
 */
export function revisionOf(
  source: GroupRules,
  destination: GroupRules,
  mode: RestoreMode,
  options: RestoreOptions,
  limits: PlanLimits = DEFAULT_PLAN_LIMITS,
  context?: PlanContext,
): string {
  const groupVpcs = Object.entries(context?.groupVpcs ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const header = JSON.stringify({
    source: [source.group.id, source.group.vpcId, source.group.type],
    destination: [destination.group.id, destination.group.vpcId, destination.group.type],
    mode,
    options: [options.recreateSystemRules, options.retargetSelfReferences],
    limits: [
      limits.batchSize,
      limits.ruleLimit,
      limits.groupReferenceLimit ?? DEFAULT_GROUP_REFERENCE_LIMIT,
    ],
    groupVpcs,
    // Absent when nothing is excluded, so revisions of full restores stay as they were.
    ...(context?.excluded?.length ? { excluded: [...context.excluded].sort() } : {}),
  });
  return hashHex(`${header}\n${digestRules(source.rules)}\n${digestRules(destination.rules)}`);
}
