/**
 * Safe apply (SPEC section 13): the confirm-or-revert timer of a restore as the restore detail
 * carries it, and the answers of Keep, Revert now and Stop.
 */
import { z } from 'zod';

/** Minutes a restore may wait for Keep before it reverts itself. */
export const autoRevertMinutesSchema = z.number().int().min(1).max(60);

export const autoRevertStateSchema = z.enum([
  /** Asked for; the restore has not verified yet, so no deadline runs. */
  'waiting',
  /** The deadline runs: Keep or Revert now decide before it, else the server does. */
  'armed',
  /** Kept by an operator: no revert. */
  'kept',
  /** A roll back was started (automatically at the deadline, or by Revert now) and runs. */
  'reverting',
  /** The roll back succeeded. */
  'reverted',
  /** At the deadline the source's rules were no longer what the restore left: not reverted. */
  'skipped',
  /** The roll back could not start or did not succeed; `reason` says why. */
  'failed',
  /** The restore did not verify, so there was nothing to confirm. */
  'cancelled',
]);

export const autoRevertSchema = z.object({
  minutes: autoRevertMinutesSchema,
  state: autoRevertStateSchema,
  /** When the server reverts unless kept; absent until the restore verifies. */
  deadline: z.string().optional(),
  decidedAt: z.string().optional(),
  /** Who decided: an operator ("local", "console token") or "auto-revert" for the timer. */
  decidedBy: z.string().optional(),
  reason: z.string().optional(),
  /** The roll back that reverted (or tried to revert) the restore. */
  revertId: z.string().optional(),
  /** For `skipped`: how the source's rules differed from what the restore left. */
  difference: z.object({ added: z.number().int(), removed: z.number().int() }).optional(),
});

export type AutoRevertView = z.infer<typeof autoRevertSchema>;
export type AutoRevertState = z.infer<typeof autoRevertStateSchema>;
