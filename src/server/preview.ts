/**
 * The restore preview: reads both groups, validates the pair, plans with the domain core and
 * shapes the answer of the contract. Restores, retries, undos and rollbacks all plan through
 * here, so what runs is exactly what a preview of the same state would show.
 */
import { summarizeDiff } from '../domain/diff';
import { planRestore } from '../domain/plan';
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
import type { EcsPort, SecurityGroupSummary } from '../ecs/ecs-port';
import type { PreviewResponse } from './contract';
import { ApiHttpError } from './errors';
import { groupRulesOf, loadGroup, referencedGroupVpcs, type LoadedGroup } from './group-reads';
import { groupSummaryView, planStepView } from './views';

export interface Planned {
  source: LoadedGroup;
  /** The group whose rules are the target (for undo/rollback: the source itself). */
  targetGroup: GroupInfo;
  targetSummary: SecurityGroupSummary;
  targetRules: Rule[];
  mode: RestoreMode;
  options: RestoreOptions;
  diff: RuleDiff;
  plan: RestorePlan;
  /** True when the target is a snapshot of the source (undo / rollback). */
  snapshot: boolean;
}

export interface PlanningDeps {
  ecs: EcsPort;
  limits: PlanLimits;
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
async function planAgainst(
  deps: PlanningDeps,
  source: LoadedGroup,
  target: { group: GroupInfo; summary: SecurityGroupSummary; rules: Rule[]; snapshot: boolean },
  mode: RestoreMode,
  options: RestoreOptions,
): Promise<Planned> {
  const groupVpcs = await referencedGroupVpcs(deps.ecs, source.summary.regionId, target.rules);
  const { diff, plan } = planRestore(
    groupRulesOf(source),
    { group: target.group, rules: target.rules },
    mode,
    options,
    deps.limits,
    { groupVpcs },
  );
  return {
    source,
    targetGroup: target.group,
    targetSummary: target.summary,
    targetRules: target.rules,
    mode,
    options,
    diff,
    plan,
    snapshot: target.snapshot,
  };
}

/** Reads and validates source and destination, then plans (SPEC 3.4 eligibility rules). */
export async function planPair(
  deps: PlanningDeps,
  regionId: string,
  sourceId: string,
  destinationId: string,
  mode: RestoreMode,
  options: RestoreOptions,
): Promise<Planned> {
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
  const [source, destination] = await Promise.all([
    loadGroup(deps.ecs, regionId, sourceId, 'source'),
    loadGroup(deps.ecs, regionId, destinationId, 'destination'),
  ]);
  assertSameNetworkType(source.detail.group, destination.detail.group);
  return planAgainst(
    deps,
    source,
    {
      group: destination.detail.group,
      summary: destination.summary,
      rules: destination.detail.rules,
      snapshot: false,
    },
    mode,
    options,
  );
}

/** Plans the source back to rules it had (undo / rollback): Completely, options off. */
export async function planToSnapshot(
  deps: PlanningDeps,
  regionId: string,
  sourceId: string,
  snapshot: Rule[],
): Promise<Planned> {
  const source = await loadGroup(deps.ecs, regionId, sourceId, 'source');
  return planAgainst(
    deps,
    source,
    { group: source.detail.group, summary: source.summary, rules: snapshot, snapshot: true },
    'completely',
    { recreateSystemRules: false, retargetSelfReferences: false },
  );
}

/** Plans the source against journaled destination rules (Retry remaining). */
export async function planAgainstRules(
  deps: PlanningDeps,
  regionId: string,
  sourceId: string,
  target: { group: GroupInfo; rules: Rule[]; snapshot: boolean },
  mode: RestoreMode,
  options: RestoreOptions,
): Promise<Planned> {
  const source = await loadGroup(deps.ecs, regionId, sourceId, 'source');
  const summary: SecurityGroupSummary = target.snapshot
    ? source.summary
    : {
        ...source.summary,
        ...target.group,
        description: '',
        creationTime: '',
        ruleCount: target.rules.length,
        serviceManaged: false,
      };
  return planAgainst(deps, source, { ...target, summary }, mode, options);
}

/** The preview answer of the contract for a planned restore. */
export function previewView(planned: Planned): PreviewResponse {
  const { diff, plan } = planned;
  const warnings = riskWarnings(
    diff,
    plan,
    planned.source.detail.group,
    planned.targetGroup,
  ).filter(
    // For undo/rollback the "destination" is the source itself: its own references are not a risk.
    (w) => !(planned.snapshot && w.kind === 'self-reference'),
  );
  return {
    source: groupSummaryView(planned.source.summary),
    destination: groupSummaryView(planned.targetSummary),
    mode: planned.mode,
    options: planned.options,
    ingress: diff.ingress,
    egress: diff.egress,
    summary: summarizeDiff(diff),
    plan: {
      steps: plan.steps.map(planStepView),
      calls: plan.calls,
      earlyRemovals: plan.earlyRemovals,
      makeBeforeBreak: plan.makeBeforeBreak,
    },
    warnings,
    revision: plan.revision,
    identical: plan.steps.length === 0,
  };
}
