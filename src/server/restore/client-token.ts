import { createHash } from 'node:crypto';

/**
 * The ClientToken of one ECS write call: the same restore, attempt and step always give the
 * same token (so the adapter's retries of a call that ECS already applied are no-ops), and a new
 * attempt gives new tokens (its calls carry new parameters). 3 + 40 ASCII chars, under ECS's 64.
 */
export function clientToken(restoreId: string, attempt: number, stepId: string): string {
  const digest = createHash('sha256').update(`${restoreId}\n${attempt}\n${stepId}`).digest('hex');
  return `rr-${digest.slice(0, 40)}`;
}
