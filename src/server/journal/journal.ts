/**
 * The restore journal: SQLite (WAL) holding, for every restore, the source's rules before it,
 * the destination's rules, the plan, and each step's outcome as it happens. Every write is a
 * synchronous, committed transaction, so the runner can make the next ECS call knowing the
 * journal already describes everything before it.
 *
 * This module opens the database and puts the journal together from its parts: the restores'
 * reads (restore-queries.ts) and writes (restore-writes.ts), the steps' writes (step-writes.ts),
 * start-up recovery (mark-interrupted.ts), and the stores of snapshots, watches, automatic
 * reverts and protected sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAutoRevertStore, type AutoRevertStore } from './auto-revert-store';
import { markInterrupted } from './mark-interrupted';
import { createProtectedSourceStore, type ProtectedSourceStore } from './protected-source-store';
import { createRestoreQueries, type RestoreQueries } from './restore-queries';
import { createRestoreWrites, type RestoreWrites } from './restore-writes';
import { migrate } from './schema';
import { createSnapshotStore, type SnapshotStore } from './snapshot-store';
import { createStepWrites, type StepWrites } from './step-writes';
import { createWatchStore, type WatchStore } from './watch-store';

export type {
  AttemptActor,
  ChildRestore,
  Counts,
  DestinationSnapshotRecord,
  HistoryFilter,
  ListedRestore,
  NewRestore,
  PlanFacts,
  RestoreKind,
  RestorePage,
  RestoreRecord,
  RestoreStatus,
  StepFinish,
  StepRecord,
  StepStatus,
  Verification,
} from './restore-records';

export interface Journal
  extends RestoreQueries, RestoreWrites, Omit<StepWrites, 'write'>, ProtectedSourceStore {
  readonly location: string;
  readonly snapshots: SnapshotStore;
  readonly watches: WatchStore;
  readonly autoReverts: AutoRevertStore;
  /** Start-up recovery: pending/running restores become interrupted; running steps failed. */
  markInterrupted(at: string): string[];
  close(): void;
}

/** Opens (creating if missing) the journal at `file`, or an in-memory one for ':memory:'. */
export function openJournal(file: string): Journal {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  // FULL: a commit survives power loss, not only a process crash; journal writes are few.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);

  const snapshots = createSnapshotStore(db);
  const queries = createRestoreQueries(db);
  const steps = createStepWrites(db);
  const writes = createRestoreWrites(db, { snapshots, steps, get: queries.get });
  return {
    location: file,
    snapshots,
    watches: createWatchStore(db),
    autoReverts: createAutoRevertStore(db),
    ...queries,
    ...writes,
    startStep: steps.startStep,
    finishStep: steps.finishStep,
    addStepRetry: steps.addStepRetry,
    ...createProtectedSourceStore(db),
    markInterrupted: (at) => markInterrupted(db, at),
    close() {
      if (db.open) db.close();
    },
  };
}
