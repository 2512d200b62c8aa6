/**
 * The domain vocabulary: normalized security-group rules, the diff of two groups, and the
 * restore plan. Pure types; every other layer speaks in these.
 */

export type Direction = 'ingress' | 'egress';
export const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

/** Lower-case, whatever case the API used. */
export type Policy = 'accept' | 'drop';
export type Protocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'gre' | 'all';
export type NicType = 'internet' | 'intranet';

/** Completely: the source ends with exactly the destination's restorable rules. Partially: only adds. */
export type RestoreMode = 'completely' | 'partially';

/** Basic groups are `normal`; advanced groups are `enterprise` (no Drop rules, no group references). */
export type GroupType = 'normal' | 'enterprise';

/** The other end of a rule: exactly one kind of peer. */
export type Peer =
  | { kind: 'cidr'; cidr: string } // canonical IPv4 CIDR, e.g. 10.0.0.0/8
  | { kind: 'ipv6'; cidr: string } // canonical, lower-case, compressed IPv6 CIDR
  | { kind: 'group'; groupId: string; ownerAccount: string } // ownerAccount '' when absent
  | { kind: 'prefixList'; prefixListId: string };

/**
 * A normalized rule. Identity is every field except `priority`, `description` and `meta`
 * (see `ruleIdentity`). Build one with `normalizeRule`, never by hand from wire data.
 */
export interface Rule {
  direction: Direction;
  policy: Policy;
  protocol: Protocol;
  /** Canonical "from/to": "22/22", "1/65535", "-1/-1" for ALL/ICMP/ICMPv6/GRE. */
  portRange: string;
  /** Canonical "from/to", or '' when absent. */
  sourcePortRange: string;
  peer: Peer;
  /** DestCidrIp on ingress, SourceCidrIp on egress; canonical CIDR or ''. */
  localCidr: string;
  portRangeListId: string;
  nicType: NicType;
  /** 1..100 (1 is highest); 110 marks a system-level rule that the API cannot create. */
  priority: number;
  description: string;
  /** Facts about this rule instance that are not part of identity. */
  meta: RuleMeta;
}

export interface RuleMeta {
  /** ECS rule ID (sgr-...), present on rules read from ECS. */
  ruleId?: string;
  /** Display name of the referenced group or prefix list, when ECS returned one. */
  peerName?: string;
  createTime?: string;
  portRangeListName?: string;
}

/**
 * Loosely typed rule data as it may arrive from ECS or a user: any case, string or number
 * priority, '' for absent. `normalizeRule` turns it into a `Rule` or throws `RuleParseError`.
 */
export interface RuleInput {
  direction: string;
  policy?: string;
  protocol: string;
  portRange?: string;
  sourcePortRange?: string;
  cidr?: string;
  ipv6Cidr?: string;
  groupId?: string;
  groupOwnerAccount?: string;
  prefixListId?: string;
  localCidr?: string;
  portRangeListId?: string;
  nicType?: string;
  priority?: string | number;
  description?: string;
  meta?: RuleMeta;
}

export interface GroupInfo {
  id: string;
  name: string;
  regionId: string;
  /** '' for a classic-network group. */
  vpcId: string;
  type: GroupType;
  /** Managed by a cloud product: ECS refuses every change to its rules. Absent means false. */
  serviceManaged?: boolean;
}

/** A group with all its rules (both directions). */
export interface GroupRules {
  group: GroupInfo;
  rules: Rule[];
}

export type NotRestorableReason =
  /** Destination rule with priority 110: the API cannot create it (opt-in: recreate at 100). */
  | 'system-rule'
  /** Source rule with priority 110 under Completely: left as it is. */
  | 'system-rule-kept'
  /** References a group in another VPC than the source's. */
  | 'cross-vpc-reference'
  /** The source is an advanced group, which rejects Drop rules. */
  | 'enterprise-drop'
  /** The source is an advanced group, which rejects group references. */
  | 'enterprise-group-reference'
  /** The rule would make the source reference itself, which ECS rejects. */
  | 'self-reference'
  /**
   * The destination's rule has no description where the source's has one: ECS cannot empty a
   * description in place, and removing and re-adding the rule would cut its traffic in between.
   * The source's rule keeps its description (a priority change still applies).
   */
  | 'description-not-clearable';

