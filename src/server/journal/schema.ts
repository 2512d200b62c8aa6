/**
 * The journal's SQLite schema, versioned. Each migration runs once, in order, in a transaction;
 * `schema_version` holds the version reached. A migration is SQL, or a function for one that
 * moves data SQL alone cannot compute (digests).
 */
import type Database from 'better-sqlite3';
import { snapshotsFromRestores } from './snapshot-migration';

type Migration = string | ((db: Database.Database) => void);

const MIGRATIONS: readonly Migration[] = [
  `CREATE TABLE restores (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     kind TEXT NOT NULL,
     parent_id TEXT,
     region_id TEXT NOT NULL,
     source_id TEXT NOT NULL,
     source_name TEXT NOT NULL,
     destination_id TEXT NOT NULL,
     destination_name TEXT NOT NULL,
     mode TEXT NOT NULL,
     options_json TEXT NOT NULL,
     revision TEXT NOT NULL,
     status TEXT NOT NULL,
     attempt INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     finished_at TEXT,
     summary_json TEXT NOT NULL,
     source_group_json TEXT NOT NULL,
     destination_group_json TEXT NOT NULL,
     snapshot_json TEXT NOT NULL,
     destination_rules_json TEXT NOT NULL,
     expected_json TEXT NOT NULL,
     plan_json TEXT NOT NULL,
     verification_json TEXT NOT NULL,
     error_json TEXT
   );
   CREATE INDEX restores_source ON restores (region_id, source_id, status);
   CREATE TABLE steps (
     restore_id TEXT NOT NULL REFERENCES restores (id),
     attempt INTEGER NOT NULL,
     step_id TEXT NOT NULL,
     idx INTEGER NOT NULL,
     phase TEXT NOT NULL,
     action TEXT NOT NULL,
     direction TEXT NOT NULL,
     early INTEGER NOT NULL,
     rules_json TEXT NOT NULL,
     status TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     request_id TEXT,
     error_json TEXT,
     started_at TEXT,
     finished_at TEXT,
     PRIMARY KEY (restore_id, attempt, step_id)
   );`,
  // 2: refused retries of a restore, and how an unanswered step was settled by a read.
  `ALTER TABLE restores ADD COLUMN refusals_json TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE steps ADD COLUMN outcome_json TEXT;`,
  // 3: snapshots (the rules before each restore become rows: restores point at them), watches.
  (db) => {
    db.exec(`CREATE TABLE snapshots (
       seq INTEGER PRIMARY KEY AUTOINCREMENT,
       id TEXT NOT NULL UNIQUE,
       region_id TEXT NOT NULL,
       group_id TEXT NOT NULL,
       group_json TEXT NOT NULL,
       kind TEXT NOT NULL,
       note TEXT NOT NULL,
       digest TEXT NOT NULL,
       rules_json TEXT NOT NULL,
       rule_count INTEGER NOT NULL,
       created_at TEXT NOT NULL,
       created_by TEXT NOT NULL
     );
     CREATE INDEX snapshots_group ON snapshots (region_id, group_id, seq);
     -- No foreign key: retention may prune a snapshot that an old restore pointed at.
     ALTER TABLE restores ADD COLUMN snapshot_id TEXT;
     CREATE INDEX restores_snapshot ON restores (snapshot_id);
     CREATE TABLE watches (
       region_id TEXT NOT NULL,
       group_id TEXT NOT NULL,
       group_name TEXT NOT NULL,
       status TEXT NOT NULL,
       next_read_ms INTEGER NOT NULL,
       backoff_ms INTEGER NOT NULL DEFAULT 0,
       last_read_at TEXT,
       last_error_json TEXT,
       created_at TEXT NOT NULL,
       PRIMARY KEY (region_id, group_id)
     );`);
    snapshotsFromRestores(db);
    db.exec('ALTER TABLE restores DROP COLUMN snapshot_json');
  },
  // 4: the ECS adapter's retries inside a step's calls (code and wait of each).
  `ALTER TABLE steps ADD COLUMN retries_json TEXT NOT NULL DEFAULT '[]';`,
  // 5: the protected sources edited in the console, in the order shown.
  `CREATE TABLE protected_sources (
     position INTEGER PRIMARY KEY,
     label TEXT NOT NULL,
     cidr TEXT NOT NULL
   );`,
  // 6: who did each restore (until now only its snapshot said so: copied from there), who
  // started each Retry remaining, and who last turned a watch on.
  `ALTER TABLE restores ADD COLUMN actor TEXT NOT NULL DEFAULT 'local';
   UPDATE restores SET actor = COALESCE(
     (SELECT s.created_by FROM snapshots s WHERE s.id = restores.snapshot_id), 'local');
   ALTER TABLE restores ADD COLUMN retried_by_json TEXT NOT NULL DEFAULT '[]';
   CREATE INDEX restores_actor ON restores (actor);
   ALTER TABLE watches ADD COLUMN watched_by TEXT NOT NULL DEFAULT 'local';`,
  // 7: the confirm-or-revert timer of a restore (SPEC 13); the deadline is epoch ms.
  `CREATE TABLE auto_reverts (
     restore_id TEXT PRIMARY KEY REFERENCES restores (id),
     minutes INTEGER NOT NULL,
     state TEXT NOT NULL,
     deadline_ms INTEGER,
     decided_at TEXT,
     decided_by TEXT,
     reason TEXT,
     revert_id TEXT,
     difference_json TEXT
   );
   CREATE INDEX auto_reverts_state ON auto_reverts (state, deadline_ms);
   CREATE INDEX auto_reverts_revert ON auto_reverts (revert_id);`,
  // 8: the snapshot a restore took its rules from, when its destination was one (NULL for a
  // group). Copied, not referenced: retention may prune the snapshot, the record must still
  // name it. Older rows stay NULL: they recorded only the snapshot's group.
  `ALTER TABLE restores ADD COLUMN destination_snapshot_id TEXT;
   ALTER TABLE restores ADD COLUMN destination_snapshot_kind TEXT;
   ALTER TABLE restores ADD COLUMN destination_snapshot_group_id TEXT;
   ALTER TABLE restores ADD COLUMN destination_snapshot_group_name TEXT;
   ALTER TABLE restores ADD COLUMN destination_snapshot_taken_at TEXT;
   ALTER TABLE restores ADD COLUMN destination_snapshot_note TEXT;`,
  // 9: every watch turned on or off, with who and when (turning a watch off deletes its row, so
  // this is the only record of it); each existing watch gets the event that turned it on.
  `CREATE TABLE watch_events (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     region_id TEXT NOT NULL,
     group_id TEXT NOT NULL,
     group_name TEXT NOT NULL,
     action TEXT NOT NULL,
     at TEXT NOT NULL,
     by TEXT NOT NULL
   );
   CREATE INDEX watch_events_group ON watch_events (region_id, group_id, seq);
   INSERT INTO watch_events (region_id, group_id, group_name, action, at, by)
     SELECT region_id, group_id, group_name, 'on', created_at, watched_by FROM watches ORDER BY created_at;`,
];

/** Current schema version (the number of migrations). */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database to `target` (default SCHEMA_VERSION; tests build older journals with a
 * lower one); refuses a database written by a newer version.
 */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as
    { version: number } | undefined;
  const current = row?.version ?? 0;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `The journal was written by a newer version (schema ${current} > ${SCHEMA_VERSION})`,
    );
  }
  const apply = db.transaction(() => {
    for (let v = current; v < target; v += 1) {
      const migration = MIGRATIONS[v]!;
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
    }
    const reached = Math.max(current, target);
    if (row === undefined)
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(reached);
    else db.prepare('UPDATE schema_version SET version = ?').run(reached);
  });
  apply();
}
