/**
 * The notes the watcher stores on its snapshots. They are kept in the journal as written (rows
 * from before stay as they are), so the console tells a group's first reading from a change by
 * the note and says it in the reader's language rather than showing the stored English.
 */
export const WATCH_FIRST_READING_NOTE = 'first read by the watcher';
export const WATCH_CHANGE_NOTE = 'rules changed';

/** What a watch snapshot's stored note says it is: the group's first reading, or a change. */
export function watchReadingOf(note: string): 'first' | 'change' {
  return note.trim() === WATCH_FIRST_READING_NOTE ? 'first' : 'change';
}

/** Whether `note` is one the watcher wrote (and so not worth showing as a person's note). */
export function isWatcherNote(note: string): boolean {
  const trimmed = note.trim();
  return trimmed === WATCH_FIRST_READING_NOTE || trimmed === WATCH_CHANGE_NOTE;
}
