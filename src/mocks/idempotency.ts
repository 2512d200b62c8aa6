import { EcsApiError } from './errors';
import type { Params } from './types';

interface Remembered {
  fingerprint: string;
  body: Record<string, unknown>;
}

/**
 * ClientToken idempotency, per action + region + group + token: a replay with the same parameters
 * answers the first (successful) answer again, RequestId included, without applying anything;
 * the same token with other parameters is IdempotentParameterMismatch. Failed calls are not
 * remembered: they applied nothing, so running them again is what a retry should do.
 */
export class ClientTokens {
  private readonly remembered = new Map<string, Remembered>();

  /**
   * Tokens kept, oldest forgotten first: ECS keeps a token for a limited time too, and a demo that
   * runs for weeks must not grow without bound. A retry comes long before 5,000 later writes.
   */
  constructor(private readonly capacity = 5000) {}

  clear(): void {
    this.remembered.clear();
  }

  run(
    scope: string,
    params: Params,
    apply: () => Record<string, unknown>,
  ): Record<string, unknown> {
    const token = params.ClientToken ?? '';
    if (token === '') return apply();
    const key = `${scope}|${token}`;
    const fingerprint = JSON.stringify(
      Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    const previous = this.remembered.get(key);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new EcsApiError(
          400,
          'IdempotentParameterMismatch',
          'The request uses the same client token as a previous, but non-identical request.',
        );
      }
      return previous.body;
    }
    const body = apply();
    this.remembered.set(key, { fingerprint, body });
    if (this.remembered.size > this.capacity) {
      const oldest = this.remembered.keys().next();
      if (!oldest.done) this.remembered.delete(oldest.value);
    }
    return body;
  }
}
