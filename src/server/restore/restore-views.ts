/** Journal records as the contract's restore views. */
import type { RestoreDetail, RestoreSummary, StepOutcome } from '../contract';
import type { ChildRestore, RestoreRecord, StepRecord } from '../journal/journal';
import { planStepView } from '../views';

function progress(
  record: RestoreRecord,
  steps: StepRecord[],
): { stepsTotal: number; stepsApplied: number } {
  // Earlier attempts count with what they applied; the current attempt with all its steps.
  let stepsTotal = 0;
  let stepsApplied = 0;
  for (const step of steps) {
    if (step.status === 'applied') stepsApplied += 1;
    if (step.attempt === record.attempt || step.status === 'applied') stepsTotal += 1;
  }
  return { stepsTotal, stepsApplied };
}

export function restoreSummaryView(record: RestoreRecord, steps: StepRecord[]): RestoreSummary {
  const view: RestoreSummary = {
    id: record.id,
    kind: record.kind,
    regionId: record.regionId,
    source: { id: record.sourceGroup.id, name: record.sourceGroup.name },
    destination: { id: record.destinationGroup.id, name: record.destinationGroup.name },
    destinationSnapshot: record.destinationSnapshot ?? null,
    mode: record.mode,
    status: record.status,
    createdAt: record.createdAt,
    summary: record.summary,
    ...progress(record, steps),
    actor: record.actor,
  };
  if (record.parentId !== undefined) view.parentId = record.parentId;
  if (record.finishedAt !== undefined) view.finishedAt = record.finishedAt;
  return view;
}

function stepView(step: StepRecord): StepOutcome {
  const view: StepOutcome = {
    ...planStepView(step),
    attempt: step.attempt,
    status: step.status,
    attempts: step.attempts,
    rules: step.rules,
  };
  if (step.retries.length > 0) view.retries = step.retries;
  if (step.requestId !== undefined && step.requestId !== '') view.requestId = step.requestId;
  if (step.error !== undefined) view.error = step.error;
  if (step.outcome !== undefined) view.outcome = step.outcome;
  if (step.startedAt !== undefined) view.startedAt = step.startedAt;
  if (step.finishedAt !== undefined) view.finishedAt = step.finishedAt;
  return view;
}

/** The detail of a restore; `children` are its undos and roll backs (journal.children). */
export function restoreDetailView(
  record: RestoreRecord,
  steps: StepRecord[],
  children: ChildRestore[] = [],
): RestoreDetail {
  const linksOf = (kind: ChildRestore['kind']) =>
    children
      .filter((child) => child.kind === kind)
      .map(({ id, status, createdAt }) => ({ id, status, createdAt }));
  const detail: RestoreDetail = {
    ...restoreSummaryView(record, steps),
    options: record.options,
    revision: record.revision,
    attempt: record.attempt,
    steps: steps.map(stepView),
    verification: record.verification,
    snapshot: record.snapshot,
    expected: record.expected,
    plan: record.plan,
    links: {
      undoneBy: linksOf('undo'),
      rolledBackBy: linksOf('rollback'),
      retries: record.retriedBy,
    },
  };
  if (record.status === 'running') {
    const current = steps.filter((s) => s.attempt === record.attempt);
    detail.phase = current.every((s) => s.status === 'applied') ? 'verifying' : 'applying';
    const waiting = current.find((s) => s.status === 'running');
    const last = waiting?.retries.at(-1);
    if (waiting && last) detail.retrying = { ...last, stepId: waiting.id };
  }
  if (record.error !== undefined) detail.error = record.error;
  if (record.refusals.length > 0) detail.refusals = record.refusals;
  return detail;
}
