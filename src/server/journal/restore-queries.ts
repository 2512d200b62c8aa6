/**
 * The journal's reads of restores: one record, its steps, the history list (filtered, paged,
 * each row with its automatic-revert mark), the undos and roll backs of a restore, and the
 * restore of a group that is still going.
 */
import type Database from 'better-sqlite3';
import type { AutomaticRevertMark } from '../contract';
import { AUTO_REVERT_ACTOR } from './auto-revert-store';
import { filterClause } from './history-filter-sql';
import type {
  ChildRestore,
  HistoryFilter,
  ListedRestore,
  RestorePage,
  RestoreRecord,
  StepRecord,
} from './restore-records';
import {
  RESTORE_COLUMNS,
  RESTORE_FROM,
  RESTORE_SELECT,
  toRestore,
  toStep,
  type RestoreRow,
  type StepRow,
} from './restore-rows';

export interface RestoreQueries {
  get(id: string): RestoreRecord | undefined;
  steps(id: string): StepRecord[];
  /** Newest first, narrowed by the filter; `cursor` is the nextCursor of the previous page. */
  list(query: HistoryFilter & { cursor?: string; limit: number }): RestorePage;
  /** The undos and roll backs of `id`, oldest first. */
  children(id: string): ChildRestore[];
  /** A pending or running restore of this source, if any. */
  findActive(regionId: string, sourceId: string): RestoreRecord | undefined;
}

/**
 * The row's automatic-revert mark, the same answer as the detail's links (history/
 * auto-revert-links.ts): "reverted" when its own timer, decided by the timer itself, started a
 * roll back that is in the journal; else "revert" when the row is a roll back that its parent's
 * timer started that way. Both are primary-key lookups, so the list costs no extra read per row.
 */
const AUTOMATIC_REVERT_MARK = `CASE
    WHEN EXISTS (SELECT 1 FROM auto_reverts a JOIN restores v ON v.id = a.revert_id
      WHERE a.restore_id = r.id AND a.decided_by = @automatic AND a.decided_at IS NOT NULL)
      THEN 'reverted'
    WHEN r.kind = 'rollback' AND EXISTS (SELECT 1 FROM auto_reverts a
      WHERE a.restore_id = r.parent_id AND a.revert_id = r.id AND a.decided_by = @automatic
        AND a.decided_at IS NOT NULL)
      THEN 'revert'
  END AS automatic_revert`;

type ListedRow = RestoreRow & { automatic_revert: AutomaticRevertMark | null };

function toListed(row: ListedRow): ListedRestore {
  const record: ListedRestore = toRestore(row);
  if (row.automatic_revert !== null) record.automaticRevert = row.automatic_revert;
  return record;
}

export function createRestoreQueries(db: Database.Database): RestoreQueries {
  const selectRestore = db.prepare(`${RESTORE_SELECT} WHERE r.id = ?`);
  const selectSteps = db.prepare('SELECT * FROM steps WHERE restore_id = ? ORDER BY attempt, idx');
  const selectChildren = db.prepare(
    'SELECT id, kind, status, created_at AS createdAt FROM restores WHERE parent_id = ? ORDER BY seq',
  );
  const selectActive = db.prepare(
    `${RESTORE_SELECT} WHERE r.region_id = ? AND r.source_id = ? AND r.status IN ('pending', 'running') ORDER BY r.seq DESC LIMIT 1`,
  );
  const listSelect = `SELECT ${RESTORE_COLUMNS}, ${AUTOMATIC_REVERT_MARK} ${RESTORE_FROM}`;
  return {
    get(id) {
      const row = selectRestore.get(id) as RestoreRow | undefined;
      return row === undefined ? undefined : toRestore(row);
    },
    steps(id) {
      return (selectSteps.all(id) as StepRow[]).map(toStep);
    },
    list({ cursor, limit, ...filter }) {
      const before =
        cursor !== undefined && /^\d+$/.test(cursor) ? Number(cursor) : Number.MAX_SAFE_INTEGER;
      const { where, values } = filterClause(filter);
      // Positional values for the filter, a named one for the mark: better-sqlite3 takes both.
      const rows = db
        .prepare(`${listSelect} WHERE r.seq < ?${where} ORDER BY r.seq DESC LIMIT ?`)
        .all({ automatic: AUTO_REVERT_ACTOR }, before, ...values, limit + 1) as ListedRow[];
      const page = rows.slice(0, limit).map(toListed);
      const more = rows.length > limit;
      return { restores: page, nextCursor: more ? String(page[page.length - 1]!.seq) : '' };
    },
    children(id) {
      return selectChildren.all(id) as ChildRestore[];
    },
    findActive(regionId, sourceId) {
      const row = selectActive.get(regionId, sourceId) as RestoreRow | undefined;
      return row === undefined ? undefined : toRestore(row);
    },
  };
}
