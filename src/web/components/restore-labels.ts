/** The words and colours of a restore's kind, mode and status, wherever a restore is listed. */
import type { RestoreSummary } from '../../server/contract';
import type { Translate } from '../i18n/translate';

export function kindLabel(kind: RestoreSummary['kind'], t: Translate): string {
  return t(
    kind === 'restore'
      ? 'history.kindRestore'
      : kind === 'rollback'
        ? 'history.kindRollback'
        : 'history.kindUndo',
  );
}

export function modeLabel(mode: RestoreSummary['mode'], t: Translate): string {
  return t(mode === 'completely' ? 'history.modeCompletely' : 'history.modePartially');
}

const statusKeys = {
  pending: 'history.statusPending',
  running: 'history.statusRunning',
  succeeded: 'history.statusSucceeded',
  failed: 'history.statusFailed',
  interrupted: 'history.statusInterrupted',
  refused: 'history.statusRefused',
  stopped: 'safeApply.statusStopped',
} as const;

export function statusLabel(status: RestoreSummary['status'], t: Translate): string {
  return t(statusKeys[status]);
}

export const statusColor: Record<RestoreSummary['status'], string> = {
  pending: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  interrupted: 'warning',
  refused: 'error',
  stopped: 'warning',
};
