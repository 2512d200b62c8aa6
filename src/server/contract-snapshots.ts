/** Snapshots, watches, the timeline, compare, clone and export (SPEC section 12). */
import { z } from 'zod';
import { apiErrorSchema, groupIdSchema, regionIdSchema, ruleSchema } from './contract-common';
import { groupInfoSchema } from './contract-groups';
import { directionDiffSchema, previewSummarySchema } from './contract-preview';
import { restoreKindSchema, restoreStatusSchema } from './contract-restores';

export const SNAPSHOT_ID_PATTERN = /^snap-[a-z0-9]{6,40}$/;
export const snapshotIdSchema = z.string().regex(SNAPSHOT_ID_PATTERN, 'is not a snapshot ID');

export const snapshotKindSchema = z.enum([
  'manual',
  'before-restore',
  'before-undo',
  'before-rollback',
  'watch',
  'import',
]);

/** POST /api/regions/:region/security-groups/:id/snapshots. */
export const createSnapshotRequestSchema = z
  .object({ note: z.string().trim().max(500).default('') })
  .strict();

export const snapshotSummarySchema = z.object({
  id: z.string(),
  regionId: z.string(),
  group: groupInfoSchema,
  kind: snapshotKindSchema,
  note: z.string(),
  /** Same rules (identity, priority, description) ⇔ same digest. */
  digest: z.string(),
  ruleCount: z.number().int(),
  createdAt: z.string(),
  /** "local", "console token" or "watch". */
  createdBy: z.string(),
  /** The restore, undo or roll back this snapshot was taken before. */
  restoreId: z.string().optional(),
});

export const snapshotDetailSchema = snapshotSummarySchema.extend({ rules: z.array(ruleSchema) });

export const snapshotListQuerySchema = z
  .object({
    regionId: regionIdSchema.optional(),
    groupId: groupIdSchema.optional(),
    cursor: z
      .string()
      .regex(/^\d{1,18}$/, 'is not a cursor of this list')
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const snapshotListResponseSchema = z.object({
  snapshots: z.array(snapshotSummarySchema),
  /** '' on the last page. */
  nextCursor: z.string(),
});

/** PUT /api/regions/:region/security-groups/:id/watch. */
export const watchRequestSchema = z.object({ watched: z.boolean() }).strict();

export const watchSchema = z.object({
  regionId: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  /** deleted: the group no longer exists; it is not read again. */
  status: z.enum(['active', 'deleted']),
  nextReadAt: z.string(),
  /** Extra wait after throttling, in seconds (0: none). */
  backoffSeconds: z.number(),
  lastReadAt: z.string().optional(),
  lastError: apiErrorSchema.optional(),
  /** Who last turned the watch on, and when. */
  watchedBy: z.string(),
  watchedSince: z.string(),
});

export const watchStateSchema = z.object({
  watched: z.boolean(),
  watch: watchSchema.optional(),
  /** When turned off: who did it and when (the journal keeps it). */
  turnedOff: z.object({ by: z.string(), at: z.string() }).optional(),
});
export const watchListResponseSchema = z.object({ watches: z.array(watchSchema) });

export const timelineEntrySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('snapshot'),
    id: z.string(),
    kind: snapshotKindSchema,
    at: z.string(),
    by: z.string(),
    note: z.string(),
    ruleCount: z.number().int(),
    digest: z.string(),
    restoreId: z.string().optional(),
  }),
  z.object({
    type: z.literal('restore'),
    id: z.string(),
    kind: restoreKindSchema,
    status: restoreStatusSchema,
    at: z.string(),
    finishedAt: z.string().optional(),
    by: z.string(),
    destination: z.object({ id: z.string(), name: z.string() }),
    parentId: z.string().optional(),
    /** The snapshot of the rules before it; absent once retention pruned it. */
    snapshotId: z.string().optional(),
    summary: previewSummarySchema,
    /** The group's part: `source` (its rules were changed) or `destination` (its rules were copied). */
    role: z.enum(['source', 'destination']),
    source: z.object({ id: z.string(), name: z.string() }),
  }),
  z.object({
    type: z.literal('watch'),
    id: z.string(),
    /** The watch turned on or off. */
    action: z.enum(['on', 'off']),
    at: z.string(),
    by: z.string(),
  }),
]);

export const timelineResponseSchema = z.object({
  regionId: z.string(),
  groupId: z.string(),
  /** Newest first. */
  entries: z.array(timelineEntrySchema),
});

/** A point to compare: a snapshot ID, or `live` for the group's rules now. */
export const comparePointSchema = z.union([z.literal('live'), snapshotIdSchema]);
export const compareQuerySchema = z
  .object({ from: comparePointSchema, to: comparePointSchema })
  .strict();

export const comparePointViewSchema = z.object({
  point: z.string(),
  /** When the rules were taken (now for live). */
  at: z.string(),
  ruleCount: z.number().int(),
  digest: z.string(),
});

/** `from` → `to` in the preview's terms: added = only in `to`, removed = only in `from`. */
export const compareResponseSchema = z.object({
  from: comparePointViewSchema,
  to: comparePointViewSchema,
  ingress: directionDiffSchema,
  egress: directionDiffSchema,
  summary: previewSummarySchema,
  identical: z.boolean(),
});

/** ECS: 2–128 characters, starting with a letter, not with http:// or https://. */
export const securityGroupNameSchema = z
  .string()
  .trim()
  .min(2, 'must have 2 to 128 characters')
  .max(128, 'must have 2 to 128 characters')
  .regex(
    /^[\p{L}][\p{L}\p{N}._:\- ]*$/u,
    'must start with a letter and hold letters, digits, periods, underscores, colons, hyphens and spaces',
  )
  .refine((name) => !/^https?:\/\//i.test(name), 'must not start with http:// or https://');

/** POST /api/regions/:region/security-groups/:id/clone. */
export const cloneRequestSchema = z
  .object({
    name: securityGroupNameSchema.optional(),
    description: z
      .string()
      .trim()
      .min(2, 'must have 2 to 256 characters')
      .max(256, 'must have 2 to 256 characters')
      .refine((d) => !/^https?:\/\//i.test(d), 'must not start with http:// or https://')
      .optional(),
  })
  .strict();

export const cloneAcceptedSchema = z.object({ groupId: z.string(), restoreId: z.string() });

export const exportQuerySchema = z
  .object({ format: z.enum(['json', 'csv']).default('json') })
  .strict();

export type SnapshotKind = z.infer<typeof snapshotKindSchema>;
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;
export type SnapshotDetail = z.infer<typeof snapshotDetailSchema>;
export type SnapshotListResponse = z.infer<typeof snapshotListResponseSchema>;
export type WatchView = z.infer<typeof watchSchema>;
export type WatchListResponse = z.infer<typeof watchListResponseSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type TimelineResponse = z.infer<typeof timelineResponseSchema>;
export type CompareResponse = z.infer<typeof compareResponseSchema>;
export type CloneRequest = z.input<typeof cloneRequestSchema>;
export type CloneAccepted = z.infer<typeof cloneAcceptedSchema>;
