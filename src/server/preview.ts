/**
 * The restore preview: reads both groups, validates the pair, plans with the domain core and
 * shapes the answer of the contract. Restores, retries, undos and rollbacks all plan through
 * here, so what runs is exactly what a preview of the same state would show, and every plan
 * carries its pre-flight checks (SPEC section 10): a plan with a failed check never starts.
 */
import { summarizeDiff } from '../domain/diff';
import { planRestore } from '../domain/plan';
import { preflight, type PreflightFailure } from '../domain/preflight';
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
import type { PreviewResponse } from './contract';
import { ApiHttpError } from './errors';
import { loadGroup, referencedGroupVpcs } from './group-reads';
import { groupSummaryView, planStepView } from './views';

/** The rules a plan moves the source toward, and the group they are the rules of. */
export type PlanTarget =
  /** Another group, as just read (a restore's preview and start). */
  | { kind: 'destination'; group: SecurityGroupSummary; rules: Rule[] }
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
  diff: RuleDiff;
  plan: RestorePlan;
  /** The pre-flight checks the plan fails; empty when ECS should accept every step. */
  checks: PreflightFailure[];
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
async function planAgainst<T extends PlanTarget>(
  deps: PlanningDeps,
  source: GroupDetail,
  target: T,
  mode: RestoreMode,
  options: RestoreOptions,
): Promise<Planned<T>> {
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
  const { diff, plan } = planRestore(source, target, mode, options, deps.limits, { groupVpcs });
  const checks = preflight({ source, plan, limits: deps.limits, groupVpcs });
  return { source, target, mode, options, diff, plan, checks };
}

/** Reads and validates source and destination, then plans (SPEC 3.4 eligibility rules). */
export async function planPair(
  deps: PlanningDeps,
  regionId: string,
  sourceId: string,
  destinationId: string,
  mode: RestoreMode,
  options: RestoreOptions,
): Promise<Planned<PreviewTarget>> {
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
  assertSameNetworkType(source.group, destination.group);
  return planAgainst(
    deps,
    source,
    { kind: 'destination', group: destination.group, rules: destination.rules },
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

/** Plans the source against journaled destination rules (Retry remaining). */
export async function planAgainstRules(
  deps: PlanningDeps,
  regionId: string,
  sourceId: string,
  target: { group: GroupInfo; rules: Rule[] },
  mode: RestoreMode,
  options: RestoreOptions,
): Promise<Planned> {
  const source = await loadGroup(deps.ecs, regionId, sourceId, 'source');
  return planAgainst(deps, source, { kind: 'journaled', ...target }, mode, options);
}

/** The preview answer of the contract for a planned restore. */
export function previewView(planned: Planned<PreviewTarget>): PreviewResponse {
  const { diff, plan, target } = planned;
  const warnings = riskWarnings(diff, plan, planned.source.group, target.group).filter(
    // For undo/rollback the "destination" is the source itself: its own references are not a risk.
    (w) => !(target.kind === 'snapshot' && w.kind === 'self-reference'),
  );
  return {
    source: groupSummaryView(planned.source.group),
    destination: groupSummaryView(target.group),
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
    checks: planned.checks,
    revision: plan.revision,
    identical: plan.steps.length === 0,
  };
}