export interface NotRestorable {
  rule: Rule;
  side: 'source' | 'destination';
  reason: NotRestorableReason;
}

export interface RuleChange {
  /** The source's rule (carries the rule ID to modify). */
  before: Rule;
  /** The same rule with the destination's priority and description. */
  after: Rule;
}

export interface DirectionDiff {
  /** Only in the destination (restorable): will be added. */
  added: Rule[];
  /** Only in the source: removed under Completely, kept under Partially. */
  removed: Rule[];
  /** Same identity, different priority and/or description. Applied only under Completely. */
  changed: RuleChange[];
  unchanged: Rule[];
  notRestorable: NotRestorable[];
}

export interface RestoreOptions {
  /** Recreate the destination's priority-110 rules with priority 100. */
  recreateSystemRules: boolean;
  /** Point destination rules that reference the destination itself at the source instead. */
  retargetSelfReferences: boolean;
}

export const DEFAULT_RESTORE_OPTIONS: RestoreOptions = {
  recreateSystemRules: false,
  retargetSelfReferences: false,
};

export interface PlanLimits {
  /** Rules per Authorize/Revoke call (ECS allows at most 100). */
  batchSize: number;
  /** Rules per group, inbound + outbound together. */
  ruleLimit: number;
  /**
   * Rules that reference a security group, per basic group (ECS: 20,
   * `AuthorizedGroupRule.LimitExceed`); `DEFAULT_GROUP_REFERENCE_LIMIT` when absent.
   */
  groupReferenceLimit?: number;
}

export const DEFAULT_PLAN_LIMITS: PlanLimits = { batchSize: 100, ruleLimit: 200 };
export const DEFAULT_GROUP_REFERENCE_LIMIT = 20;

export interface RuleDiff {
  mode: RestoreMode;
  ingress: DirectionDiff;
  egress: DirectionDiff;
}

export type StepAction = 'authorize' | 'revoke' | 'modify';
/** Opening steps can only allow more traffic; closing steps can only allow less. */
export type StepPhase = 'opening' | 'closing';

export interface PlanStep {
  /** Deterministic, unique within the plan, stable for the same inputs; ClientTokens derive from it. */
  id: string;
  /** Position in the plan, 0-based. */
  index: number;
  phase: StepPhase;
  action: StepAction;
  direction: Direction;
  /**
   * authorize: the rules to add; revoke: the rules to remove (each with meta.ruleId);
   * modify: exactly one rule, the desired state, with meta.ruleId of the rule to change.
   */
  rules: Rule[];
  /**
   * A closing removal moved before the opening steps to make room under the rule limit or the
   * group-reference limit.
   */
  early: boolean;
}

export interface RestorePlan {
  mode: RestoreMode;
  steps: PlanStep[];
  /** The source's rules after the plan, as ECS should report them (rule IDs of new rules unknown). */
  expected: Rule[];
  /** Removals that run before additions to stay under the rule or group-reference limit. */
  earlyRemovals: Rule[];
  /** False when a limit forces closing removals before opening steps. */
  makeBeforeBreak: boolean;
  /** Hash of both groups' normalized rules, the mode and the options. */
  revision: string;
  /** Number of ECS write calls (= steps.length). */
  calls: number;
}

export type WarningKind =
  | 'open-ssh-to-world'
  | 'open-rdp-to-world'
  | 'open-all-to-world'
  | 'rule-limit-early-removals'
  | 'self-reference';

export interface RiskWarning {
  kind: WarningKind;
  rules: Rule[];
}
