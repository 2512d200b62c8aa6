/**
 * A restore whose destination was a snapshot (or an imported file) names that snapshot in its
 * record, so history can say which one even after retention removed it. A leaf module (it
 * imports nothing from contract.ts, which uses this schema and re-exports it).
 */
import { z } from 'zod';

/** The snapshot a restore took its rules from, as the journal recorded it when the restore began. */
export const restoreDestinationSnapshotSchema = z.object({
  id: z.string(),
  /** manual, watch, import, before-restore ... */
  kind: z.string(),
  /** The group the snapshot is of (for an import, the group its file names). */
  groupId: z.string(),
  groupName: z.string(),
  /** When the snapshot was taken (or the file imported). */
  takenAt: z.string(),
  note: z.string(),
});

export type RestoreDestinationSnapshotView = z.infer<typeof restoreDestinationSnapshotSchema>;
