/**
 * The restore preview: reads both groups, validates the pair, plans with the domain core and
 * shapes the answer of the contract. Restores, retries, undos and rollbacks all plan through
 * here, so what runs is exactly what a preview of the same state would show, and every plan
 * carries its pre-flight checks (SPEC section 10): a plan with a failed check never starts.
 */
import { summarizeDiff } from '../domain/diff';
import { planRestore } from '../domain/plan';
import { DEFAULT_ENI_RULE_LIMIT, preflight, type PreflightFailure } from '../domain/preflight';
import { limitStatements, trafficEffect, type TrafficEffect } from '../domain/traffic-effect';
import type {
  GroupInfo,
  PlanLimits,
  RestoreMode,
  RestoreOptions,
  RestorePlan,
  Rule,
  RuleDiff,
} from '../domain/types';
import { riskWarnings } from '../domain/warnings';
import type { EcsPort, GroupDetail, SecurityGroupSummary } from '../ecs/ecs-port';
import type { DestinationSnapshotView, PreviewResponse } from './contract';
import { ApiHttpError } from './errors';
import type { SnapshotRecord } from './journal/snapshot-store';
import { loadGroup, referencedGroupVpcs } from './group-reads';
import {
  blockedPrefixLists,
  protectedBlocked,
  readPrefixListCidrs,
  type ProtectedBlocked,
  type ProtectedSource,
} from './protected-sources';
import {
  confirmationOf,
  assertConfirmed as assertConfirmedBy,
  type Confirmation,
} from './confirmation';
import { eniQuotaOf, instancesRead, type EniQuotaResult } from './usage';
import { groupSummaryView, planStepView } from './views';

/** The rules a plan moves the source toward, and the group they are the rules of. */
export type PlanTarget =
  /**
   * Another group, as just read (a restore's preview and start), or a snapshot's rules (of any
   * group, an imported file included): then `snapshot` names it and `group` is its group.
   */
  | {
      kind: 'destination';
      group: SecurityGroupSummary;
      rules: Rule[];
      snapshot?: DestinationSnapshotView;
    }
  /** The source's own rules before a restore (undo / rollback); the group is the source. */
  | { kind: 'snapshot'; group: SecurityGroupSummary; rules: Rule[] }
  /** The destination as the journal recorded it (Retry remaining): no fresh summary exists. */
  | { kind: 'journaled'; group: GroupInfo; rules: Rule[] };

/** Targets read from ECS just now: only these have a summary a preview can show. */
export type PreviewTarget = Exclude<PlanTarget, { kind: 'journaled' }>;

export interface Planned<T extends PlanTarget = PlanTarget> {
  source: GroupDetail;
  target: T;
  mode: RestoreMode;
  options: RestoreOptions;
  /** The diff as the plan applies it: excluded rows left out or counted as unchanged. */
  diff: RuleDiff;
  /** Every row of the diff, the excluded ones included (the preview's tables). */
  rows: RuleDiff;
  /** The rule identities left as they are (cherry-pick), sorted. */
  excluded: string[];
  plan: RestorePlan;
  /** The pre-flight checks the plan fails; empty when ECS should accept every step. */
  checks: PreflightFailure[];
  /** What the plan changes for traffic: the source's rules now against `plan.expected`. */
  traffic: TrafficEffect;
  /** The per-ENI quota input, or why it could not be read (the check is then skipped). */
  eniQuota: EniQuotaResult;
  /** Protected sources the plan blocks on traffic allowed today. */
  protectedBlocked: ProtectedBlocked[];
  /** Why OK needs the source's name typed; null when it does not. */
  confirmation: Confirmation | null;
}

/** The impact settings: ENI_RULE_LIMIT and the protected sources (setting + console). */
export interface ImpactSettings {
  eniRuleLimit: number;
  protectedSources(): ProtectedSource[];
}

export interface PlanningDeps {
  ecs: EcsPort;
  limits: PlanLimits;
  /** Defaults: ENI_RULE_LIMIT 1000, no protected source. */
  impact?: ImpactSettings;
  /** Where snapshot destinations (`snap-…`) are found; without it only groups are destinations. */
  snapshots?: { get(id: string): SnapshotRecord | undefined };
}

function assertSameNetworkType(source: GroupInfo, destination: GroupInfo): void {
  const sourceVpc = source.vpcId !== '';
  const destinationVpc = destination.vpcId !== '';
  if (sourceVpc !== destinationVpc) {
    const kind = (vpc: boolean) => (vpc ? 'a VPC group' : 'a classic-network group');
    throw new ApiHttpError(
      400,
      'NetworkTypeMismatch',
      `The destination ${destination.id} is ${kind(destinationVpc)} but the source ${source.id} is ${kind(sourceVpc)}; rules can only be restored between groups of the same network type.`,
      { field: 'destinationId' },
    );
  }
}

