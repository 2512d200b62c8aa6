/**
 * Online backup of the journal while the server runs: SQLite's backup API on a read-only
 * connection to journal.db. It does not touch server.lock (the DATA_DIR lock the server holds
 * is on that separate file), and a reader does not block the server's writes in WAL mode.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { JOURNAL_FILE } from './open';

/** Copies DATA_DIR's journal to `destination` (0600); answers the pages copied. */
export async function backupJournal(dataDir: string, destination: string): Promise<number> {
  const source = path.join(path.resolve(dataDir), JOURNAL_FILE);
  if (!fs.existsSync(source)) throw new Error(`There is no journal at ${source}.`);
  const target = path.resolve(destination);
  if (target === source) throw new Error('The backup must go to another file than the journal.');
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(target);
    fs.chmodSync(target, 0o600);
    return result.totalPages;
  } finally {
    db.close();
  }
}
