/**
 * The history list's filters, from the query string to the journal's HistoryFilter: the group,
 * status, kind and actor as given, and the time range as ISO instants in UTC, the form the
 * journal stores `created_at` in, so that comparing strings compares times.
 */
import type { RestoreListQuery } from '../contract';
import { validationError } from '../errors';
import type { HistoryFilter } from '../journal/journal';

/** The journal's filter for a list or export query; throws 400 when `from` is not before `to`. */
export function historyFilterOf(query: Omit<RestoreListQuery, 'cursor' | 'limit'>): HistoryFilter {
  const filter: HistoryFilter = {};
  if (query.sourceId !== undefined) filter.sourceId = query.sourceId;
  if (query.status !== undefined) filter.status = query.status;
  if (query.kind !== undefined) filter.kind = query.kind;
  if (query.actor !== undefined) filter.actor = query.actor;
  if (query.from !== undefined) filter.from = new Date(query.from).toISOString();
  if (query.to !== undefined) filter.to = new Date(query.to).toISOString();
  if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to) {
    throw validationError('to', 'must be later than from');
  }
  return filter;
}

/** `restores-<group or all>-<status>-<YYYYMMDD-HHMMSS>`: names what the file holds and when. */
export function historyFileStem(filter: HistoryFilter, at: Date): string {
  const parts = ['restores', filter.sourceId ?? 'all'];
  if (filter.kind !== undefined) parts.push(filter.kind);
  if (filter.status !== undefined) parts.push(filter.status);
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
  parts.push(stamp);
  return parts.join('-');
}
