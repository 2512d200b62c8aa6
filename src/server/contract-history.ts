/**
 * History for an auditor (SPEC 14): who started each retry, the restores that undid or rolled
 * back a restore, and the exports of the filtered list. A leaf module (it imports nothing from
 * contract.ts, which uses these schemas and re-exports them).
 */
import { z } from 'zod';

/** One Retry remaining: the attempt it started, who started it and when. */
export const attemptActorSchema = z.object({
  attempt: z.number().int(),
  by: z.string(),
  at: z.string(),
});

/** A restore that undid or rolled back this one (computed from the journal's parent links). */
export const restoreLinkSchema = z.object({
  id: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

/** Links of a restore's detail, both ways; `parentId` (undo of / roll back of) is the other way. */
export const restoreLinksSchema = z.object({
  undoneBy: z.array(restoreLinkSchema),
  rolledBackBy: z.array(restoreLinkSchema),
  /** Each Retry remaining, oldest first: the restore was retried as that attempt. */
  retries: z.array(attemptActorSchema),
  /** The roll back its confirm-or-revert timer started at the deadline (`at`: when). */
  revertedAutomatically: restoreLinkSchema.extend({ at: z.string() }).optional(),
  /** For that roll back: the restore it reverted, `minutes` after the restore verified. */
  automaticRevertOf: z
    .object({ id: z.string(), minutes: z.number().int(), at: z.string() })
    .optional(),
});

/** The list row's mark: this restore was reverted automatically, or is such an automatic revert. */
export const automaticRevertMarkSchema = z.enum(['reverted', 'revert']);

export const historyExportFormatSchema = z.enum(['csv', 'json']);

export type AttemptActorView = z.infer<typeof attemptActorSchema>;
export type RestoreLinkView = z.infer<typeof restoreLinkSchema>;
export type RestoreLinksView = z.infer<typeof restoreLinksSchema>;
export type AutomaticRevertMark = z.infer<typeof automaticRevertMarkSchema>;
