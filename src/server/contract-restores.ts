/**
 * Restores as jobs, journal entries and history: the start request, the statuses, each step's
 * outcome, the verification, the summary and detail views, and the history list.
 */
import { z } from 'zod';
import { followUpRequestSchema } from './contract-rollback';
import {
  apiErrorSchema,
  groupIdSchema,
  restoreModeSchema,
  restoreOptionsSchema,
  ruleSchema,
} from './contract-common';
import { automaticRevertMarkSchema, restoreLinksSchema } from './contract-history';
import { planStepViewSchema, previewRequestSchema, previewSummarySchema } from './contract-preview';
import { autoRevertMinutesSchema, autoRevertSchema } from './contract-safe-apply';
import { restoreDestinationSnapshotSchema } from './contract-snapdest';

export const startRestoreRequestSchema = previewRequestSchema
  .extend({
    revision: z.string().min(1).max(128),
    /** The source group's name, typed; required when the preview asks for a confirmation. */
    confirmName: z.string().max(256).optional(),
    /** Revert automatically this many minutes after the restore verifies, unless kept. */
    autoRevertMinutes: autoRevertMinutesSchema.optional(),
  })
  .strict();
/** Undo takes what Retry remaining and Roll back take: the preview's revision and the typed name. */
export const undoRequestSchema = followUpRequestSchema;

export const restoreAcceptedSchema = z.object({ restoreId: z.string() });

export const restoreKindSchema = z.enum(['restore', 'rollback', 'undo']);
export const restoreStatusSchema = z.enum([
  /** Journal written, first call not yet made. */
  'pending',
  'running',
  /** Every step applied and the verification read matched. */
  'succeeded',
  /** A step failed for good; the journal says what was applied and what remains. */
  'failed',
  /** The server stopped while this restore ran (found at start-up). */
  'interrupted',
  /** Refused before any write: the plan failed a pre-flight check (the error lists them). */
  'refused',
  /** Stop after this step: the step in flight finished, no more were applied. */
  'stopped',
]);

/**
 * How the runner settled a step whose call ended without an answer (retries spent on a 5xx or a
 * dropped connection): by reading the source again. `unresolved` when that read failed too.
 */
export const stepResolutionSchema = z.object({
  applied: z.enum(['applied', 'not-applied', 'partly-applied', 'unresolved']),
  /** RequestId of the read that decided it (absent when it failed). */
  readRequestId: z.string().optional(),
  /** Rules of the step found in their desired state (authorize, modify) or gone (revoke). */
  present: z.number().int(),
  /** Rules of the step not in that state. */
  absent: z.number().int(),
  /** Why the read could not decide it. */
  readError: apiErrorSchema.optional(),
});

/** A Retry remaining that the server refused (the restore stays as it was). */
export const refusalSchema = z.object({
  at: z.string(),
  /** The attempt number the refused retry would have started. */
  attempt: z.number().int(),
  error: apiErrorSchema,
});

/** One wait of the ECS adapter before it called again (throttling, 5xx, a dropped connection). */
export const stepRetrySchema = z.object({
  /** The code of the failure that was retried, e.g. Throttling.User. */
  code: z.string(),
  /** 1 for the first retry. */
  retry: z.number().int(),
  /** Retries the adapter allows for one call. */
  of: z.number().int(),
  delayMs: z.number().int(),
  at: z.string(),
});

export const stepOutcomeSchema = planStepViewSchema.extend({
  /** `unknown`: the call went unanswered and the read that should have settled it failed. */
  status: z.enum(['pending', 'running', 'applied', 'failed', 'unknown']),
  /** Present when the call went unanswered and the runner read the source to settle it. */
  outcome: stepResolutionSchema.optional(),
  attempts: z.number().int(),
  requestId: z.string().optional(),
  error: apiErrorSchema.optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  rules: z.array(ruleSchema),
  /** Added by the server helper: 1 for the first run; each Retry remaining plans a new attempt. */
  attempt: z.number().int().optional(),
  /** The adapter's waits before calling again, oldest first (absent when there were none). */
  retries: z.array(stepRetrySchema).optional(),
});