/** Plans source → the target rules with the current state of the source. */
async function planAgainst<T extends PlanTarget>(
  deps: PlanningDeps,
  source: GroupDetail,
  target: T,
  mode: RestoreMode,
  options: RestoreOptions,
  excluded: readonly string[] = [],
): Promise<Planned<T> & { unmatched: string[] }> {
  const found = await referencedGroupVpcs(deps.ecs, source.group.regionId, target.rules, [
    source.group,
    target.group,
  ]);
  // Both groups were just read (or journaled): they exist whether or not a rule names them, and
  // a retargeted self-reference names the source although no destination rule does.
  const groupVpcs = {
    ...found,
    [source.group.id]: source.group.vpcId,
    [target.group.id]: target.group.vpcId,
  };
  const { diff, plan, selection } = planRestore(source, target, mode, options, deps.limits, {
    groupVpcs,
    excluded,
  });
  // The source's weight is exact only if every prefix list it will carry is sized.
  const authorized = plan.steps.filter((s) => s.action !== 'revoke').flatMap((s) => s.rules);
  // One instance read serves the per-ENI quota and the running-instance confirmation.
  const instances = instancesRead(deps.ecs, source.group.regionId, source.group.id);
  const eniQuota = await eniQuotaOf(deps.ecs, source.group.regionId, source.group.id, {
    sourceRules: [...source.rules, ...authorized],
    limit: deps.impact?.eniRuleLimit ?? DEFAULT_ENI_RULE_LIMIT,
    instances,
  });
  const checks = preflight({
    source,
    plan,
    limits: deps.limits,
    groupVpcs,
    ...(eniQuota.status === 'ok' ? { eni: eniQuota.quota } : {}),
  });
  // Every statement counts for the protected sources, not only those the preview lists: a
  // source blocked by the 51st statement must still ask for the name.
  const wholeTraffic = trafficEffect(source.rules, plan.expected, source.group, {
    limit: Infinity,
  });
  const traffic = limitStatements(wholeTraffic);
  const sources = deps.impact?.protectedSources() ?? [];
  // A prefix list is read only when a protected source could be among the members it cuts off.
  const prefixLists = await readPrefixListCidrs(
    deps.ecs,
    source.group.regionId,
    sources.length > 0 ? blockedPrefixLists(wholeTraffic) : [],
  );
  const blocked = protectedBlocked(wholeTraffic, sources, prefixLists);
  const confirmation = confirmationOf({
    // Undo and roll back put back rules the source had: for a protected source they are the way
    // out, not a new risk; removing rules under running instances is a risk either way.
    revertsToOwnRules: target.kind === 'snapshot',
    protectedBlocked: blocked.length,
    removed: mode === 'completely' ? summarizeDiff(selection.diff).removed : 0,
    instances: await instances,
  });
  return {
    source,
    target,
    mode,
    options,
    diff: selection.diff,
    rows: diff,
    excluded: selection.excluded,
    unmatched: selection.unmatched,
    plan,
    checks,
    traffic,
    eniQuota,
    protectedBlocked: blocked,
    confirmation,
  };
}

/** A snapshot as a destination: its rules, its group as a summary, and what names it. */
function snapshotTarget(
  deps: PlanningDeps,
  regionId: string,
  snapshotId: string,
): Extract<PreviewTarget, { kind: 'destination' }> {
  const snapshot = deps.snapshots?.get(snapshotId);
  if (snapshot === undefined || snapshot.regionId !== regionId) {
    throw new ApiHttpError(
      404,
      'SnapshotNotFound',
      `There is no snapshot ${snapshotId} in ${regionId} (retention may have removed it).`,
      { field: 'destinationId', snapshotId },
    );
  }
  return {
    kind: 'destination',
    // The group as the snapshot recorded it: it may have changed or be gone since.
    group: {
      ...snapshot.group,
      description: '',
      creationTime: snapshot.createdAt,
      ruleCount: snapshot.ruleCount,
      serviceManaged: snapshot.group.serviceManaged ?? false,
    },
    rules: snapshot.rules,
    snapshot: {
      id: snapshot.id,
      kind: snapshot.kind,
      createdAt: snapshot.createdAt,
      note: snapshot.note,
      groupId: snapshot.group.id,
      groupName: snapshot.group.name,
    },
  };
}

/**
 * Reads and validates source and destination, then plans (SPEC 3.4 eligibility rules). The
 * destination is a group (`sg-…`, read now) or a snapshot (`snap-…`, of any group of the same
 * network type, the source's own included). The `excluded` rows are left as they are;
 * exclusions that name no row are listed in `unmatched` (a preview ignores them; a start refuses
 * them, see `assertSelectionFresh`).
 */
