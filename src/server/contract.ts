/**
 * The proxy's API contract: request and response shapes as zod schemas. The server validates
 * requests with them and builds responses that satisfy them; the web client imports only the
 * inferred types (`import type`), and tests build data with them. Each area has its own
 * `contract-<area>.ts`; this module re-exports them all, so callers import from one path. The
 * preview answer stays here with the protected-source schemas it carries.
 */
import { z } from 'zod';
import { restoreModeSchema, restoreOptionsSchema, ruleSchema } from './contract-common';
import { securityGroupSummarySchema } from './contract-groups';
import {
  eniQuotaStatusSchema,
  trafficEffectSchema,
  trafficStatementSchema,
} from './contract-impact';
import { destinationSnapshotSchema } from './contract-import';
import { preflightFailureSchema } from './contract-preflight';
import {
  directionDiffSchema,
  planStepViewSchema,
  previewSummarySchema,
  warningSchema,
} from './contract-preview';
import { selectionViewSchema } from './contract-selection';
import { confirmationReasonSchema } from './contract-confirmation';

// ---------- restore preview ----------

export const previewResponseSchema = z.object({
  source: securityGroupSummarySchema,
  /** The destination group; for undo and rollback, the source itself (its pre-restore snapshot). */
  destination: securityGroupSummarySchema,
  /** Set when the destination is a snapshot (or an imported file): `destination` is its group. */
  destinationSnapshot: destinationSnapshotSchema.optional(),
  mode: restoreModeSchema,
  options: restoreOptionsSchema,
  ingress: directionDiffSchema,
  egress: directionDiffSchema,
  summary: previewSummarySchema,
  plan: z.object({
    steps: z.array(planStepViewSchema),
    calls: z.number().int(),
    earlyRemovals: z.array(ruleSchema),
    makeBeforeBreak: z.boolean(),
  }),
  warnings: z.array(warningSchema),
  /** Failed pre-flight checks (SPEC section 10); empty when all pass. OK stays disabled otherwise. */
  checks: z.array(preflightFailureSchema),
  revision: z.string(),
  /** Nothing would change: OK stays disabled. */
  identical: z.boolean(),
  // Impact (SPEC section 11); the protected-source schemas are below, hence lazy.
  /** The source's rules as read (the packet check's "before"). */
  before: z.array(ruleSchema),
  /** The source's rules after the plan (the packet check's "after"). */
  expected: z.array(ruleSchema),
  traffic: trafficEffectSchema,
  eniQuota: eniQuotaStatusSchema,
  protectedBlocked: z.array(z.lazy(() => protectedBlockedSchema)),
  /** Non-null when OK needs the source group's name typed (`confirmName` of the start). */
  confirmationRequired: z.lazy(() => confirmationRequiredSchema).nullable(),
  /** The rows the plan leaves as they are; the tables above still list them. */
  selection: selectionViewSchema,
});

export type PreviewResponse = z.infer<typeof previewResponseSchema>;

// ---------- impact: protected sources ----------

export const protectedSourceSchema = z.object({ label: z.string(), cidr: z.string() });

export const protectedBlockedSchema = protectedSourceSchema.extend({
  statements: z.array(trafficStatementSchema),
});

export const confirmationRequiredSchema = z.object({
  /** The first of `reasons`, for readers that know one reason. */
  reason: z.enum(['protected-source', 'running-instances', 'instances-unread']),
  /** Every reason that applies, protected source first (see contract-confirmation.ts). */
  reasons: z.array(confirmationReasonSchema).min(1),
});

/** PUT body: the console's own entries (the setting's are read-only and not sent). */
export const protectedSourcesRequestSchema = z
  .object({
    sources: z
      .array(z.object({ label: z.string(), cidr: z.string() }).strict())
      .max(100, 'must list at most 100 entries'),
  })
  .strict();

export const protectedSourcesResponseSchema = z.object({
  /** From PROTECTED_SOURCES: shown read-only. */
  configured: z.array(protectedSourceSchema),
  /** Edited in the console, stored in the journal. */
  edited: z.array(protectedSourceSchema),
});

export type ProtectedSourceView = z.infer<typeof protectedSourceSchema>;
export type ProtectedSourcesResponse = z.infer<typeof protectedSourcesResponseSchema>;
export type ProtectedSourcesRequest = z.infer<typeof protectedSourcesRequestSchema>;
export * from './contract-common';
export * from './contract-session';
export * from './contract-groups';
export * from './contract-preflight';
export * from './contract-preview';
export * from './contract-restores';
export * from './contract-usage';
export * from './contract-snapshots';
export * from './contract-impact';
export * from './contract-history';
export * from './contract-safe-apply';
export * from './contract-rollback';
export * from './contract-import';
export * from './contract-selection';
export * from './contract-snapdest';
export * from './contract-confirmation';
