/**
 * The pieces of a restore preview: its request, the diff per direction, the plan's steps, the
 * warnings and the summary counts. The preview answer itself is in contract.ts, next to the
 * protected-source schemas it carries.
 */
import { z } from 'zod';
import {
  groupIdSchema,
  restoreModeSchema,
  restoreOptionsSchema,
  ruleSchema,
} from './contract-common';
import { DESTINATION_SNAPSHOT_PATTERN } from './contract-import';
import { excludedRulesSchema } from './contract-selection';

export const previewRequestSchema = z
  .object({
    /** A group (sg-…) or a snapshot (snap-…, also an imported file) to restore from. */
    destinationId: z.union([groupIdSchema, z.string().regex(DESTINATION_SNAPSHOT_PATTERN)], {
      error: 'is not a security group ID (sg-...) or a snapshot ID (snap-...)',
    }),
    mode: restoreModeSchema,
    options: restoreOptionsSchema.default({
      recreateSystemRules: false,
      retargetSelfReferences: false,
    }),
    /** Rule identities of the rows to leave as they are (cherry-pick); none by default. */
    excluded: excludedRulesSchema.optional(),
  })
  .strict();

export const notRestorableSchema = z.object({
  rule: ruleSchema,
  side: z.enum(['source', 'destination']),
  reason: z.enum([
    'system-rule',
    'system-rule-kept',
    'cross-vpc-reference',
    'enterprise-drop',
    'enterprise-group-reference',
    'self-reference',
    'description-not-clearable',
  ]),
});

export const directionDiffSchema = z.object({
  added: z.array(ruleSchema),
  removed: z.array(ruleSchema),
  changed: z.array(z.object({ before: ruleSchema, after: ruleSchema })),
  unchanged: z.array(ruleSchema),
  notRestorable: z.array(notRestorableSchema),
});

export const planStepViewSchema = z.object({
  id: z.string(),
  index: z.number().int(),
  phase: z.enum(['opening', 'closing']),
  action: z.enum(['authorize', 'revoke', 'modify']),
  direction: z.enum(['ingress', 'egress']),
  ruleCount: z.number().int(),
  early: z.boolean(),
});

export const warningSchema = z.object({
  kind: z.enum([
    'open-ssh-to-world',
    'open-rdp-to-world',
    'open-all-to-world',
    'rule-limit-early-removals',
    'self-reference',
  ]),
  rules: z.array(ruleSchema),
});

export const previewSummarySchema = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  notRestorable: z.number().int(),
});

export type PreviewRequest = z.input<typeof previewRequestSchema>;
/** A preview request with its defaults filled in: what the Restore Rules dialog holds. */
export type PreviewParams = z.infer<typeof previewRequestSchema>;
export type WarningView = z.infer<typeof warningSchema>;
