/** The history list's filter as SQL over the `restores r` table. */
import type { HistoryFilter } from './restore-records';

/** The SQL (appended to a WHERE) and its values for the fields of `filter` that are set. */
export function filterClause(filter: HistoryFilter): { where: string; values: string[] } {
  const columns: Array<[keyof HistoryFilter, string]> = [
    ['sourceId', 'r.source_id = ?'],
    ['status', 'r.status = ?'],
    ['actor', 'r.actor = ?'],
    ['kind', 'r.kind = ?'],
    ['from', 'r.created_at >= ?'],
    ['to', 'r.created_at < ?'],
  ];
  let where = '';
  const values: string[] = [];
  for (const [field, sql] of columns) {
    const value = filter[field];
    if (value === undefined) continue;
    where += ` AND ${sql}`;
    values.push(value);
  }
  if (filter.involving !== undefined) {
    where += ' AND (r.source_id = ? OR r.destination_id = ?)';
    values.push(filter.involving, filter.involving);
  }
  return { where, values };
}
