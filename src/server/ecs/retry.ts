/**
 * Bounded retries for ECS calls: exponential backoff with full jitter, honouring the wait ECS
 * asks for on throttling. Writes are retried too: their ClientToken makes ECS apply them once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EcsError } from '../../ecs/ecs-port';
import { classifySdkError } from './errors';

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  /** Upper bound of any single wait, including a longer `x-acs-retry-after`. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 5000,
};

export interface RetryEnvironment {
  sleep: (ms: number) => Promise<void>;
  /** [0, 1), as Math.random. */
  random: () => number;
  /** Told about every wait, e.g. for logging. */
  onRetry?: (info: { action: string; attempt: number; delayMs: number; error: EcsError }) => void;
}

/** A wait before calling again, as told to a caller that watches its calls' retries. */
export interface RetryEvent {
  action: string;
  /** 1 for the first retry. */
  retry: number;
  /** Retries the policy allows (maxAttempts - 1). */
  of: number;
  delayMs: number;
  code: string;
}

const retryWatchers = new AsyncLocalStorage<(event: RetryEvent) => void>();

/**
 * Runs `work` with every retry of the ECS calls it makes (at any depth, without passing a
 * listener through the port) reported to `onRetry`: how a restore step journals its retries.
 */
export function watchRetries<T>(onRetry: (event: RetryEvent) => void, work: () => Promise<T>) {
  return retryWatchers.run(onRetry, work);
}

/** Full jitter: a uniform wait in [0, min(max, base * 2^(attempt-1))]. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Runs `call` until it succeeds, fails with a non-retryable error, or `maxAttempts` is reached;
 * always throws an `EcsError`.
 */
export async function withRetry<T>(
  action: string,
  call: () => Promise<T>,
  policy: RetryPolicy,
  env: RetryEnvironment,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (thrown) {
      const { error, retryAfterMs } = classifySdkError(thrown, action);
      if (!error.retryable || attempt >= policy.maxAttempts) throw error;
      // ECS's own wait wins over our guess, but never beyond the bound.
      const delayMs =
        retryAfterMs !== undefined
          ? Math.min(retryAfterMs, policy.maxDelayMs)
          : backoffDelay(attempt, policy, env.random);
      env.onRetry?.({ action, attempt, delayMs, error });
      retryWatchers.getStore()?.({
        action,
        retry: attempt,
        of: policy.maxAttempts - 1,
        delayMs,
        code: error.code,
      });
      await env.sleep(delayMs);
    }
  }
}
