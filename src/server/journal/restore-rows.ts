/**
 * The journal's rows as SQLite returns them, and their reading into records: JSON columns parsed,
 * NULLs left out. Every query that returns restores selects RESTORE_COLUMNS from RESTORE_FROM,
 * so each reads the snapshot the same way.
 */
import type { RestoreMode } from '../../domain/types';
import type {
  RestoreKind,
  RestoreRecord,
  RestoreStatus,
  StepRecord,
  StepStatus,
} from './restore-records';

export interface RestoreRow {
  seq: number;
  id: string;
  kind: string;
  parent_id: string | null;
  region_id: string;
  status: string;
  attempt: number;
  mode: string;
  options_json: string;
  revision: string;
  created_at: string;
  finished_at: string | null;
  summary_json: string;
  source_group_json: string;
  destination_group_json: string;
  snapshot_id: string | null;
  /** The snapshot's rules, joined; null when it was pruned. */
  snapshot_rules_json: string | null;
  destination_rules_json: string;
  expected_json: string;
  plan_json: string;
  verification_json: string;
  error_json: string | null;
  refusals_json: string;
  actor: string;
  retried_by_json: string;
  destination_snapshot_id: string | null;
  destination_snapshot_kind: string | null;
  destination_snapshot_group_id: string | null;
  destination_snapshot_group_name: string | null;
  destination_snapshot_taken_at: string | null;
  destination_snapshot_note: string | null;
}

export interface StepRow {
  restore_id: string;
  attempt: number;
  step_id: string;
  idx: number;
  phase: string;
  action: string;
  direction: string;
  early: number;
  rules_json: string;
  status: string;
  attempts: number;
  request_id: string | null;
  error_json: string | null;
  outcome_json: string | null;
  retries_json: string;
  started_at: string | null;
  finished_at: string | null;
}

/** A restore row's columns with its snapshot's rules (null once retention pruned the snapshot). */
export const RESTORE_COLUMNS = 'r.*, s.rules_json AS snapshot_rules_json';
export const RESTORE_FROM = 'FROM restores r LEFT JOIN snapshots s ON s.id = r.snapshot_id';
export const RESTORE_SELECT = `SELECT ${RESTORE_COLUMNS} ${RESTORE_FROM}`;

export function parse<T>(json: string): T {
  return JSON.parse(json) as T;
}

/** The record of a restore row. */
export function toRestore(row: RestoreRow): RestoreRecord {
  const record: RestoreRecord = {
    id: row.id,
    seq: row.seq,
    kind: row.kind as RestoreKind,
    regionId: row.region_id,
    sourceGroup: parse(row.source_group_json),
    destinationGroup: parse(row.destination_group_json),
    mode: row.mode as RestoreMode,
    options: parse(row.options_json),
    revision: row.revision,
    status: row.status as RestoreStatus,
    attempt: row.attempt,
    createdAt: row.created_at,
    summary: parse(row.summary_json),
    snapshot: row.snapshot_rules_json === null ? [] : parse(row.snapshot_rules_json),
    snapshotId: row.snapshot_id ?? '',
    snapshotKept: row.snapshot_rules_json !== null,
    destinationRules: parse(row.destination_rules_json),
    expected: parse(row.expected_json),
    plan: parse(row.plan_json),
    verification: parse(row.verification_json),
    refusals: parse(row.refusals_json),
    actor: row.actor,
    retriedBy: parse(row.retried_by_json),
  };
  if (row.parent_id !== null) record.parentId = row.parent_id;
  if (row.finished_at !== null) record.finishedAt = row.finished_at;
  if (row.error_json !== null) record.error = parse(row.error_json);
  if (row.destination_snapshot_id !== null) {
    record.destinationSnapshot = {
      id: row.destination_snapshot_id,
      kind: row.destination_snapshot_kind ?? '',
      groupId: row.destination_snapshot_group_id ?? '',
      groupName: row.destination_snapshot_group_name ?? '',
      takenAt: row.destination_snapshot_taken_at ?? '',
      note: row.destination_snapshot_note ?? '',
    };
  }
  return record;
}

/** The record of a step row. */
export function toStep(row: StepRow): StepRecord {
  const step: StepRecord = {
    restoreId: row.restore_id,
    attempt: row.attempt,
    id: row.step_id,
    index: row.idx,
    phase: row.phase as StepRecord['phase'],
    action: row.action as StepRecord['action'],
    direction: row.direction as StepRecord['direction'],
    early: row.early === 1,
    rules: parse(row.rules_json),
    status: row.status as StepStatus,
    attempts: row.attempts,
    retries: parse(row.retries_json),
  };
  if (row.request_id !== null) step.requestId = row.request_id;
  if (row.error_json !== null) step.error = parse(row.error_json);
  if (row.outcome_json !== null) step.outcome = parse(row.outcome_json);
  if (row.started_at !== null) step.startedAt = row.started_at;
  if (row.finished_at !== null) step.finishedAt = row.finished_at;
  return step;
}
