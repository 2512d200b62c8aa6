/**
 * What the journal records of a restore and its steps, as the rest of the server reads them, and
 * what a caller hands it to write one.
 */
import type { GroupInfo, PlanStep, RestoreMode, RestoreOptions, Rule } from '../../domain/types';
import type {
  ApiError,
  AutomaticRevertMark,
  Refusal,
  StepResolution,
  StepRetry,
} from '../contract';

export type RestoreKind = 'restore' | 'rollback' | 'undo';
export type RestoreStatus =
  'pending' | 'running' | 'succeeded' | 'failed' | 'interrupted' | 'refused' | 'stopped';
export type StepStatus = 'pending' | 'running' | 'applied' | 'failed' | 'unknown';

export interface Counts {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  notRestorable: number;
}

export interface Verification {
  status: 'pending' | 'passed' | 'failed';
  missing: Rule[];
  unexpected: Rule[];
}

export interface PlanFacts {
  calls: number;
  earlyRemovals: Rule[];
  makeBeforeBreak: boolean;
  /** Cherry-pick: rule identities the restore left as they are (absent: none). */
  excluded?: string[];
}

export interface RestoreRecord {
  id: string;
  seq: number;
  kind: RestoreKind;
  parentId?: string;
  regionId: string;
  sourceGroup: GroupInfo;
  destinationGroup: GroupInfo;
  mode: RestoreMode;
  options: RestoreOptions;
  revision: string;
  status: RestoreStatus;
  /** 1 for the first run; each Retry remaining adds one. */
  attempt: number;
  createdAt: string;
  finishedAt?: string;
  summary: Counts;
  /** The source's rules just before the first step (the undo / rollback target): its snapshot's. */
  snapshot: Rule[];
  /** The snapshot row holding `snapshot`. */
  snapshotId: string;
  /** False when retention pruned the snapshot (then `snapshot` is empty and no undo can use it). */
  snapshotKept: boolean;
  /** The destination's rules as planned against (Retry plans against these again). */
  destinationRules: Rule[];
  expected: Rule[];
  plan: PlanFacts;
  verification: Verification;
  error?: ApiError;
  /** Retries refused by a pre-flight check, oldest first. */
  refusals: Refusal[];
  /** Who started it: an SSO user, "console token" or "local". */
  actor: string;
  /** Who started each Retry remaining, oldest first. */
  retriedBy: AttemptActor[];
  /** The snapshot the destination rules came from, when the destination was one. */
  destinationSnapshot?: DestinationSnapshotRecord;
}

/** What a restore records of a snapshot destination (a copy: retention may prune the snapshot). */
export interface DestinationSnapshotRecord {
  id: string;
  kind: string;
  groupId: string;
  groupName: string;
  takenAt: string;
  note: string;
}

export interface AttemptActor {
  attempt: number;
  by: string;
  at: string;
}

/** What the history list can be narrowed to; every field set must match. */
export interface HistoryFilter {
  /** The source group (the group the restore changed). */
  sourceId?: string;
  status?: RestoreStatus;
  actor?: string;
  kind?: RestoreKind;
  /** Created at or after (ISO time). */
  from?: string;
  /** Created before (ISO time). */
  to?: string;
  /** The group was the source or the destination (a group's timeline). */
  involving?: string;
}

/** A restore that names another as its parent (an undo or roll back of it). */
export interface ChildRestore {
  id: string;
  kind: RestoreKind;
  status: RestoreStatus;
  createdAt: string;
}

export interface StepRecord {
  restoreId: string;
  attempt: number;
  id: string;
  index: number;
  phase: PlanStep['phase'];
  action: PlanStep['action'];
  direction: PlanStep['direction'];
  early: boolean;
  rules: Rule[];
  status: StepStatus;
  /** Calls made for this step (the adapter's own retries inside one call count once). */
  attempts: number;
  requestId?: string;
  error?: ApiError;
  /** How an unanswered call was settled by reading the source. */
  outcome?: StepResolution;
  /** The adapter's waits before calling ECS again within this step, oldest first. */
  retries: StepRetry[];
  startedAt?: string;
  finishedAt?: string;
}

export type NewRestore = Omit<
  RestoreRecord,
  | 'seq'
  | 'status'
  | 'attempt'
  | 'finishedAt'
  | 'verification'
  | 'error'
  | 'refusals'
  | 'snapshotId'
  | 'snapshotKept'
  | 'actor'
  | 'retriedBy'
>;

export interface StepFinish {
  status: 'applied' | 'failed' | 'unknown';
  requestId?: string;
  error?: ApiError;
  outcome?: StepResolution;
  at: string;
}

/** A history list row: the record with its automatic-revert mark, read in the same query. */
export interface ListedRestore extends RestoreRecord {
  /** Reverted by its confirm-or-revert timer, or the roll back that timer started. */
  automaticRevert?: AutomaticRevertMark;
}

export interface RestorePage {
  restores: ListedRestore[];
  nextCursor: string;
}
