/**
 * Clone a group: CreateSecurityGroup in the same region and VPC with the same type, then the
 * restore machinery with the new group as the source and the original's rules as the target.
 */
import { randomUUID } from 'node:crypto';
import { EcsError, type EcsPort } from '../../ecs/ecs-port';
import { ApiHttpError } from '../errors';
import { loadGroup } from '../group-reads';
import type { RestoreRunner } from './runner';

export interface CloneDeps {
  ecs: EcsPort;
  runner: RestoreRunner;
  now: () => Date;
}

/** YYYYMMDD in UTC. */
function day(at: Date): string {
  return at.toISOString().slice(0, 10).replace(/-/g, '');
}

/** `<name>-backup-<YYYYMMDD>`, shortened to ECS's 128 characters by the original name. */
export function defaultCloneName(name: string, at: Date): string {
  const suffix = `-backup-${day(at)}`;
  return `${name.slice(0, 128 - suffix.length)}${suffix}`;
}

function defaultCloneDescription(name: string, id: string, at: Date): string {
  return `Clone of ${name} (${id}) taken ${at.toISOString().slice(0, 10)}`.slice(0, 256);
}

/** Creates the clone and starts filling it (journaled as done by `by`); answers the new group and its restore. */
export async function cloneGroup(
  deps: CloneDeps,
  regionId: string,
  originalId: string,
  input: { name?: string | undefined; description?: string | undefined },
  by?: string,
): Promise<{ groupId: string; restoreId: string }> {
  const original = (await loadGroup(deps.ecs, regionId, originalId, 'source')).group;
  const at = deps.now();
  let groupId: string;
  try {
    const created = await deps.ecs.createSecurityGroup(
      regionId,
      {
        name: input.name ?? defaultCloneName(original.name, at),
        description: input.description ?? defaultCloneDescription(original.name, original.id, at),
        ...(original.vpcId === '' ? {} : { vpcId: original.vpcId }),
        type: original.type,
      },
      randomUUID(),
    );
    groupId = created.groupId;
  } catch (error) {
    if (error instanceof EcsError && error.code.startsWith('Forbidden')) {
      throw new ApiHttpError(
        403,
        error.code,
        `ECS refused to create the clone: this account's RAM policy must allow ecs:CreateSecurityGroup (${error.message}).`,
        { ramAction: 'ecs:CreateSecurityGroup' },
        error.requestId,
      );
    }
    throw error;
  }
  const restoreId = await deps.runner.startClone(regionId, groupId, original.id, by);
  return { groupId, restoreId };
}
