/**
 * What a start sends for the preview the user saw: its revision, and the source's name typed
 * when that preview asks for it (as the console's OK does). A bare revision sends no name.
 */
import type { PreviewResponse } from '../../src/server/contract';

export type Reviewed =
  string | Pick<PreviewResponse, 'revision' | 'confirmationRequired' | 'source'>;

/** The `revision` and, when the preview asks for it, the `confirmName` of a start. */
export function confirmedBy(reviewed: Reviewed): { revision: string; confirmName?: string } {
  if (typeof reviewed === 'string') return { revision: reviewed };
  return reviewed.confirmationRequired === null
    ? { revision: reviewed.revision }
    : { revision: reviewed.revision, confirmName: reviewed.source.name };
}
