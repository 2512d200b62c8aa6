/**
 * The diff of two groups (SPEC.md sections 5 and 6): what a restore adds, removes, changes and
 * cannot restore, per direction. Hash based (see `IdentityIndex`), O(n) in the number of rules.
 */
import { IdentityIndex, TAKEN } from './identity-index';
import {
  DIRECTIONS,
  type DirectionDiff,
  type GroupRules,
  type NotRestorable,
  type NotRestorableReason,
  type RestoreMode,
  type RestoreOptions,
  type Rule,
  type RuleDiff,
} from './types';

export interface DiffContext {
  /** VPC ID of referenced groups, by group ID; groups not listed are assumed to be in the right VPC. */
  groupVpcs?: Record<string, string>;
}

/** Priority of the system-level rules that the API cannot create. */
export const SYSTEM_PRIORITY = 110;
/** Priority given to system rules recreated by the `recreateSystemRules` opt-in. */
export const RECREATED_SYSTEM_PRIORITY = 100;

function emptyDirectionDiff(): DirectionDiff {
  return { added: [], removed: [], changed: [], unchanged: [], notRestorable: [] };
}

interface DiffSetting {
  source: GroupRules;
  destination: GroupRules;
  mode: RestoreMode;
  options: RestoreOptions;
  groupVpcs: Map<string, string>;
}

/** Same priority and description: nothing to apply. */
function sameState(a: Rule, b: Rule): boolean {
  return a.priority === b.priority && a.description === b.description;
}

/** The destination rule as the source would receive it, after the opt-in rewrites. */
function targetRule(rule: Rule, setting: DiffSetting): Rule {
  let result = rule;
  const { peer } = rule;
  if (
    setting.options.retargetSelfReferences &&
    peer.kind === 'group' &&
    peer.groupId === setting.destination.group.id
  ) {
    result = { ...result, peer: { ...peer, groupId: setting.source.group.id } };
  }
  if (setting.options.recreateSystemRules && result.priority === SYSTEM_PRIORITY) {
    result = { ...result, priority: RECREATED_SYSTEM_PRIORITY };
  }
  return result;
}

/** Why ECS would refuse this (already rewritten) destination rule on the source, if it would. */
function refusal(rule: Rule, setting: DiffSetting): NotRestorableReason | null {
  const source = setting.source.group;
  if (source.type === 'enterprise') {
    if (rule.policy === 'drop') return 'enterprise-drop';
    if (rule.peer.kind === 'group') return 'enterprise-group-reference';
  }
  if (rule.peer.kind === 'group') {
    // ECS refuses a group that references itself (InvalidParamter.Conflict): a backup's rule that
    // points at the live group, or a self-reference retargeted by the opt-in, cannot be created.
    if (rule.peer.groupId === source.id) return 'self-reference';
    const vpc = setting.groupVpcs.get(rule.peer.groupId);
    if (vpc !== undefined && vpc !== source.vpcId) return 'cross-vpc-reference';
  }
  if (rule.priority === SYSTEM_PRIORITY) return 'system-rule';
  return null;
}

/**
 * Among the source rules of one identity (chained from `first`), the one to pair with the
 * destination rule: an exact match, else one that can be modified (not priority 110), else the first.
 */
function pickMatch(index: IdentityIndex, first: number, wanted: Rule): number {
  if (index.next(first) === -1) return first;
  let modifiable = -1;
  for (let i = first; i !== -1; i = index.next(i)) {
    const rule = index.rule(i);
    if (sameState(rule, wanted)) return i;
    if (modifiable === -1 && rule.priority !== SYSTEM_PRIORITY) modifiable = i;
  }
  return modifiable === -1 ? first : modifiable;
}

/**
 * Both directions in one pass: direction is part of identity, so one index serves both, and
 * each result goes to its rule's direction in the same order a per-direction pass would give.
 */
