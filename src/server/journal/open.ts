/**
 * Opens DATA_DIR and its journal for the server, refusing in one line (StartupRefusal) what it
 * cannot use: a DATA_DIR that is not a directory or not writable, a second server on the same
 * DATA_DIR, a journal that is not SQLite or is corrupt, a journal from a newer schema. A journal
 * it refuses is left as it was: it is probed read-only before anything writes to it.
 *
 * One server per DATA_DIR: the one-restore-per-group lock lives in the process, so two servers
 * on one journal could run two restores of one group. The guard is SQLite's own exclusive lock
 * (`locking_mode=EXCLUSIVE`) on a separate `server.lock` database, rather than a PID file: the
 * kernel drops the lock when the process dies in any way (SIGKILL included), so there is no
 * stale lock to detect and no PID reuse to be fooled by.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StartupRefusal } from '../errors';
import { openJournal, type Journal } from './journal';
import { SCHEMA_VERSION } from './schema';

export const JOURNAL_FILE = 'journal.db';
const LOCK_FILE = 'server.lock';

const SQLITE_HEADER = 'SQLite format 3\0';

export interface OpenedDataDir {
  journal: Journal;
  journalFile: string;
  /** Closes the journal and releases DATA_DIR for the next server. */
  close(): void;
}

function cause(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error.message.split('\n')[0] ?? '';
    return code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
  }
  return String(error);
}

function refuse(what: string, error?: unknown): never {
  throw new StartupRefusal(
    `Cannot start: DATA_DIR: ${what}${error === undefined ? '' : ` (${cause(error)})`}`,
  );
}

/** The data directory, created 0700 when missing; refused when unusable. */
function prepareDirectory(dir: string): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') refuse(`${dir} cannot be used`, error);
  }
  if (stat === undefined) {
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      refuse(`${dir} does not exist and cannot be created`, error);
    }
    return;
  }
  if (!stat.isDirectory()) refuse(`${dir} is not a directory`);
  try {
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    refuse(`${dir} is read-only for this server (it needs to write its journal there)`, error);
  }
}

/** Takes DATA_DIR's exclusive lock or refuses; the returned database holds it until closed. */
function lockDirectory(dir: string): Database.Database {
  const file = path.join(dir, LOCK_FILE);
  let db: Database.Database | undefined;
  try {
    if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
    // timeout 0: a held lock answers SQLITE_BUSY at once instead of after 5 s of retries.
    db = new Database(file, { timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the EXCLUSIVE lock; in this mode it is kept until close.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); COMMIT');
    return db;
  } catch (error) {
    db?.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      refuse(`${dir} is already used by another running server (its lock ${file} is held)`);
    refuse(`cannot take the lock ${file}`, error);
  }
}

/** Reads an existing journal without writing to it: SQLite, intact, and not from a newer version. */
function probeJournal(file: string): void {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    refuse(`cannot read the journal ${file}`, error);
  }
  // An empty file is what we create before SQLite opens it (a valid, empty database).
  if (size === 0) return;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  try {
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, header, 0, header.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    refuse(`cannot read the journal ${file}`, error);
  }
  if (header.toString('latin1') !== SQLITE_HEADER)
    refuse(
      `the journal ${file} is not a SQLite database; move it away to start with an empty journal`,
    );
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    // One problem is enough to refuse, and keeps the refusal on one line.
    const check = String(db.pragma('quick_check(1)', { simple: true }));
    if (check !== 'ok')
      refuse(`the journal ${file} is corrupt (${check.replace(/\s*\n\s*/g, ': ')})`);
    const hasVersion = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
      .get();
    const row = hasVersion
      ? (db.prepare('SELECT MAX(version) AS version FROM schema_version').get() as {
          version: number | null;
        })
      : undefined;
    const version = row?.version ?? 0;
    if (version > SCHEMA_VERSION)
      refuse(
        `the journal ${file} was written by a newer version of this console (schema ${version}, this one knows ${SCHEMA_VERSION}); run that version or a newer one`,
      );
  } catch (error) {
    if (error instanceof StartupRefusal) throw error;
    refuse(`the journal ${file} is corrupt or not a journal`, error);
  } finally {
    db?.close();
  }
}

/** Journal files readable by this user only (SQLite gives -wal and -shm the database's mode). */
function restrictModes(file: string): void {
  for (const name of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.chmodSync(name, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** Prepares `dataDir`, takes its lock and opens its journal; throws StartupRefusal when it cannot. */
export function openDataDir(dataDir: string): OpenedDataDir {
  const dir = path.resolve(dataDir);
  prepareDirectory(dir);
  const lock = lockDirectory(dir);
  const journalFile = path.join(dir, JOURNAL_FILE);
  let journal: Journal;
  try {
    probeJournal(journalFile);
    if (!fs.existsSync(journalFile)) fs.closeSync(fs.openSync(journalFile, 'a', 0o600));
    restrictModes(journalFile);
    try {
      journal = openJournal(journalFile);
    } catch (error) {
      refuse(`cannot open the journal ${journalFile}`, error);
    }
    restrictModes(journalFile);
  } catch (error) {
    lock.close();
    throw error;
  }
  return {
    journal,
    journalFile,
    close() {
      journal.close();
      lock.close();
    },
  };
}
