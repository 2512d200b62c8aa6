/**
 * The restore plan (SPEC.md section 5): the ECS write calls that take the source to the
 * destination's restorable rules, ordered make-before-break (all opening steps, then all closing
 * steps), batched into as few calls as allowed, and kept under the group's rule and
 * group-reference limits where an order exists that fits (`preflight.ts` checks the result).
 */
import { diffRules } from './diff';
import { parseCidr } from './ip';
import { ruleIdentity } from './normalize';
import { expectedAfter, forAuthorize } from './plan-result';
import { revisionOf } from './revision';
import { selectDiff, type PlanContext, type Selected } from './selection';
import {
  DEFAULT_GROUP_REFERENCE_LIMIT,
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

/** Counts a rule against the group-reference limit of a basic group. */
export function referencesAGroup(rule: Rule): boolean {
  return rule.peer.kind === 'group';
}

function countReferences(byDirection: Record<Direction, Rule[]>): number {
  return (
    byDirection.ingress.filter(referencesAGroup).length +
    byDirection.egress.filter(referencesAGroup).length
  );
}

/** How many closing removals must run first, in all and of group-reference rules among them. */
interface EarlyNeed {
  rules: number;
  references: number;
}

/**
 * The closing removals that must run first so the opening additions fit under the rule limit
 * and, in a basic group, the group-reference limit. Only Authorize can hit a limit; opening
 * removals already run before the additions. More may be needed than there are removals: then
 * no order fits, and the pre-flight check says so.
 */
function earlyNeed(
  byPhase: Record<StepPhase, PhaseChanges>,
  source: GroupRules,
  limits: PlanLimits,
): EarlyNeed {
  const adds = byPhase.opening.authorize;
  const openingAdds = countRules(adds);
  if (openingAdds === 0) return { rules: 0, references: 0 };
  const peak = source.rules.length - countRules(byPhase.opening.revoke) + openingAdds;
  const referenceAdds = countReferences(adds);
  let references = 0;
  if (source.group.type === 'normal' && referenceAdds > 0) {
    const referencePeak =
      source.rules.filter(referencesAGroup).length -
      countReferences(byPhase.opening.revoke) +
      referenceAdds;
    const limit = limits.groupReferenceLimit ?? DEFAULT_GROUP_REFERENCE_LIMIT;
    references = Math.max(0, referencePeak - limit);
  }
  return { rules: Math.max(0, peak - limits.ruleLimit), references };
}

/**
 * Moves the fewest closing removals that meet `need` out of `closing` into a phase of their own
 * (order within each direction kept): the group-reference rules that cut least, then the other
 * rules that cut least for the rule limit (a removed reference also frees a rule's room).
 */
function takeEarlyRemovals(closing: PhaseChanges, need: EarlyNeed): PhaseChanges {
  const early = emptyPhaseChanges();
  if (need.rules === 0 && need.references === 0) return early;
  const candidates = [...closing.revoke.ingress, ...closing.revoke.egress];
  const references = candidates.filter(referencesAGroup);
  const chosen = new Set(lowestImpact(references, Math.min(references.length, need.references)));
  const rest = candidates.filter((rule) => !chosen.has(rule));
  const more = Math.min(rest.length, Math.max(0, need.rules - chosen.size));
  for (const rule of lowestImpact(rest, more)) chosen.add(rule);
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
  const references = limits.groupReferenceLimit;
  if (references !== undefined && (!Number.isInteger(references) || references < 0)) {
    throw new RangeError(`groupReferenceLimit ${references} must be a non-negative integer`);
  }
}

/**
 * Diffs the groups and plans the restore. Opening steps run before closing ones, so traffic that
 * both the current and the final rules allow stays allowed throughout; only when a limit forces
 * closing removals to the front (`earlyRemovals`) is that guarantee given up. Rows named in
 * `context.excluded` are left as they are (selection.ts): `diff` holds every row, `selection` the
 * rows the plan applies and which exclusions matched.
 */
export function planRestore(
  source: GroupRules,
  destination: GroupRules,
  mode: RestoreMode,
  options: RestoreOptions,
  limits: PlanLimits = DEFAULT_PLAN_LIMITS,
  context?: PlanContext,
): { diff: RuleDiff; plan: RestorePlan; selection: Selected } {
  validateLimits(limits);
  const diff = diffRules(source, destination, mode, options, context);
  const selection = selectDiff(diff, context?.excluded);
  const byPhase = collectChanges(selection.diff);
  const early = takeEarlyRemovals(byPhase.closing, earlyNeed(byPhase, source, limits));

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
    revision: revisionOf(source, destination, mode, options, limits, {
      ...context,
      excluded: selection.excluded,
    }),
    calls: steps.length,
  };
  return { diff, plan, selection };
}
