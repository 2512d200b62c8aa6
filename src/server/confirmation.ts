/**
 * The typed confirmation of a restore (SPEC section 11): when OK needs the source group's name
 * typed, and the refusal of a start that does not carry it. Two reasons ask for it: the plan
 * blocks a protected source on traffic allowed today, or it is Completely and removes rules from
 * a group that running instances use. When the instances cannot be read, the console does not
 * pretend there are none: it asks for the name too, and says why.
 */
import type { ConfirmationReason } from './contract';
import { ApiHttpError } from './errors';
import type { InstancesRead } from './usage';

/** Why OK needs the source's name typed; built only when at least one reason applies. */
export interface Confirmation {
  reason: ConfirmationReason['kind'];
  reasons: ConfirmationReason[];
}

export interface ConfirmationInput {
  /**
   * Undo and roll back put back rules the source had: they are the way out under pressure, so
   * neither reason asks for the name there (the restore they revert was confirmed).
   */
  revertsToOwnRules: boolean;
  /** Protected sources the plan blocks on traffic allowed today. */
  protectedBlocked: number;
  /** The rules the plan removes from the source (Completely, after the cherry-pick selection). */
  removed: number;
  instances: InstancesRead;
}

function instanceReason(removed: number, read: InstancesRead): ConfirmationReason | null {
  if (removed === 0) return null;
  if (read.status === 'unavailable') {
    const { code, message, action, requestId } = read;
    return {
      kind: 'instances-unread',
      removed,
      code,
      message,
      action,
      ...(requestId === undefined ? {} : { requestId }),
    };
  }
  const running = read.instances.filter((instance) => instance.status === 'Running').length;
  if (running > 0) return { kind: 'running-instances', running, complete: read.complete, removed };
  if (read.complete) return null;
  // The page bound stopped the read before any running instance showed: unknown, not zero.
  return {
    kind: 'instances-unread',
    removed,
    code: 'UsageTooLarge',
    message: 'DescribeInstances has more pages than the console reads.',
    action: 'DescribeInstances',
  };
}

/** The confirmation a plan asks for, or null when OK needs no typed name. */
export function confirmationOf(input: ConfirmationInput): Confirmation | null {
  const reasons: ConfirmationReason[] = [];
  if (input.revertsToOwnRules) return null;
  if (input.protectedBlocked > 0) reasons.push({ kind: 'protected-source' });
  const instances = instanceReason(input.removed, input.instances);
  if (instances !== null) reasons.push(instances);
  const [first] = reasons;
  return first === undefined ? null : { reason: first.kind, reasons };
}

function because(reason: ConfirmationReason): string {
  switch (reason.kind) {
    case 'protected-source':
      return 'it blocks traffic from a protected source';
    case 'running-instances':
      return `it removes ${reason.removed} rule(s) from a group used by ${reason.complete ? '' : 'at least '}${reason.running} running instance(s)`;
    case 'instances-unread':
      return `it removes ${reason.removed} rule(s) and the instances that use the group could not be read (${reason.action}: ${reason.code})`;
  }
}

/**
 * Refuses a start whose plan asks for the source's name typed when `confirmName` is not exactly
 * that name: 400 ConfirmationRequired naming the field and the reasons; nothing is written.
 */
export function assertConfirmed(
  confirmation: Confirmation | null,
  group: { id: string; name: string },
  confirmName: string | undefined,
): void {
  if (confirmation === null || confirmName === group.name) return;
  throw new ApiHttpError(
    400,
    'ConfirmationRequired',
    `This restore needs the name of ${group.id} typed to start, because ${confirmation.reasons.map(because).join(' and ')}.`,
    { field: 'confirmName', reason: confirmation.reason, reasons: confirmation.reasons },
  );
}
