/**
 * Pre-flight checks (SPEC.md section 10): the limits ECS enforces, checked against a planned
 * restore before anything is written, so that a restore ECS would refuse half-way never starts.
 * Each check is a small pure function with a stable code; a failure carries the numbers and the
 * rules concerned, never text (the web and the server word it).
 *
 * Which layer says what: rules the diff already lists as not restorable (cross-VPC and self
 * references, group references in an advanced group) are not in the plan, so these checks never
 * report them again; the reference checks here cover the rules the plan would write.
 */
import { addressFamily, canonicalCidr } from './ip';
import { referencesAGroup } from './plan';
import {
  DEFAULT_GROUP_REFERENCE_LIMIT,
  type GroupInfo,
  type GroupRules,
  type PlanLimits,
  type PlanStep,
  type RestorePlan,
  type Rule,
} from './types';

/** Priorities the API can create. */
export const PRIORITY_RANGE = { min: 1, max: 100 } as const;
/** Longest rule description ECS accepts, in characters. */
export const DESCRIPTION_LIMIT = 512;
/** Rules per network interface, over all its groups (ECS-API.md "Limits"). */
export const DEFAULT_ENI_RULE_LIMIT = 1000;
/** Most entries a prefix list can hold: the weight of a prefix-list rule whose size is unknown. */
export const PREFIX_LIST_MAX_ENTRIES = 200;

/** How a count develops while the plan runs. */
export interface CountTrace {
  /** Before the first step. */
  before: number;
  /** Added by Authorize steps, in all. */
  added: number;
  /** Removed by Revoke steps, in all. */
  removed: number;
  /** Highest count right after an Authorize that raised it (ECS refuses one that ends over the limit); `before` when none. */
  peak: number;
  /** After the last step. */
  result: number;
}

export interface CountFailure<Code extends string> extends CountTrace {
  code: Code;
  limit: number;
  /** The additions that count toward the limit. */
  rules: Rule[];
}

export type RuleLimitFailure = CountFailure<'rule-limit'>;
export type GroupReferenceLimitFailure = CountFailure<'group-reference-limit'>;

export interface EniOverLimit {
  eniId: string;
  /** Weighted rules of the ENI's other groups. */
  others: number;
  /** Weighted rules of the source at the plan's peak. */
  source: number;
  total: number;
}

export interface EniRuleLimitFailure {
  code: 'eni-rule-limit';
  limit: number;
  enis: EniOverLimit[];
  rules: Rule[];
}

/** A check that fails with the rules concerned and nothing else to count. */
export interface RulesFailure<Code extends string> {
  code: Code;
  rules: Rule[];
}

export interface ReferenceFailure<Code extends string> extends RulesFailure<Code> {
  /** The referenced group IDs, each once, in rule order. */
  groupIds: string[];
}

export interface PriorityFailure extends RulesFailure<'field-priority'> {
  min: number;
  max: number;
}

export interface DescriptionFailure extends RulesFailure<'field-description'> {
  limit: number;
  /** Length of the longest description concerned, in characters. */
  longest: number;
}

export type PreflightFailure =
  | RuleLimitFailure
  | GroupReferenceLimitFailure
  | EniRuleLimitFailure
  | RulesFailure<'enterprise-group-reference'>
  | ReferenceFailure<'reference-missing'>
  | ReferenceFailure<'reference-other-vpc'>
  | ReferenceFailure<'reference-self'>
  | PriorityFailure
  | DescriptionFailure
  | RulesFailure<'field-port-range'>
  | RulesFailure<'field-cidr'>
  | RulesFailure<'service-managed'>
  | RulesFailure<'port-range-list-classic'>;

export type PreflightCode = PreflightFailure['code'];

/** Every check's code, in the order `preflight` reports failures. */
export const PREFLIGHT_CODES = [
  'service-managed',
  'rule-limit',
  'group-reference-limit',
  'eni-rule-limit',
  'enterprise-group-reference',
  'reference-self',
  'reference-other-vpc',
  'reference-missing',
  'port-range-list-classic',
  'field-priority',
  'field-description',
  'field-port-range',
  'field-cidr',
] as const satisfies readonly PreflightCode[];

/** The ENIs that use the source, for the per-ENI quota (the server reads them from ECS). */
export interface EniQuota {
  limit: number;
  /** Each ENI that has the source among its groups, with all its group IDs. */
  enis: Array<{ id: string; groupIds: string[] }>;
  /** Weighted rule count of every other group of those ENIs, by group ID (`groupRuleWeight`). */
  groupWeights: Record<string, number>;
  /** MaxEntries of prefix lists, by ID. */
  prefixListSizes: Record<string, number>;
}

export interface PreflightInput {
  /** The source as read before planning. */
  source: GroupRules;
  plan: RestorePlan;
  limits: PlanLimits;
  /**
   * VPC ID of every group the caller found, by group ID (the diff's `groupVpcs`): a referenced
   * group absent from it does not exist.
   */
  groupVpcs: Record<string, string>;
  /** Absent until the server reads ENIs: the per-ENI check is then skipped. */
  eni?: EniQuota;
}

