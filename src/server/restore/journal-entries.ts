/**
 * What the journal stores of a plan: a new restore before its first ECS call, and each new
 * attempt of Retry remaining. Groups are kept as their identity fields only.
 */
import { summarizeDiff } from '../../domain/diff';
import type { PlanStep, RestorePlan, Rule } from '../../domain/types';
import { groupInfoOf } from '../group-reads';
import type { NewRestore, PlanFacts, RestoreKind } from '../journal/journal';
import type { Planned, PreviewTarget } from '../preview';

/** The plan's facts besides its steps and expected rules, with the rows it left out. */
function planFacts(plan: RestorePlan, excluded: string[]): PlanFacts {
  return {
    calls: plan.calls,
    earlyRemovals: plan.earlyRemovals,
    makeBeforeBreak: plan.makeBeforeBreak,
    ...(excluded.length > 0 ? { excluded } : {}),
  };
}

/** The journal record of a restore, undo or rollback about to start. */
export function newRestoreEntry(
  restoreId: string,
  planned: Planned<PreviewTarget>,
  kind: RestoreKind,
  parentId: string | undefined,
  createdAt: string,
): NewRestore {
  const { source, target, plan } = planned;
  return {
    id: restoreId,
    kind,
    ...(parentId === undefined ? {} : { parentId }),
    regionId: source.group.regionId,
    sourceGroup: groupInfoOf(source.group),
    destinationGroup: groupInfoOf(target.group),
    mode: planned.mode,
    options: planned.options,
    revision: plan.revision,
    createdAt,
    summary: summarizeDiff(planned.diff),
    snapshot: source.rules,
    destinationRules: target.rules,
    expected: plan.expected,
    plan: planFacts(plan, planned.excluded),
    ...(target.kind === 'destination' && target.snapshot !== undefined
      ? {
          destinationSnapshot: {
            id: target.snapshot.id,
            kind: target.snapshot.kind,
            groupId: target.snapshot.groupId,
            groupName: target.snapshot.groupName,
            takenAt: target.snapshot.createdAt,
            note: target.snapshot.note,
          },
        }
      : {}),
  };
}

/** A new attempt (Retry remaining) of a journaled restore, planned anew. */
export function attemptEntry(
  number: number,
  planned: Planned,
): { number: number; revision: string; expected: Rule[]; plan: PlanFacts; steps: PlanStep[] } {
  const { plan } = planned;
  return {
    number,
    revision: plan.revision,
    expected: plan.expected,
    plan: planFacts(plan, planned.excluded),
    steps: plan.steps,
  };
}
