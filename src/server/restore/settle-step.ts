/**
 * A step whose call went unanswered (the adapter's retries ran out on a 5xx, a timeout or a
 * dropped connection) may or may not have been applied by ECS. Instead of guessing, the runner
 * reads the source again and decides from the rules themselves (SPEC section 10).
 */
import { ruleStateKey } from '../../domain/revision';
import type { Rule } from '../../domain/types';
import { EcsError } from '../../ecs/ecs-port';
import type { StepResolution } from '../contract';
import { toApiErrorBody } from '../errors';
import type { RestoreRecord, StepRecord } from '../journal/journal';
import type { JobContext } from './job-context';

/**
 * True when a failed call may have been applied: ECS (or the path to it) failed in a way that
 * says nothing about the write. Throttling is refused before anything is applied; 4xx are answers.
 */
export function outcomeUnknown(error: unknown): error is EcsError {
  return error instanceof EcsError && error.retryable && !error.code.includes('Throttling');
}

/** How many of the step's rules are in the state the step wanted, given the source's rules now. */
function stepEvidence(
  step: Pick<StepRecord, 'action' | 'rules'>,
  actual: Rule[],
): { present: number; absent: number } {
  let present = 0;
  if (step.action === 'authorize') {
    // By identity with priority and description: an Authorize of ours adds exactly that.
    const keys = new Set(actual.map(ruleStateKey));
    for (const rule of step.rules) if (keys.has(ruleStateKey(rule))) present += 1;
  } else {
    const byId = new Map<string, Rule>();
    for (const rule of actual) if (rule.meta.ruleId !== undefined) byId.set(rule.meta.ruleId, rule);
    for (const rule of step.rules) {
      const now = rule.meta.ruleId === undefined ? undefined : byId.get(rule.meta.ruleId);
      if (
        step.action === 'revoke'
          ? now === undefined
          : now !== undefined && ruleStateKey(now) === ruleStateKey(rule)
      )
        present += 1;
    }
  }
  return { present, absent: step.rules.length - present };
}

function verdict(evidence: { present: number; absent: number }): StepResolution['applied'] {
  if (evidence.absent === 0) return 'applied';
  return evidence.present === 0 ? 'not-applied' : 'partly-applied';
}

/** Reads the source and settles the step: applied, not applied, partly, or (read failed) unresolved. */
export async function settleStep(
  ctx: JobContext,
  record: RestoreRecord,
  step: StepRecord,
): Promise<StepResolution> {
  try {
    const read = await ctx.ecs.describeGroup(record.regionId, record.sourceGroup.id);
    const evidence = stepEvidence(step, read.rules);
    return {
      applied: verdict(evidence),
      ...(read.requestId === undefined ? {} : { readRequestId: read.requestId }),
      ...evidence,
    };
  } catch (error) {
    return {
      applied: 'unresolved',
      present: 0,
      absent: step.rules.length,
      readError: toApiErrorBody(error),
    };
  }
}

/** The sentence the restore's error adds about how the step was settled. */
export function settledText(resolution: StepResolution): string {
  const read = `a read of the source${resolution.readRequestId === undefined ? '' : ` (RequestId ${resolution.readRequestId})`}`;
  const counts = `${resolution.present} of ${resolution.present + resolution.absent} rules in the desired state`;
  switch (resolution.applied) {
    case 'applied':
      return `ECS gave no answer, and ${read} shows the step was applied (${counts}).`;
    case 'not-applied':
      return `ECS gave no answer, and ${read} shows the step was not applied (${counts}).`;
    case 'partly-applied':
      return `ECS gave no answer, and ${read} shows the step was partly applied (${counts}).`;
    case 'unresolved':
      return `ECS gave no answer, and the read meant to settle the outcome failed too (${resolution.readError?.message ?? 'no answer'}); whether the step was applied is unknown.`;
  }
}