export const verificationSchema = z.object({
  status: z.enum(['pending', 'passed', 'failed']),
  /** Expected rules ECS does not report. */
  missing: z.array(ruleSchema),
  /** Rules ECS reports that the plan did not expect. */
  unexpected: z.array(ruleSchema),
});

export const restoreSummarySchema = z.object({
  id: z.string(),
  kind: restoreKindSchema,
  /** For rollback/undo: the restore whose snapshot is the target. */
  parentId: z.string().optional(),
  regionId: z.string(),
  source: z.object({ id: z.string(), name: z.string() }),
  destination: z.object({ id: z.string(), name: z.string() }),
  /** The snapshot the rules came from when the destination was one; null for a group. */
  destinationSnapshot: restoreDestinationSnapshotSchema.nullable(),
  mode: restoreModeSchema,
  status: restoreStatusSchema,
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  summary: previewSummarySchema,
  stepsTotal: z.number().int(),
  stepsApplied: z.number().int(),
  /** Who started it: the SSO user named by a trusted proxy, "console token" or "local". */
  actor: z.string(),
  /** Reverted automatically by its timer, or the automatic revert of another restore. */
  automaticRevert: automaticRevertMarkSchema.optional(),
});

export const restoreDetailSchema = restoreSummarySchema.extend({
  options: restoreOptionsSchema,
  revision: z.string(),
  steps: z.array(stepOutcomeSchema),
  verification: verificationSchema,
  /** The source's rules just before this restore (the undo / rollback target). */
  snapshot: z.array(ruleSchema),
  expected: z.array(ruleSchema),
  error: apiErrorSchema.optional(),
  /** Retries the server refused because their plan failed a pre-flight check. */
  refusals: z.array(refusalSchema).optional(),
  /** Added by the server helper: the current attempt (steps of earlier attempts keep theirs). */
  attempt: z.number().int().optional(),
  /** While running: `verifying` once every step of the current attempt is applied. */
  phase: z.enum(['applying', 'verifying']).optional(),
  /** While the running step waits to call ECS again: the latest wait, and the step's ID. */
  retrying: stepRetrySchema.extend({ stepId: z.string() }).optional(),
  /** What undid or rolled back this restore, and who retried it (SPEC 14). */
  links: restoreLinksSchema,
  /** The confirm-or-revert timer, when the restore asked for one. */
  autoRevert: autoRevertSchema.optional(),
  /** Added by the server helper: facts of the current attempt's plan. */
  plan: z
    .object({
      calls: z.number().int(),
      earlyRemovals: z.array(ruleSchema),
      makeBeforeBreak: z.boolean(),
      /** Cherry-pick: rule identities the restore left as they are (absent: none). */
      excluded: z.array(z.string()).optional(),
    })
    .optional(),
});

export const restoreListQuerySchema = z
  .object({
    cursor: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    sourceId: groupIdSchema.optional(),
    status: restoreStatusSchema.optional(),
    kind: restoreKindSchema.optional(),
    actor: z.string().min(1).max(256).optional(),
    /** Created at or after / before these times (ISO 8601). */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const restoreListResponseSchema = z.object({
  restores: z.array(restoreSummarySchema),
  /** '' on the last page. */
  nextCursor: z.string(),
});

export type StartRestoreRequest = z.input<typeof startRestoreRequestSchema>;
export type RestoreAccepted = z.infer<typeof restoreAcceptedSchema>;
export type RestoreSummary = z.infer<typeof restoreSummarySchema>;
export type RestoreDetail = z.infer<typeof restoreDetailSchema>;
export type RestoreListResponse = z.infer<typeof restoreListResponseSchema>;
export type RestoreListQuery = z.infer<typeof restoreListQuerySchema>;
export type StepOutcome = z.infer<typeof stepOutcomeSchema>;
export type StepResolution = z.infer<typeof stepResolutionSchema>;
export type StepRetry = z.infer<typeof stepRetrySchema>;
export type Refusal = z.infer<typeof refusalSchema>;
