/**
 * The previews of the follow-ups of a restore that exists: Undo and Roll back (the source back to
 * its snapshot) and Retry remaining (the source toward the journaled destination rules). Each is
 * planned against the source's CURRENT rules, exactly as its POST will plan it, so the revision
 * the user confirms is the one the POST checks.
 */
import type { SecurityGroupSummary } from '../../ecs/ecs-port';
import type { PreviewResponse } from '../contract';
import { ApiHttpError } from '../errors';
import type { RestoreRecord } from '../journal/journal';
import {
  planAgainstRules,
  planToSnapshot,
  previewView,
  type Planned,
  type PlanningDeps,
  type PreviewTarget,
} from '../preview';

/** What can be done with a restore, and the statuses each follow-up accepts. */
export type FollowUp = 'undo' | 'rollback' | 'retry';

const RESUMABLE = new Set<string>(['failed', 'interrupted', 'stopped']);
const TERMINAL = new Set<string>(['succeeded', 'failed', 'interrupted', 'stopped']);

const ALLOWED: Record<FollowUp, { statuses: Set<string>; what: string; done: string }> = {
  undo: { statuses: TERMINAL, what: 'a finished restore', done: 'undone' },
  rollback: {
    statuses: RESUMABLE,
    what: 'a failed, stopped or interrupted restore',
    done: 'rolled back',
  },
  retry: { statuses: RESUMABLE, what: 'a failed, stopped or interrupted restore', done: 'retried' },
};

/**
 * 409 InvalidRestoreState unless `record` is in a status `followUp` accepts. `anyFinished` lets
 * the confirm-or-revert timer roll back a restore that succeeded.
 */
export function assertFollowUpAllowed(
  record: RestoreRecord,
  followUp: FollowUp,
  options: { anyFinished?: boolean } = {},
): void {
  const allowed = ALLOWED[followUp];
  if (allowed.statuses.has(record.status)) return;
  if (options.anyFinished === true && TERMINAL.has(record.status)) return;
  throw new ApiHttpError(
    409,
    'InvalidRestoreState',
    `Only ${allowed.what} can be ${allowed.done}; ${record.id} is ${record.status}.`,
  );
}

/** The restore's snapshot rules, or 409 when retention pruned them (a revert would empty the group). */
export function snapshotOf(record: RestoreRecord): RestoreRecord['snapshot'] {
  if (!record.snapshotKept)
    throw new ApiHttpError(
      409,
      'SnapshotPruned',
      `The rules ${record.sourceGroup.id} had before ${record.id} are no longer kept (snapshot retention).`,
    );
  return record.snapshot;
}

/** Plans `record`'s source back to its snapshot (Undo, Roll back). */
export function planRevert(
  planning: PlanningDeps,
  record: RestoreRecord,
): Promise<Planned<PreviewTarget>> {
  return planToSnapshot(planning, record.regionId, record.sourceGroup.id, snapshotOf(record));
}

/**
 * Plans the remaining work of `record` (Retry remaining): the current source toward the
 * destination rules the journal recorded. The destination may be gone or changed since, which is
 * why the journaled rules are the target; its summary is the journaled group, with no
 * description or creation time (they were not recorded) and the journaled rule count.
 */
export async function planRetry(
  planning: PlanningDeps,
  record: RestoreRecord,
): Promise<Planned<PreviewTarget>> {
  const planned = await planAgainstRules(
    planning,
    record.regionId,
    record.sourceGroup.id,
    { group: record.destinationGroup, rules: record.destinationRules },
    record.mode,
    record.options,
    // A cherry-picked restore's retry leaves the same rows as they are.
    record.plan.excluded,
  );
  const group: SecurityGroupSummary = {
    ...record.destinationGroup,
    description: '',
    creationTime: '',
    ruleCount: record.destinationRules.length,
    serviceManaged: record.destinationGroup.serviceManaged ?? false,
  };
  const recorded = record.destinationSnapshot;
  // Shown as a destination: it is another group's rules, so its risks are a restore's. A
  // snapshot destination is named again, as the journal recorded it.
  return {
    ...planned,
    target: {
      kind: 'destination',
      group,
      rules: planned.target.rules,
      ...(recorded === undefined
        ? {}
        : {
            snapshot: {
              id: recorded.id,
              kind: recorded.kind,
              createdAt: recorded.takenAt,
              note: recorded.note,
              groupId: recorded.groupId,
              groupName: recorded.groupName,
            },
          }),
    },
  };
}

/** The preview of `followUp` for `record`, after checking the restore's status allows it. */
export async function followUpPreview(
  planning: PlanningDeps,
  record: RestoreRecord,
  followUp: FollowUp,
): Promise<PreviewResponse> {
  assertFollowUpAllowed(record, followUp);
  const planned =
    followUp === 'retry' ? await planRetry(planning, record) : await planRevert(planning, record);
  return previewView(planned);
}
