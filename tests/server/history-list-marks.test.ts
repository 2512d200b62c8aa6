/**
 * The history list reads each row's automatic-revert mark in its own query; the detail computes
 * the same links record by record (history/auto-revert-links.ts). On a journal of every way a
 * timer can end, the list's marks, page by page and filtered, are the detail's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoRevertLinks, automaticRevertMark } from '../../src/server/history/auto-revert-links';
import {
  openJournal,
  type HistoryFilter,
  type Journal,
  type ListedRestore,
} from '../../src/server/journal/journal';
import { MARKS_PER_ENDING, writeAutoRevertHistory } from '../support/auto-revert-history';

/** Every row of the filtered list, read in pages of `limit`. */
function listAll(journal: Journal, filter: HistoryFilter, limit: number): ListedRestore[] {
  const rows: ListedRestore[] = [];
  let cursor: string | undefined;
  do {
    const page = journal.list({ ...filter, limit, ...(cursor === undefined ? {} : { cursor }) });
    rows.push(...page.restores);
    cursor = page.nextCursor === '' ? undefined : page.nextCursor;
  } while (cursor !== undefined);
  return rows;
}

describe('the history list’s automatic-revert marks', () => {
  let journal: Journal;
  let expected: { reverted: number; revert: number };
  beforeAll(() => {
    journal = openJournal(':memory:');
    const endings = writeAutoRevertHistory(journal, 200);
    expected = { reverted: 0, revert: 0 };
    for (const ending of endings) {
      expected.reverted += MARKS_PER_ENDING[ending].reverted;
      expected.revert += MARKS_PER_ENDING[ending].revert;
    }
  });
  afterAll(() => journal.close());

  /** The detail's answer for the row, from its record. */
  const oracle = (row: ListedRestore) =>
    automaticRevertMark(autoRevertLinks(journal, journal.get(row.id)!));

  it('equal the detail’s links on every row of a journal of over 200 restores', () => {
    const rows = listAll(journal, {}, 37);
    expect(rows.filter((r) => r.kind === 'restore').length).toBeGreaterThanOrEqual(200);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const row of rows)
      expect({ id: row.id, mark: row.automaticRevert }).toEqual({
        id: row.id,
        mark: oracle(row),
      });
    const count = (mark: string) => rows.filter((r) => r.automaticRevert === mark).length;
    expect({ reverted: count('reverted'), revert: count('revert') }).toEqual(expected);
  });

  it('are the same when the list is filtered to roll backs', () => {
    const rows = listAll(journal, { kind: 'rollback' }, 25);
    expect(rows.every((r) => r.kind === 'rollback')).toBe(true);
    expect(rows.map((r) => r.automaticRevert)).toEqual(rows.map(oracle));
    expect(rows.filter((r) => r.automaticRevert === 'revert')).toHaveLength(expected.revert);
  });

  it('leave the rest of each row as get reads it, and are absent where there is none', () => {
    const [newest] = listAll(journal, { kind: 'undo' }, 1);
    expect(newest).toBeDefined();
    expect(newest).not.toHaveProperty('automaticRevert');
    expect(newest).toEqual(journal.get(newest!.id));
    const reverted = listAll(journal, {}, 100).find((r) => r.automaticRevert === 'reverted')!;
    const { automaticRevert: _mark, ...record } = reverted;
    expect(record).toEqual(journal.get(reverted.id));
  });
});