/** How many rules a rule counts as toward the per-ENI quota: a prefix list counts its MaxEntries. */
export function ruleWeight(rule: Rule, prefixListSizes: Record<string, number>): number {
  if (rule.peer.kind !== 'prefixList') return 1;
  return prefixListSizes[rule.peer.prefixListId] ?? PREFIX_LIST_MAX_ENTRIES;
}

/** A group's rules weighed for the per-ENI quota. */
export function groupRuleWeight(rules: Rule[], prefixListSizes: Record<string, number>): number {
  return rules.reduce((sum, rule) => sum + ruleWeight(rule, prefixListSizes), 0);
}

/** Follows a weighted count of the source's rules through the plan's steps. */
export function traceCount(
  rules: Rule[],
  steps: PlanStep[],
  weight: (rule: Rule) => number,
): CountTrace {
  const before = rules.reduce((sum, rule) => sum + weight(rule), 0);
  let count = before;
  // Only Authorize is refused over a limit: a group already over it may still shrink.
  let peak: number | null = null;
  let added = 0;
  let removed = 0;
  for (const step of steps) {
    const delta = step.rules.reduce((sum, rule) => sum + weight(rule), 0);
    if (step.action === 'authorize' && delta > 0) {
      count += delta;
      added += delta;
      peak = Math.max(peak ?? count, count);
    } else if (step.action === 'revoke') {
      count -= delta;
      removed += delta;
    }
  }
  return { before, added, removed, peak: peak ?? before, result: count };
}

function rulesOf(steps: PlanStep[], actions: readonly PlanStep['action'][]): Rule[] {
  return steps.filter((step) => actions.includes(step.action)).flatMap((step) => step.rules);
}

/** The rules the plan sends to ECS as their new state (Authorize and Modify). */
function written(plan: RestorePlan): Rule[] {
  return rulesOf(plan.steps, ['authorize', 'modify']);
}

const one = (): number => 1;
const referenceWeight = (rule: Rule): number => (referencesAGroup(rule) ? 1 : 0);

export function checkRuleLimit(input: PreflightInput): RuleLimitFailure | null {
  const trace = traceCount(input.source.rules, input.plan.steps, one);
  const limit = input.limits.ruleLimit;
  if (trace.peak <= limit || trace.added === 0) return null;
  return { code: 'rule-limit', ...trace, limit, rules: rulesOf(input.plan.steps, ['authorize']) };
}

export function checkGroupReferenceLimit(input: PreflightInput): GroupReferenceLimitFailure | null {
  if (input.source.group.type !== 'normal') return null;
  const trace = traceCount(input.source.rules, input.plan.steps, referenceWeight);
  const limit = input.limits.groupReferenceLimit ?? DEFAULT_GROUP_REFERENCE_LIMIT;
  if (trace.peak <= limit || trace.added === 0) return null;
  const rules = rulesOf(input.plan.steps, ['authorize']).filter(referencesAGroup);
  return { code: 'group-reference-limit', ...trace, limit, rules };
}

export function checkEniRuleLimit(input: PreflightInput): EniRuleLimitFailure | null {
  const quota = input.eni;
  if (!quota) return null;
  const weight = (rule: Rule) => ruleWeight(rule, quota.prefixListSizes);
  const trace = traceCount(input.source.rules, input.plan.steps, weight);
  if (trace.added === 0) return null;
  const sourceId = input.source.group.id;
  const enis: EniOverLimit[] = [];
  for (const eni of quota.enis) {
    const others = eni.groupIds
      .filter((id) => id !== sourceId)
      .reduce((sum, id) => sum + (quota.groupWeights[id] ?? 0), 0);
    const total = others + trace.peak;
    if (total > quota.limit) enis.push({ eniId: eni.id, others, source: trace.peak, total });
  }
  if (enis.length === 0) return null;
  return {
    code: 'eni-rule-limit',
    limit: quota.limit,
    enis,
    rules: rulesOf(input.plan.steps, ['authorize']),
  };
}

type ReferenceCode =
  'enterprise-group-reference' | 'reference-self' | 'reference-other-vpc' | 'reference-missing';

/**
 * The one reason ECS would refuse this written rule's group reference, if any. One reason per
 * rule, so that no rule is reported for two contradicting reasons.
 */
function referenceProblem(rule: Rule, input: PreflightInput): ReferenceCode | null {
  const { peer } = rule;
  if (peer.kind !== 'group') return null;
  const source = input.source.group;
  if (source.type === 'enterprise') return 'enterprise-group-reference';
  if (peer.groupId === source.id) return 'reference-self';
  const vpc = input.groupVpcs[peer.groupId];
  if (vpc !== undefined) return vpc === source.vpcId ? null : 'reference-other-vpc';
  // Another account's groups cannot be looked up here: ECS alone can tell whether they exist.
  return peer.ownerAccount === '' ? 'reference-missing' : null;
}

