/**
 * The links between a restore and the roll back its confirm-or-revert timer started at the
 * deadline (SPEC 13 and 14), both ways. Only the timer's own decision counts: a "Revert now" is
 * an operator's roll back, already linked as "rolled back by". The history list reads the same
 * mark in its query (journal/restore-queries.ts); a test holds the two to the same answer.
 */
import type { AutomaticRevertMark, RestoreLinksView } from '../contract';
import { AUTO_REVERT_ACTOR, type AutoRevertRecord } from '../journal/auto-revert-store';
import type { Journal, RestoreRecord } from '../journal/journal';

type AutoRevertLinks = Pick<RestoreLinksView, 'revertedAutomatically' | 'automaticRevertOf'>;

function automatic(timer: AutoRevertRecord | undefined): timer is AutoRevertRecord & {
  revertId: string;
  decidedAt: string;
} {
  return (
    timer?.decidedBy === AUTO_REVERT_ACTOR &&
    timer.revertId !== undefined &&
    timer.decidedAt !== undefined
  );
}

/** `revertedAutomatically` for a reverted restore, `automaticRevertOf` for the roll back. */
export function autoRevertLinks(journal: Journal, record: RestoreRecord): AutoRevertLinks {
  const links: AutoRevertLinks = {};
  const own = journal.autoReverts.get(record.id);
  if (automatic(own)) {
    const revert = journal.get(own.revertId);
    if (revert !== undefined)
      links.revertedAutomatically = {
        id: revert.id,
        status: revert.status,
        createdAt: revert.createdAt,
        at: own.decidedAt,
      };
  }
  if (record.kind === 'rollback') {
    const parent = journal.autoReverts.byRevert(record.id);
    if (automatic(parent) && parent.restoreId === record.parentId)
      links.automaticRevertOf = {
        id: parent.restoreId,
        minutes: parent.minutes,
        at: parent.decidedAt,
      };
  }
  return links;
}

/** The history row's mark for the same links. */
export function automaticRevertMark(links: AutoRevertLinks): AutomaticRevertMark | undefined {
  if (links.revertedAutomatically !== undefined) return 'reverted';
  if (links.automaticRevertOf !== undefined) return 'revert';
  return undefined;
}
