/**
 * A journal history with every way a restore's confirm-or-revert timer can end, for the history
 * list's automatic-revert marks: reverted by the timer (its roll back succeeded or failed), by an
 * operator's "Revert now", rolled back by hand, kept, skipped, a timer naming a roll back the
 * journal does not hold or one of another restore, and undone by hand after an automatic revert.
 */
import { AUTO_REVERT_ACTOR } from '../../src/server/journal/auto-revert-store';
import type { Journal } from '../../src/server/journal/journal';
import { webRestore } from './journal-records';

/** How one restore of the history ends; the history cycles through them in this order. */
export const ENDINGS = [
  'plain',
  'reverted-automatically',
  'rolled-back-by-hand',
  'revert-now',
  'kept',
  'skipped',
  'revert-missing',
  'automatic-revert-failed',
  'manual-then-automatic',
  'undone-after-automatic',
  'names-another-roll-back',
] as const;
export type Ending = (typeof ENDINGS)[number];

/** The marks the history must show: per ending, on the restore and on its automatic roll back. */
export const MARKS_PER_ENDING: Record<Ending, { reverted: number; revert: number }> = {
  plain: { reverted: 0, revert: 0 },
  'reverted-automatically': { reverted: 1, revert: 1 },
  'rolled-back-by-hand': { reverted: 0, revert: 0 },
  'revert-now': { reverted: 0, revert: 0 },
  kept: { reverted: 0, revert: 0 },
  skipped: { reverted: 0, revert: 0 },
  'revert-missing': { reverted: 0, revert: 0 },
  'automatic-revert-failed': { reverted: 1, revert: 1 },
  'manual-then-automatic': { reverted: 1, revert: 1 },
  'undone-after-automatic': { reverted: 1, revert: 1 },
  // The timer names a roll back of another restore: that roll back is not its automatic revert.
  'names-another-roll-back': { reverted: 1, revert: 0 },
};

const minute = (i: number) => new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();

/**
 * Writes `count` restores (and their roll backs and undos) into `journal`; restore `i` ends as
 * ENDINGS[i % ENDINGS.length]. Returns the endings written, in order.
 */
export function writeAutoRevertHistory(journal: Journal, count: number): Ending[] {
  let clock = 0;
  const at = () => minute(clock++);
  const child = (id: string, parentId: string, kind: 'rollback' | 'undo') =>
    journal.create(webRestore(id, { kind, parentId, createdAt: at() }), []);
  const decide = (
    restoreId: string,
    state: 'reverted' | 'failed' | 'kept' | 'skipped',
    decidedBy: string,
    revertId?: string,
  ) => {
    journal.autoReverts.request(restoreId, 5);
    journal.autoReverts.arm(restoreId, 0);
    journal.autoReverts.decide(restoreId, ['armed'], {
      state,
      decidedAt: at(),
      decidedBy,
      ...(revertId === undefined ? {} : { revertId }),
    });
  };
  const endings: Ending[] = [];
  for (let i = 0; i < count; i++) {
    const ending = ENDINGS[i % ENDINGS.length]!;
    const id = `rst-${String(i).padStart(8, '0')}`;
    journal.create(webRestore(id, { createdAt: at() }), []);
    journal.setStatus(id, 'succeeded', { finishedAt: at() });
    const back = `${id}-b`;
    switch (ending) {
      case 'plain':
        break;
      case 'reverted-automatically':
        child(back, id, 'rollback');
        decide(id, 'reverted', AUTO_REVERT_ACTOR, back);
        break;
      case 'rolled-back-by-hand':
        child(back, id, 'rollback');
        break;
      case 'revert-now':
        child(back, id, 'rollback');
        decide(id, 'reverted', 'alice', back);
        break;
      case 'kept':
        decide(id, 'kept', 'bob');
        break;
      case 'skipped':
        decide(id, 'skipped', AUTO_REVERT_ACTOR);
        break;
      case 'revert-missing':
        decide(id, 'reverted', AUTO_REVERT_ACTOR, `${id}-gone`);
        break;
      case 'automatic-revert-failed':
        child(back, id, 'rollback');
        journal.setStatus(back, 'failed', { finishedAt: at() });
        decide(id, 'failed', AUTO_REVERT_ACTOR, back);
        break;
      case 'manual-then-automatic':
        child(`${id}-a`, id, 'rollback');
        child(back, id, 'rollback');
        decide(id, 'reverted', AUTO_REVERT_ACTOR, back);
        break;
      case 'undone-after-automatic':
        child(back, id, 'rollback');
        decide(id, 'reverted', AUTO_REVERT_ACTOR, back);
        child(`${id}-u`, id, 'undo');
        break;
      case 'names-another-roll-back':
        child(back, 'rst-00000000', 'rollback');
        decide(id, 'reverted', AUTO_REVERT_ACTOR, back);
        break;
    }
    endings.push(ending);
  }
  return endings;
}
