/**
 * The restore plan (SPEC.md section 5): the ECS write calls that take the source to the
 * destination's restorable rules, ordered make-before-break (all opening steps, then all closing
 * steps), batched into as few calls as allowed, and kept under the group's rule limit.
 */
import { diffRules, type DiffContext } from './diff';
import { hashHex, MultisetDigest, PairHasher } from './hash';
import { parseCidr } from './ip';
import { ruleIdentity } from './normalize';
import {
  DEFAULT_PLAN_LIMITS,
  DIRECTIONS,
  type Direction,
  type GroupRules,
  type PlanLimits,
  type PlanStep,
  type RestoreMode,
  type RestoreOptions,
  type RestorePlan,
  type Rule,
  type RuleChange,
  type RuleDiff,
  type StepAction,
  type StepPhase,
} from './types';

/**
 * The rule-level changes of one phase, by action and direction, each list in diff order: exactly
 * the lists that become batched steps, so planning sorts every change once instead of filtering
 * a flat list per step kind.
 */
type PhaseChanges = Record<StepAction, Record<Direction, Rule[]>>;

function emptyPhaseChanges(): PhaseChanges {
  return {
    revoke: { ingress: [], egress: [] },
    modify: { ingress: [], egress: [] },
    authorize: { ingress: [], egress: [] },
  };
}

/** Adding an Accept or removing a Drop can only allow more traffic. */
function addPhase(rule: Rule): StepPhase {
  return rule.policy === 'accept' ? 'opening' : 'closing';
}

function removePhase(rule: Rule): StepPhase {
  return rule.policy === 'drop' ? 'opening' : 'closing';
}

/**
 * A priority change moves the rule past others: an Accept moving up (smaller number) or a Drop
 * moving down wins more often only for traffic it allows, so it opens; the reverse closes.
 * A description-only change has no effect on traffic.
 */
export function modifyPhase(change: RuleChange): StepPhase {
  const from = change.before.priority;
  const to = change.after.priority;
  if (from === to) return 'opening';
  const raised = to < from;
  return (change.before.policy === 'accept') === raised ? 'opening' : 'closing';
}

/** The rule as Authorize sends it: instance facts of another group do not travel. */
function forAuthorize(rule: Rule): Rule {
  const { ruleId: _ruleId, createTime: _createTime, ...meta } = rule.meta;
  return { ...rule, meta };
}

function collectChanges(diff: RuleDiff): Record<StepPhase, PhaseChanges> {
  const byPhase: Record<StepPhase, PhaseChanges> = {
    opening: emptyPhaseChanges(),
    closing: emptyPhaseChanges(),
  };
  for (const direction of DIRECTIONS) {
    const part = diff[direction];
    if (diff.mode === 'completely') {
      for (const rule of part.removed) byPhase[removePhase(rule)].revoke[direction].push(rule);
      for (const change of part.changed)
        byPhase[modifyPhase(change)].modify[direction].push(change.after);
    }
    for (const rule of part.added)
      byPhase[addPhase(rule)].authorize[direction].push(forAuthorize(rule));
  }
  return byPhase;
}

function countRules(byDirection: Record<Direction, Rule[]>): number {
  return byDirection.ingress.length + byDirection.egress.length;
}

/** log2 of the traffic a rule matches, roughly; ranks closing removals by how much they could cut. */
function breadth(rule: Rule): number {
  let peerBits = 8;
  if (rule.peer.kind === 'cidr' || rule.peer.kind === 'ipv6') {
    const family = rule.peer.kind === 'cidr' ? 4 : 6;
    const parsed = parseCidr(rule.peer.cidr, family);
    const hostBits = parsed ? (family === 4 ? 32 : 128) - parsed.prefix : 0;
    peerBits = family === 4 ? hostBits : hostBits / 4;
  } else if (rule.peer.kind === 'prefixList') {
    peerBits = 12;
  }
  let portBits = 16;
  if (rule.portRange !== '-1/-1') {
    const [from = 1, to = 65535] = rule.portRange.split('/').map(Number);
    portBits = Math.log2(to - from + 1);
  }
  return peerBits + portBits;
}

/**
 * The `count` rules whose early removal cuts least, deterministically: narrowest first, then
 * lowest priority (largest number), then by identity and rule ID.
 */
