import type { PreviewResponse } from '../../server/contract';
import type { Translate } from '../i18n/translate';

/**
 * The summary line of SPEC 3.4 ("+N added, −M removed, K changed, U unchanged, S not
 * restorable"), for a preview and for a journalled restore; under Partially, source-only rules
 * are "kept".
 */
export function summaryLine(
  mode: PreviewResponse['mode'],
  summary: PreviewResponse['summary'],
  t: Translate,
): string {
  return t(mode === 'completely' ? 'restore.summary' : 'restore.summaryKept', { ...summary });
}
