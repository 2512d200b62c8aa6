import type { RestoreSummary } from '../../../../server/contract';
import type { Translate } from '../../../i18n/translate';

/**
 * What a restore took its rules from, as the history list and detail say it: a group by name and
 * ID, a snapshot by ID, its group and when it was taken (an imported file by its name), or, for
 * an undo or roll back, the source's own rules before the restore it reverts.
 */
export function destinationLabel(
  r: RestoreSummary,
  t: Translate,
  formatTime: (value: string | undefined) => string,
): string {
  if (r.parentId) return t('auditHistory.toRulesBefore', { name: r.source.name, id: r.parentId });
  const snapshot = r.destinationSnapshot;
  if (snapshot === null) return `${r.destination.name} (${r.destination.id})`;
  const time = formatTime(snapshot.takenAt);
  return snapshot.kind === 'import'
    ? t('snapdest.fromImport', { file: snapshot.note, id: snapshot.id, time })
    : t('snapdest.fromSnapshot', { id: snapshot.id, group: snapshot.groupName, time });
}
