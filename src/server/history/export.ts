/**
 * The filtered history as files: CSV with one row per restore (what a spreadsheet review needs,
 * down to the automatic-revert links both ways) and JSON with each restore's full detail, its
 * steps and the rules they carried. Cells that a spreadsheet would run as a formula are written
 * as text.
 */
import type { RestoreDetail } from '../contract';
import { toCsv } from '../snapshots/csv';

export const HISTORY_CSV_COLUMNS = [
  'id',
  'kind',
  'status',
  'actor',
  'createdAt',
  'finishedAt',
  'regionId',
  'sourceId',
  'sourceName',
  'destinationId',
  'destinationName',
  'mode',
  'parentId',
  'added',
  'removed',
  'changed',
  'stepsApplied',
  'stepsTotal',
  'attempt',
  'verification',
  'requestIds',
  'error',
  'destinationSnapshotId',
  'destinationSnapshotKind',
  'destinationSnapshotTakenAt',
  // Added last so that a sheet reading the columns above by position still reads them.
  'automaticRevertOf',
  'revertedAutomaticallyBy',
] as const;

export interface HistoryFile {
  body: string;
  contentType: string;
  fileName: string;
}

/** A leading =, +, -, @, tab or CR makes Excel and others evaluate the cell; a quote stops it. */
function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvRow(detail: RestoreDetail): string[] {
  const requestIds = detail.steps.flatMap((step) =>
    step.requestId === undefined ? [] : [step.requestId],
  );
  const row = [
    detail.id,
    detail.kind,
    detail.status,
    detail.actor,
    detail.createdAt,
    detail.finishedAt ?? '',
    detail.regionId,
    detail.source.id,
    detail.source.name,
    detail.destination.id,
    detail.destination.name,
    detail.mode,
    detail.parentId ?? '',
    String(detail.summary.added),
    String(detail.summary.removed),
    String(detail.summary.changed),
    String(detail.stepsApplied),
    String(detail.stepsTotal),
    String(detail.attempt ?? 1),
    detail.verification.status,
    requestIds.join(' '),
    detail.error === undefined ? '' : `${detail.error.code}: ${detail.error.message}`,
    detail.destinationSnapshot?.id ?? '',
    detail.destinationSnapshot?.kind ?? '',
    detail.destinationSnapshot?.takenAt ?? '',
    detail.links.automaticRevertOf?.id ?? '',
    detail.links.revertedAutomatically?.id ?? '',
  ];
  return row.map(textCell);
}

/** One CSV row per restore, newest first. */
export function historyCsv(details: readonly RestoreDetail[], stem: string): HistoryFile {
  return {
    body: toCsv(HISTORY_CSV_COLUMNS, details.map(csvRow)),
    contentType: 'text/csv; charset=utf-8',
    fileName: `${stem}.csv`,
  };
}

/** The restores' details (steps with their rules, the snapshot, verification, links). */
export function historyJson(
  details: readonly RestoreDetail[],
  meta: { exportedAt: string; filter: Record<string, string> },
  stem: string,
): HistoryFile {
  return {
    body: `${JSON.stringify({ ...meta, restores: details }, null, 2)}\n`,
    contentType: 'application/json; charset=utf-8',
    fileName: `${stem}.json`,
  };
}
