/** The protected sources edited in the console (Settings), kept in their order. */
import type Database from 'better-sqlite3';

export interface ProtectedSourceEntry {
  label: string;
  cidr: string;
}

export interface ProtectedSourceStore {
  /** The protected sources edited in the console, in their order. */
  protectedSources(): ProtectedSourceEntry[];
  /** Replaces the console's protected sources in one transaction. */
  replaceProtectedSources(sources: ReadonlyArray<ProtectedSourceEntry>): void;
}

export function createProtectedSourceStore(db: Database.Database): ProtectedSourceStore {
  return {
    protectedSources() {
      return db
        .prepare('SELECT label, cidr FROM protected_sources ORDER BY position')
        .all() as ProtectedSourceEntry[];
    },
    replaceProtectedSources(sources) {
      db.transaction(() => {
        db.prepare('DELETE FROM protected_sources').run();
        const insert = db.prepare(
          'INSERT INTO protected_sources (position, label, cidr) VALUES (?, ?, ?)',
        );
        sources.forEach((source, index) => insert.run(index, source.label, source.cidr));
      })();
    },
  };
}
