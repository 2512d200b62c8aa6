/**
 * Schema 3's data step: the rules each restore saved before its first step (`snapshot_json`)
 * become a snapshot row the restore points at, so they exist once.
 */
import type Database from 'better-sqlite3';
import type { Rule } from '../../domain/types';
import { digestRules } from '../../domain/revision';
import { snapshotKindOf } from './snapshot-store';

interface OldRestoreRow {
  id: string;
  kind: 'restore' | 'undo' | 'rollback';
  region_id: string;
  source_id: string;
  source_group_json: string;
  snapshot_json: string;
  created_at: string;
}

export function snapshotsFromRestores(db: Database.Database): void {
  const rows = db
    .prepare(
      'SELECT id, kind, region_id, source_id, source_group_json, snapshot_json, created_at FROM restores ORDER BY seq',
    )
    .all() as OldRestoreRow[];
  const insert = db.prepare(`INSERT INTO snapshots (id, region_id, group_id, group_json, kind, note,
      digest, rules_json, rule_count, created_at, created_by)
    VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, 'local')`);
  const link = db.prepare('UPDATE restores SET snapshot_id = ? WHERE id = ?');
  for (const row of rows) {
    const rules = JSON.parse(row.snapshot_json) as Rule[];
    // Restore IDs are rst-<suffix>; the snapshot keeps the suffix, so the pair is easy to see.
    const snapshotId = `snap-${row.id.replace(/^rst-/, '')}`;
    insert.run(
      snapshotId,
      row.region_id,
      row.source_id,
      row.source_group_json,
      snapshotKindOf(row.kind),
      digestRules(rules),
      row.snapshot_json,
      rules.length,
      row.created_at,
    );
    link.run(snapshotId, row.id);
  }
}
