/**
 * The follow-ups of a restore that exists (Retry remaining, Roll back): like Undo, each runs only
 * with the revision of the preview the user reviewed.
 */
import { z } from 'zod';

export const followUpRequestSchema = z
  .object({
    revision: z.string().min(1).max(128),
    /** The source group's name, typed; required when the preview asks for a confirmation. */
    confirmName: z.string().max(256).optional(),
  })
  .strict();
export type FollowUpRequest = z.infer<typeof followUpRequestSchema>;
