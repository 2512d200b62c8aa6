/**
 * `npm run journal:backup -- <file>`: copies DATA_DIR's journal (default ./data) to <file>
 * with SQLite's online backup, also while the server runs. Restore: stop the server, copy the
 * file to DATA_DIR/journal.db, start it.
 */
import { backupJournal } from '../src/server/journal/backup';

const destination = process.argv[2];
if (destination === undefined || destination === '') {
  console.error('Usage: npm run journal:backup -- <file>   (DATA_DIR selects the journal)');
  process.exit(2);
}
const dataDir =
  process.env.DATA_DIR !== undefined && process.env.DATA_DIR !== ''
    ? process.env.DATA_DIR
    : './data';
try {
  const pages = await backupJournal(dataDir, destination);
  console.log(`Journal backed up to ${destination} (${pages} pages).`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
