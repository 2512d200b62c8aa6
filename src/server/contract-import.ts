/**
 * Restore from a snapshot and import a file as the destination (SPEC section 12): the import
 * request, its line/field errors, and what a preview says of a snapshot destination. Plain zod
 * only: contract.ts re-exports this file and uses the destination schema in its preview answer.
 */
import { z } from 'zod';

/** Snapshot IDs as destinations: `snap-` and lower-case letters and digits. */
export const DESTINATION_SNAPSHOT_PATTERN = /^snap-[a-z0-9]{6,40}$/;
/** Import files are bounded: 1 MiB of text (a group of 200 rules exports to about 100 KiB). */
export const MAX_IMPORT_CHARS = 1024 * 1024;
/** At most this many errors are listed; `truncated` says when there were more. */
export const MAX_IMPORT_ERRORS = 50;

/** POST /api/regions/:region/imports. */
export const importRequestSchema = z
  .object({
    /** The file's name: `.json` or `.csv`, as exported by us or the ECS console. */
    fileName: z.string().trim().min(1).max(255),
    /** The file's text, read in the browser. */
    content: z.string().max(MAX_IMPORT_CHARS),
    /** The group the import will be restored into: its network type fills what the file omits. */
    sourceId: z.string().regex(/^sg-[a-z0-9]{6,40}$/, 'is not a security group ID (sg-...)'),
  })
  .strict();

/** One problem in an import file, located by line (CSV) or JSON pointer, and field. */
export const importErrorSchema = z.object({
  /** 1-based line of the CSV file. */
  line: z.number().int().optional(),
  /** JSON pointer of the entry, e.g. /Permissions/Permission/3. */
  pointer: z.string().optional(),
  /** The ECS field name (PortRange, SourceCidrIp ...), absent for a problem of the whole file. */
  field: z.string().optional(),
  /** The sentence, naming the place, e.g. "line 7, field PortRange: '80/70' is not a port range". */
  message: z.string(),
});

/** The `details` of a 400 ImportInvalid. */
export const importErrorDetailsSchema = z.object({
  errors: z.array(importErrorSchema),
  /** More errors were found than listed. */
  truncated: z.boolean(),
});

/** What a preview (and a restore's record) says of a destination that is a snapshot. */
export const destinationSnapshotSchema = z.object({
  id: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  note: z.string(),
  /** The group the snapshot is of. */
  groupId: z.string(),
  groupName: z.string(),
});

export type ImportRequest = z.input<typeof importRequestSchema>;
export type ImportError = z.infer<typeof importErrorSchema>;
export type ImportErrorDetails = z.infer<typeof importErrorDetailsSchema>;
export type DestinationSnapshotView = z.infer<typeof destinationSnapshotSchema>;
