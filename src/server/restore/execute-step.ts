/**
 * One step of a restore: its ECS call (Authorize, Modify or Revoke with the restore's
 * ClientToken) and its outcome in the journal. A failed step fails the whole restore.
 */
import { EcsError, type EcsPort, type WriteResult } from '../../ecs/ecs-port';
import type { StepResolution } from '../contract';
import { watchRetries } from '../ecs/retry';
import { toApiErrorBody } from '../errors';
import type { RestoreRecord, StepRecord } from '../journal/journal';
import { clientToken } from './client-token';
import type { JobContext } from './job-context';
import { outcomeUnknown, settledText, settleStep } from './settle-step';

/** Revoke errors that mean "this rule ID no longer exists" (ECS-API.md). */
const ALREADY_GONE = new Set([
  'InvalidParam.SecurityGroupRuleId',
  'InvalidSecurityGroupRule.RuleNotExist',
  'InvalidSecurityGroupRuleId.NotFound',
]);

/** Revokes the step's rule IDs; when some are already gone, revokes only those still present. */
async function revokeStep(
  ecs: EcsPort,
  record: RestoreRecord,
  step: StepRecord,
  token: string,
): Promise<WriteResult> {
  const regionId = record.regionId;
  const groupId = record.sourceGroup.id;
  const ids = step.rules.map((r) => r.meta.ruleId).filter((v): v is string => v !== undefined);
  try {
    return await ecs.revoke(regionId, groupId, step.direction, ids, token);
  } catch (error) {
    if (!(error instanceof EcsError) || !ALREADY_GONE.has(error.code)) throw error;
    // Some IDs are gone (an earlier call of ours, or someone else): revoke what is left, if any.
    const present = new Set(
      (await ecs.describeGroup(regionId, groupId)).rules.map((r) => r.meta.ruleId),
    );
    const remaining = ids.filter((ruleId) => present.has(ruleId));
    if (remaining.length === 0) return { requestId: error.requestId ?? '' };
    return ecs.revoke(
      regionId,
      groupId,
      step.direction,
      remaining,
      clientToken(record.id, record.attempt, `${step.id}:rest`),
    );
  }
}

/** The ECS call of one step on the restore's source group. */
async function callEcs(
  ecs: EcsPort,
  record: RestoreRecord,
  step: StepRecord,
): Promise<WriteResult> {
  const regionId = record.regionId;
  const groupId = record.sourceGroup.id;
  const token = clientToken(record.id, record.attempt, step.id);
  if (step.action === 'authorize')
    return ecs.authorize(regionId, groupId, step.direction, step.rules, token);
  if (step.action === 'modify') {
    const desired = step.rules[0];
    if (desired?.meta.ruleId === undefined)
      throw new Error(`modify step ${step.id} has no rule ID`);
    return ecs.modify(regionId, groupId, step.direction, desired.meta.ruleId, desired, token);
  }
  return revokeStep(ecs, record, step, token);
}

/** The ECS API action of a step's call, as a RAM policy names it (ecs:AuthorizeSecurityGroup). */
export function ramActionOf(step: Pick<StepRecord, 'action' | 'direction'>): string {
  const egress = step.direction === 'egress';
  if (step.action === 'authorize')
    return egress ? 'ecs:AuthorizeSecurityGroupEgress' : 'ecs:AuthorizeSecurityGroup';
  if (step.action === 'revoke')
    return egress ? 'ecs:RevokeSecurityGroupEgress' : 'ecs:RevokeSecurityGroup';
  return egress ? 'ecs:ModifySecurityGroupEgressRule' : 'ecs:ModifySecurityGroupRule';
}

/** The journal status of a step whose call failed, given how a read settled it (if it did). */
function stepStatusOf(resolution: StepResolution | undefined): 'applied' | 'failed' | 'unknown' {
  if (resolution === undefined) return 'failed';
  if (resolution.applied === 'applied') return 'applied';
  // Partly applied is not applied: the retry or rollback re-plans against the rules as they are.
  return resolution.applied === 'unresolved' ? 'unknown' : 'failed';
}

/**
 * Runs one step of the record's current attempt, journaling its start and outcome. On failure
 * the restore is marked failed with a message naming the step (`stepCount` steps in all); a call
 * that went unanswered is first settled by a read of the source (settle-step.ts), and the step
 * is journaled as that read found it, with the evidence.
 * 'halted': the runner stopped meanwhile and nothing more was written.
 */
export async function executeStep(
  ctx: JobContext,
  record: RestoreRecord,
  step: StepRecord,
  stepCount: number,
): Promise<'applied' | 'failed' | 'halted'> {
  const { journal, logger } = ctx;
  const id = record.id;
  journal.startStep(id, record.attempt, step.id, ctx.stamp());
  let result: WriteResult;
  try {
    // Each wait of the adapter is journaled as it begins, so the job view can say it live.
    result = await watchRetries(
      (event) => {
        if (ctx.halted()) return;
        journal.addStepRetry(id, record.attempt, step.id, {
          code: event.code,
          retry: event.retry,
          of: event.of,
          delayMs: event.delayMs,
          at: ctx.stamp(),
        });
      },
      () => callEcs(ctx.ecs, record, step),
    );
  } catch (error) {
    if (ctx.halted()) return 'halted';
    const raw = toApiErrorBody(error);
    // A refusal by RAM names the permission to grant: the API action of the call that failed.
    const body = raw.code.startsWith('Forbidden')
      ? { ...raw, details: { ramAction: ramActionOf(step) } }
      : raw;
    const resolution = outcomeUnknown(error) ? await settleStep(ctx, record, step) : undefined;
    if (ctx.halted()) return 'halted';
    journal.finishStep(id, record.attempt, step.id, {
      status: stepStatusOf(resolution),
      ...(body.requestId === undefined ? {} : { requestId: body.requestId }),
      error: body,
      ...(resolution === undefined ? {} : { outcome: resolution }),
      at: ctx.stamp(),
    });
    const what = `Step ${step.index + 1} of ${stepCount} (${step.action} ${step.rules.length} ${step.direction} rule${step.rules.length === 1 ? '' : 's'})`;
    const failure = {
      ...body,
      message:
        resolution === undefined
          ? `${what} failed: ${body.message}`
          : `${what} got no answer: ${body.message} ${settledText(resolution)}`,
    };
    journal.setStatus(id, 'failed', { error: failure, finishedAt: ctx.stamp() });
    logger.warn(
      {
        restoreId: id,
        step: step.id,
        code: body.code,
        requestId: body.requestId,
        ...(resolution === undefined ? {} : { settled: resolution.applied }),
      },
      'restore step failed',
    );
    return 'failed';
  }
  if (ctx.halted()) return 'halted';
  journal.finishStep(id, record.attempt, step.id, {
    status: 'applied',
    requestId: result.requestId,
    at: ctx.stamp(),
  });
  return 'applied';
}
