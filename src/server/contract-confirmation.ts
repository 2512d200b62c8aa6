/**
 * Why a restore needs the source group's name typed before it starts (SPEC section 11): it
 * blocks a protected source, or it is Completely and removes rules from a group that running
 * instances use (or whose instances could not be read, which is treated as "maybe").
 */
import { z } from 'zod';

export const confirmationReasonSchema = z.discriminatedUnion('kind', [
  /** A protected source loses traffic it has today. */
  z.object({ kind: z.literal('protected-source') }),
  /** Running instances use the source, and the plan removes `removed` of its rules. */
  z.object({
    kind: z.literal('running-instances'),
    running: z.number().int().positive(),
    /** False when the page bound stopped the read: `running` is then a lower bound. */
    complete: z.boolean(),
    removed: z.number().int().positive(),
  }),
  /**
   * The plan removes `removed` rules, and DescribeInstances failed (or stopped at the page bound
   * with none running so far): the console cannot say no running instance uses the group.
   */
  z.object({
    kind: z.literal('instances-unread'),
    removed: z.number().int().positive(),
    code: z.string(),
    message: z.string(),
    action: z.string(),
    requestId: z.string().optional(),
  }),
]);

export type ConfirmationReason = z.infer<typeof confirmationReasonSchema>;
export type ConfirmationReasonKind = ConfirmationReason['kind'];