function diffAll(source: Rule[], destination: Rule[], setting: DiffSetting, diff: RuleDiff): void {
  const completely = setting.mode === 'completely';

  const bySource = new IdentityIndex(source, destination.length);
  const matched = new Uint8Array(source.length);
  for (const original of destination) {
    const rule = targetRule(original, setting);
    const first = bySource.claim(rule);
    // A later destination rule of the same identity cannot be restored next to the first.
    if (first === TAKEN) continue;

    const out = diff[rule.direction];
    const reason = refusal(rule, setting);
    if (first === -1) {
      if (reason) out.notRestorable.push({ rule, side: 'destination', reason });
      else out.added.push(rule);
      continue;
    }
    const matchIndex = pickMatch(bySource, first, rule);
    const match = source[matchIndex] as Rule;
    matched[matchIndex] = 1;
    if (sameState(match, rule)) {
      out.unchanged.push(match);
    } else if (completely && match.priority === SYSTEM_PRIORITY) {
      if (reason) out.notRestorable.push({ rule, side: 'destination', reason });
      out.notRestorable.push({ rule: match, side: 'source', reason: 'system-rule-kept' });
    } else if (reason) {
      // The destination's version cannot be set, so the source keeps its own.
      out.notRestorable.push({ rule, side: 'destination', reason });
      out.unchanged.push(match);
    } else {
      // ModifySecurityGroupRule cannot empty a description: keep the source's, say so, and
      // still apply a priority change.
      const keepsDescription = rule.description === '' && match.description !== '';
      if (keepsDescription)
        out.notRestorable.push({ rule, side: 'destination', reason: 'description-not-clearable' });
      if (keepsDescription && match.priority === rule.priority) out.unchanged.push(match);
      else
        out.changed.push({
          before: match,
          after: {
            ...match,
            priority: rule.priority,
            description: keepsDescription ? match.description : rule.description,
          },
        });
    }
  }

  for (let i = 0; i < source.length; i++) {
    if (matched[i]) continue;
    const rule = source[i] as Rule;
    const out = diff[rule.direction];
    if (completely && rule.priority === SYSTEM_PRIORITY) {
      out.notRestorable.push({ rule, side: 'source', reason: 'system-rule-kept' });
    } else {
      out.removed.push(rule);
    }
  }
}

/**
 * Compares the source with the destination. `removed` holds source-only rules (removed under
 * Completely, kept under Partially); `changed` pairs differ only in priority or description.
 * Within one side, the first of several rules with the same identity wins.
 */
export function diffRules(
  source: GroupRules,
  destination: GroupRules,
  mode: RestoreMode,
  options: RestoreOptions,
  context: DiffContext = {},
): RuleDiff {
  const groupVpcs = new Map<string, string>(Object.entries(context.groupVpcs ?? {}));
  groupVpcs.set(source.group.id, source.group.vpcId);
  groupVpcs.set(destination.group.id, destination.group.vpcId);
  const setting: DiffSetting = { source, destination, mode, options, groupVpcs };
  const diff: RuleDiff = { mode, ingress: emptyDirectionDiff(), egress: emptyDirectionDiff() };
  diffAll(source.rules, destination.rules, setting, diff);
  return diff;
}

export interface DiffSummary {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  notRestorable: number;
}

/** Counts per category over both directions (the preview's summary line). */
export function summarizeDiff(diff: RuleDiff): DiffSummary {
  const summary: DiffSummary = { added: 0, removed: 0, changed: 0, unchanged: 0, notRestorable: 0 };
  for (const direction of DIRECTIONS) {
    const part = diff[direction];
    summary.added += part.added.length;
    summary.removed += part.removed.length;
    summary.changed += part.changed.length;
    summary.unchanged += part.unchanged.length;
    summary.notRestorable += part.notRestorable.length;
  }
  return summary;
}

/** All not-restorable entries of both directions. */
export function notRestorableEntries(diff: RuleDiff): NotRestorable[] {
  return [...diff.ingress.notRestorable, ...diff.egress.notRestorable];
}