export async function planPair(
  deps: PlanningDeps,
  regionId: string,
  sourceId: string,
  destinationId: string,
  mode: RestoreMode,
  options: RestoreOptions,
  excluded: readonly string[] = [],
): Promise<Planned<PreviewTarget> & { unmatched: string[] }> {
  if (sourceId === destinationId) {
    throw new ApiHttpError(
      400,
      'SameGroup',
      'The destination must be another security group than the source.',
      {
        field: 'destinationId',
      },
    );
  }
  if (destinationId.startsWith('snap-')) {
    const target = snapshotTarget(deps, regionId, destinationId);
    const source = await loadGroup(deps.ecs, regionId, sourceId, 'source');
    assertSameNetworkType(source.group, target.group);
    return planAgainst(deps, source, target, mode, options, excluded);
  }
  const [source, destination] = await Promise.all([
    loadGroup(deps.ecs, regionId, sourceId, 'source'),
    loadGroup(deps.ecs, regionId, destinationId, 'destination'),
  ]);
  assertSameNetworkType(source.group, destination.group);
  return planAgainst(
    deps,
    source,
    { kind: 'destination', group: destination.group, rules: destination.rules },
    mode,
    options,
    excluded,
  );
}

/**
 * Refuses a start whose selection names a row the fresh plan no longer has (applied or changed
 * by someone else since the preview): 409 StalePreview with the fresh preview, which keeps only
 * the exclusions that still name a row. Nothing is written.
 */
export function assertSelectionFresh(
  planned: Planned<PreviewTarget> & { unmatched: string[] },
): void {
  if (planned.unmatched.length === 0) return;
  throw new ApiHttpError(
    409,
    'StalePreview',
    `${planned.unmatched.length} of the rules you left out no longer differ between the groups; review the new preview and confirm again.`,
    { preview: previewView(planned), unmatched: planned.unmatched },
  );
}

/** Plans the source back to rules it had (undo / rollback): Completely, options off. */
export async function planToSnapshot(
  deps: PlanningDeps,
  regionId: string,
  sourceId: string,
  snapshot: Rule[],
): Promise<Planned<PreviewTarget>> {
  const source = await loadGroup(deps.ecs, regionId, sourceId, 'source');
  return planAgainst(
    deps,
    source,
    { kind: 'snapshot', group: source.group, rules: snapshot },
    'completely',
    { recreateSystemRules: false, retargetSelfReferences: false },
  );
}

/**
 * Plans the source against journaled destination rules (Retry remaining), leaving the rows the
 * restore excluded as they are; an exclusion whose row is gone (already applied or changed by
 * hand) simply no longer applies.
 */
export async function planAgainstRules(
  deps: PlanningDeps,
  regionId: string,
  sourceId: string,
  target: { group: GroupInfo; rules: Rule[] },
  mode: RestoreMode,
  options: RestoreOptions,
  excluded: readonly string[] = [],
): Promise<Planned> {
  const source = await loadGroup(deps.ecs, regionId, sourceId, 'source');
  return planAgainst(deps, source, { kind: 'journaled', ...target }, mode, options, excluded);
}

/** The preview answer of the contract for a planned restore. */
export function previewView(planned: Planned<PreviewTarget>): PreviewResponse {
  const { diff, rows, plan, target } = planned;
  const warnings = riskWarnings(diff, plan, planned.source.group, target.group).filter(
    // For undo/rollback the "destination" is the source itself: its own references are not a risk.
    (w) => !(target.kind === 'snapshot' && w.kind === 'self-reference'),
  );
  return {
    source: groupSummaryView(planned.source.group),
    destination: groupSummaryView(target.group),
    ...(target.kind === 'destination' && target.snapshot !== undefined
      ? { destinationSnapshot: target.snapshot }
      : {}),
    mode: planned.mode,
    options: planned.options,
    ingress: rows.ingress,
    egress: rows.egress,
    summary: summarizeDiff(diff),
    plan: {
      steps: plan.steps.map(planStepView),
      calls: plan.calls,
      earlyRemovals: plan.earlyRemovals,
      makeBeforeBreak: plan.makeBeforeBreak,
    },
    warnings,
    checks: planned.checks,
    revision: plan.revision,
    identical: plan.steps.length === 0,
    before: planned.source.rules,
    expected: plan.expected,
    traffic: planned.traffic,
    eniQuota:
      planned.eniQuota.status === 'ok'
        ? {
            status: 'ok',
            limit: planned.eniQuota.quota.limit,
            enis: planned.eniQuota.quota.enis.length,
          }
        : planned.eniQuota,
    protectedBlocked: planned.protectedBlocked,
    confirmationRequired: planned.confirmation,
    selection: { excluded: planned.excluded },
  };
}

/**
 * Refuses a start whose preview asks for the source's name typed when `confirmName` is not
 * exactly that name (400 ConfirmationRequired naming the field and why); nothing is written.
 */
export function assertConfirmed(planned: Planned, confirmName: string | undefined): void {
  assertConfirmedBy(planned.confirmation, planned.source.group, confirmName);
}