function lowestImpact(rules: Rule[], count: number): Rule[] {
  if (count === 0) return [];
  const ranked = rules.map((rule) => ({
    rule,
    breadth: breadth(rule),
    key: `${ruleIdentity(rule)}#${rule.meta.ruleId ?? ''}`,
  }));
  ranked.sort(
    (a, b) =>
      a.breadth - b.breadth ||
      b.rule.priority - a.rule.priority ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return ranked.slice(0, count).map((entry) => entry.rule);
}

/**
 * How many closing removals must run first so the opening additions fit under the rule limit.
 * Only Authorize can hit the limit; opening removals already run before the additions.
 */
function earlyRemovalCount(
  byPhase: Record<StepPhase, PhaseChanges>,
  sourceCount: number,
  limits: PlanLimits,
): number {
  const openingAdds = countRules(byPhase.opening.authorize);
  if (openingAdds === 0) return 0;
  const peak = sourceCount - countRules(byPhase.opening.revoke) + openingAdds;
  return Math.min(countRules(byPhase.closing.revoke), Math.max(0, peak - limits.ruleLimit));
}

/**
 * Moves the `count` closing removals that cut least out of `closing` into a phase of their own
 * (order within each direction kept).
 */
function takeEarlyRemovals(closing: PhaseChanges, count: number): PhaseChanges {
  const early = emptyPhaseChanges();
  if (count === 0) return early;
  const chosen = new Set(
    lowestImpact([...closing.revoke.ingress, ...closing.revoke.egress], count),
  );
  for (const direction of DIRECTIONS) {
    const removals = closing.revoke[direction];
    early.revoke[direction] = removals.filter((rule) => chosen.has(rule));
    closing.revoke[direction] = removals.filter((rule) => !chosen.has(rule));
  }
  return early;
}

const ACTION_ORDER: readonly StepAction[] = ['revoke', 'modify', 'authorize'];

/**
 * Appends one phase's changes to `steps` as batched steps (Modify takes one rule per call);
 * `tag` prefixes the deterministic step IDs.
 */
function appendSteps(
  steps: PlanStep[],
  changes: PhaseChanges,
  tag: string,
  phase: StepPhase,
  early: boolean,
  limits: PlanLimits,
): void {
  for (const action of ACTION_ORDER) {
    const size = action === 'modify' ? 1 : limits.batchSize;
    for (const direction of DIRECTIONS) {
      const rules = changes[action][direction];
      for (let start = 0, n = 1; start < rules.length; start += size, n++) {
        steps.push({
          id: `${tag}-${action}-${direction}-${n}`,
          index: steps.length,
          phase,
          action,
          direction,
          rules: rules.slice(start, start + size),
          early,
        });
      }
    }
  }
}

function validateLimits(limits: PlanLimits): void {
  if (!Number.isInteger(limits.batchSize) || limits.batchSize < 1) {
    throw new RangeError(`batchSize ${limits.batchSize} must be a positive integer`);
  }
  if (!Number.isInteger(limits.ruleLimit) || limits.ruleLimit < 1) {
    throw new RangeError(`ruleLimit ${limits.ruleLimit} must be a positive integer`);
  }
}

/**
 * Diffs the groups and plans the restore. Opening steps run before closing ones, so traffic that
 * both the current and the final rules allow stays allowed throughout; only when the rule limit
 * forces closing removals to the front (`earlyRemovals`) is that guarantee given up.
 */
export function planRestore(
  source: GroupRules,
  destination: GroupRules,
  mode: RestoreMode,
  options: RestoreOptions,
  limits: PlanLimits = DEFAULT_PLAN_LIMITS,
  context?: DiffContext,
): { diff: RuleDiff; plan: RestorePlan } {
  validateLimits(limits);
  const diff = diffRules(source, destination, mode, options, context);
  const byPhase = collectChanges(diff);
  const early = takeEarlyRemovals(
    byPhase.closing,
    earlyRemovalCount(byPhase, source.rules.length, limits),
  );

  const steps: PlanStep[] = [];
  appendSteps(steps, early, 'early', 'closing', true, limits);
  appendSteps(steps, byPhase.opening, 'open', 'opening', false, limits);
  appendSteps(steps, byPhase.closing, 'close', 'closing', false, limits);
  const earlyRemovals = [...early.revoke.ingress, ...early.revoke.egress];

  const plan: RestorePlan = {
    mode,
    steps,
    expected: expectedAfter(source.rules, steps),
    earlyRemovals,
    makeBeforeBreak: earlyRemovals.length === 0,
    revision: revisionOf(source, destination, mode, options, limits, context),
    calls: steps.length,
  };
  return { diff, plan };
}

function ruleStateKey(rule: Rule): string {
  return `${ruleIdentity(rule)}|${rule.priority}|${rule.description.length}:${rule.description}`;
}

function feedPeer(hasher: PairHasher, rule: Rule): void {
  const { peer } = rule;
  hasher.feed(peer.kind);
  if (peer.kind === 'group') hasher.feed(peer.groupId).feed(peer.ownerAccount);
  else hasher.feed(peer.kind === 'prefixList' ? peer.prefixListId : peer.cidr);
}

/** Hashes each rule's identity, priority and description field by field (no per-rule strings or arrays). */
function digestRules(rules: Rule[]): string {
  const digest = new MultisetDigest();
  const hasher = new PairHasher();
  for (const rule of rules) {
    hasher
      .reset()
      .feed(rule.direction)
      .feed(rule.policy)
      .feed(rule.protocol)
      .feed(rule.portRange)
      .feed(rule.sourcePortRange);
    feedPeer(hasher, rule);
    hasher
      .feed(rule.localCidr)
      .feed(rule.portRangeListId)
      .feed(rule.nicType)
      .feed(String(rule.priority))
      .feed(rule.description);
    hasher.addTo(digest);
  }
  return digest.toString();
}

/**
 * The source's rules after the plan. Same result as `applySteps` (a property test holds them
 * equal) without recomputing identities: the plan only authorizes identities the source lacks.
 */
function expectedAfter(rules: Rule[], steps: PlanStep[]): Rule[] {
  // By rule ID: the desired state of a modified rule, or null for a revoked one (one lookup per rule).
  const outcome = new Map<string, Rule | null>();
  const added: Rule[] = [];
  for (const step of steps) {
    for (const rule of step.rules) {
      const id = rule.meta.ruleId;
      if (step.action === 'authorize') added.push(forAuthorize(rule));
      else if (id === undefined) continue;
      else if (step.action === 'revoke') outcome.set(id, null);
      else if (outcome.get(id) !== null) outcome.set(id, rule);
    }
  }
  const result: Rule[] = [];
  for (const rule of rules) {
    const id = rule.meta.ruleId;
    const desired = id === undefined ? undefined : outcome.get(id);
    if (desired === null) continue;
    result.push(desired ? { ...desired, meta: rule.meta } : rule);
  }
  for (const rule of added) result.push(rule);
  return result;
}

/**
 * The revision of a preview: changes when either group's rules (identity, priority,
 * description), the groups, the mode, the options, the limits or the known group VPCs change.
 * Rule order and instance facts (rule IDs, creation times) do not count.
 */
export function revisionOf(
  source: GroupRules,
  destination: GroupRules,
  mode: RestoreMode,
  options: RestoreOptions,
  limits: PlanLimits = DEFAULT_PLAN_LIMITS,
  context?: DiffContext,
): string {
  const groupVpcs = Object.entries(context?.groupVpcs ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const header = JSON.stringify({
    source: [source.group.id, source.group.vpcId, source.group.type],
    destination: [destination.group.id, destination.group.vpcId, destination.group.type],
    mode,
    options: [options.recreateSystemRules, options.retargetSelfReferences],
    limits: [limits.batchSize, limits.ruleLimit],
    groupVpcs,
  });
  return hashHex(`${header}\n${digestRules(source.rules)}\n${digestRules(destination.rules)}`);
}

/**
 * Simulates ECS applying steps to a group's rules: Authorize of an existing identity adds
 * nothing (new rules get no rule ID: ECS does not return one); Revoke and Modify act by rule ID.
 * Linear in rules + steps, so it also serves large plans.
 */
export function applySteps(rules: Rule[], steps: PlanStep[]): Rule[] {
  const slots: (Rule | null)[] = [...rules];
  const slotsById = new Map<string, number[]>();
  const identityCounts = new Map<string, number>();
  const count = (key: string, delta: number) =>
    identityCounts.set(key, (identityCounts.get(key) ?? 0) + delta);
  slots.forEach((rule, index) => {
    if (!rule) return;
    count(ruleIdentity(rule), 1);
    const id = rule.meta.ruleId;
    if (id !== undefined) slotsById.set(id, [...(slotsById.get(id) ?? []), index]);
  });

  for (const step of steps) {
    for (const desired of step.rules) {
      if (step.action === 'authorize') {
        const key = ruleIdentity(desired);
        if ((identityCounts.get(key) ?? 0) > 0) continue;
        count(key, 1);
        slots.push(forAuthorize(desired));
        continue;
      }
      const id = desired.meta.ruleId;
      if (id === undefined) continue;
      for (const index of slotsById.get(id) ?? []) {
        const existing = slots[index];
        if (!existing) continue;
        count(ruleIdentity(existing), -1);
        if (step.action === 'revoke') {
          slots[index] = null;
        } else {
          const modified: Rule = { ...desired, meta: existing.meta };
          slots[index] = modified;
          count(ruleIdentity(modified), 1);
        }
      }
    }
  }
  return slots.filter((rule): rule is Rule => rule !== null);
}

/**
 * Compares two rule multisets by identity, priority and description (rule IDs and other meta
 * ignored). `missing`: expected but absent; `unexpected`: present but not expected.
 */
export function compareRuleSets(
  expected: Rule[],
  actual: Rule[],
): { missing: Rule[]; unexpected: Rule[] } {
  const pending = new Map<string, number>();
  for (const rule of actual) {
    const key = ruleStateKey(rule);
    pending.set(key, (pending.get(key) ?? 0) + 1);
  }
  const missing: Rule[] = [];
  for (const rule of expected) {
    const key = ruleStateKey(rule);
    const count = pending.get(key) ?? 0;
    if (count === 0) missing.push(rule);
    else pending.set(key, count - 1);
  }
  const unexpected: Rule[] = [];
  for (const rule of actual) {
    const key = ruleStateKey(rule);
    const count = pending.get(key) ?? 0;
    if (count > 0) {
      unexpected.push(rule);
      pending.set(key, count - 1);
    }
  }
  return { missing, unexpected };
}
