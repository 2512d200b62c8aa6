/**
 * Verification after the last step: the source is read again and compared with the rules the
 * plan expects; a read that still differs is retried after each delay (ECS reads can lag
 * behind writes), and the last difference is what the journal reports.
 */
import { compareRuleSets } from '../../domain/plan-result';
import type { Rule } from '../../domain/types';
import { toApiErrorBody } from '../errors';
import type { RestoreRecord } from '../journal/journal';
import type { JobContext } from './job-context';

/** Reads the source after each of `delaysMs` until it matches; ends the restore either way. */
export async function verifyRestore(
  ctx: JobContext,
  record: RestoreRecord,
  delaysMs: readonly number[],
): Promise<void> {
  const { journal, ecs, logger } = ctx;
  let difference: { missing: Rule[]; unexpected: Rule[] } = { missing: [], unexpected: [] };
  for (const delay of delaysMs) {
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (ctx.halted()) return;
    let actual: Rule[];
    try {
      actual = (await ecs.describeGroup(record.regionId, record.sourceGroup.id)).rules;
    } catch (error) {
      if (ctx.halted()) return;
      const body = toApiErrorBody(error);
      journal.setStatus(record.id, 'failed', {
        error: {
          ...body,
          message: `Every step was applied, but the verification read failed: ${body.message}`,
        },
        finishedAt: ctx.stamp(),
      });
      return;
    }
    if (ctx.halted()) return;
    difference = compareRuleSets(record.expected, actual);
    if (difference.missing.length === 0 && difference.unexpected.length === 0) {
      journal.setVerification(record.id, { status: 'passed', missing: [], unexpected: [] });
      journal.setStatus(record.id, 'succeeded', { finishedAt: ctx.stamp() });
      logger.info({ restoreId: record.id }, 'restore succeeded');
      return;
    }
  }
  journal.setVerification(record.id, { status: 'failed', ...difference });
  journal.setStatus(record.id, 'failed', {
    error: {
      code: 'VerificationFailed',
      message: `Every step was applied, but the source has ${difference.missing.length} expected rule(s) missing and ${difference.unexpected.length} unexpected rule(s).`,
    },
    finishedAt: ctx.stamp(),
  });
  logger.warn(
    {
      restoreId: record.id,
      missing: difference.missing.length,
      unexpected: difference.unexpected.length,
    },
    'restore verification failed',
  );
}