/** The reference checks, each failure with its rules and the group IDs they name. */
export function checkReferences(input: PreflightInput): PreflightFailure[] {
  const byCode = new Map<ReferenceCode, Rule[]>();
  for (const rule of written(input.plan)) {
    const code = referenceProblem(rule, input);
    if (code) byCode.set(code, [...(byCode.get(code) ?? []), rule]);
  }
  const order: readonly ReferenceCode[] = [
    'enterprise-group-reference',
    'reference-self',
    'reference-other-vpc',
    'reference-missing',
  ];
  const failures: PreflightFailure[] = [];
  for (const code of order) {
    const rules = byCode.get(code);
    if (!rules) continue;
    if (code === 'enterprise-group-reference') {
      failures.push({ code, rules });
      continue;
    }
    const groupIds = [
      ...new Set(rules.map((rule) => (rule.peer.kind === 'group' ? rule.peer.groupId : ''))),
    ];
    failures.push({ code, rules, groupIds });
  }
  return failures;
}

export function checkServiceManaged(input: PreflightInput): RulesFailure<'service-managed'> | null {
  if (!input.source.group.serviceManaged || input.plan.steps.length === 0) return null;
  return { code: 'service-managed', rules: input.plan.steps.flatMap((step) => step.rules) };
}

export function checkPortRangeListOnClassic(
  input: PreflightInput,
): RulesFailure<'port-range-list-classic'> | null {
  if (!isClassic(input.source.group)) return null;
  const rules = written(input.plan).filter((rule) => rule.portRangeListId !== '');
  return rules.length === 0 ? null : { code: 'port-range-list-classic', rules };
}

function isClassic(group: GroupInfo): boolean {
  return group.vpcId === '';
}

export function checkPriority(input: PreflightInput): PriorityFailure | null {
  const { min, max } = PRIORITY_RANGE;
  const rules = written(input.plan).filter(
    (rule) => !Number.isInteger(rule.priority) || rule.priority < min || rule.priority > max,
  );
  return rules.length === 0 ? null : { code: 'field-priority', rules, min, max };
}

/** Length in characters (code points), as a person counts them. */
function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function checkDescription(input: PreflightInput): DescriptionFailure | null {
  const long = written(input.plan)
    .map((rule) => ({ rule, length: characters(rule.description) }))
    .filter((entry) => entry.length > DESCRIPTION_LIMIT);
  if (long.length === 0) return null;
  return {
    code: 'field-description',
    rules: long.map((entry) => entry.rule),
    limit: DESCRIPTION_LIMIT,
    longest: Math.max(...long.map((entry) => entry.length)),
  };
}

const RANGE = /^([0-9]{1,5})\/([0-9]{1,5})$/;

function validRange(text: string): boolean {
  const match = RANGE.exec(text);
  if (!match) return false;
  const from = Number(match[1]);
  const to = Number(match[2]);
  return from >= 1 && to <= 65535 && from <= to;
}

/** TCP and UDP name their ports (or a port-range list); the other protocols take -1/-1 only. */
function validPorts(rule: Rule): boolean {
  const ported = rule.protocol === 'tcp' || rule.protocol === 'udp';
  if (!ported) return rule.portRange === '-1/-1' && rule.sourcePortRange === '';
  const ports = rule.portRangeListId !== '' || validRange(rule.portRange);
  return ports && (rule.sourcePortRange === '' || validRange(rule.sourcePortRange));
}

export function checkPortRanges(input: PreflightInput): RulesFailure<'field-port-range'> | null {
  const rules = written(input.plan).filter((rule) => !validPorts(rule));
  return rules.length === 0 ? null : { code: 'field-port-range', rules };
}

function validCidrs(rule: Rule): boolean {
  const { peer } = rule;
  if (peer.kind === 'cidr' && canonicalCidr(peer.cidr, 4) === null) return false;
  if (peer.kind === 'ipv6' && canonicalCidr(peer.cidr, 6) === null) return false;
  return (
    rule.localCidr === '' || canonicalCidr(rule.localCidr, addressFamily(rule.localCidr)) !== null
  );
}

export function checkCidrs(input: PreflightInput): RulesFailure<'field-cidr'> | null {
  const rules = written(input.plan).filter((rule) => !validCidrs(rule));
  return rules.length === 0 ? null : { code: 'field-cidr', rules };
}

/**
 * Runs every check on a planned restore; the failures in `PREFLIGHT_CODES` order, empty when
 * ECS should accept every step. A ServiceManaged source fails that check alone: nothing else
 * about such a plan matters.
 */
export function preflight(input: PreflightInput): PreflightFailure[] {
  const managed = checkServiceManaged(input);
  if (managed) return [managed];
  const failures: (PreflightFailure | null)[] = [
    checkRuleLimit(input),
    checkGroupReferenceLimit(input),
    checkEniRuleLimit(input),
    ...checkReferences(input),
    checkPortRangeListOnClassic(input),
    checkPriority(input),
    checkDescription(input),
    checkPortRanges(input),
    checkCidrs(input),
  ];
  return failures.filter((failure): failure is PreflightFailure => failure !== null);
}
