/**
 * Journals as older versions of the console left them, for the migration tests: the tables are
 * made by the migrations up to that version (what the code of that version ran), so a test only
 * inserts the rows that version wrote and then opens the file with the current code.
 */
import Database from 'better-sqlite3';
import { migrate } from '../../src/server/journal/schema';

/** Creates `file` at schema `version` in WAL mode; the caller inserts its rows and closes it. */
export function oldJournal(file: string, version: number): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, version);
  return db;
}

/** The schema version recorded in the journal `file` (read-only). */
export function journalVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT version FROM schema_version').get() as { version: number }).version;
  } finally {
    db.close();
  }
}
