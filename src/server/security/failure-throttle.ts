/**
 * Slows token guessing: per client address, after MAX_FAILURES wrong tokens (login or bearer)
 * within WINDOW_MS, every further attempt from that address gets 429 until the window ends,
 * the right token included (otherwise 401 against 200 would still answer each guess). A
 * success resets the count. Memory stays bounded: at most MAX_CLIENTS addresses are tracked,
 * expired ones are dropped first, then the oldest.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 60_000;
export const MAX_CLIENTS = 10_000;

interface Failures {
  count: number;
  /** When the first failure of the current window happened (ms since epoch). */
  since: number;
}

export interface FailureThrottle {
  /** Seconds to wait when `address` is blocked now, else undefined. */
  blockedFor(address: string): number | undefined;
  failed(address: string): void;
  succeeded(address: string): void;
  /** Addresses tracked (for the bound's test). */
  size(): number;
}

export function createFailureThrottle(maxClients = MAX_CLIENTS): FailureThrottle {
  const clients = new Map<string, Failures>();
  const expired = (f: Failures, now: number) => now - f.since >= WINDOW_MS;

  const makeRoom = (now: number) => {
    for (const [address, f] of clients) if (expired(f, now)) clients.delete(address);
    // Still full: forget the oldest windows (Map keeps insertion order).
    for (const address of clients.keys()) {
      if (clients.size < maxClients) break;
      clients.delete(address);
    }
  };

  return {
    blockedFor(address) {
      const f = clients.get(address);
      const now = Date.now();
      if (f === undefined) return undefined;
      if (expired(f, now)) {
        clients.delete(address);
        return undefined;
      }
      if (f.count < MAX_FAILURES) return undefined;
      return Math.max(1, Math.ceil((f.since + WINDOW_MS - now) / 1000));
    },
    failed(address) {
      const now = Date.now();
      const f = clients.get(address);
      if (f !== undefined && !expired(f, now)) {
        f.count += 1;
        return;
      }
      clients.delete(address);
      if (clients.size >= maxClients) makeRoom(now);
      clients.set(address, { count: 1, since: now });
    },
    succeeded(address) {
      clients.delete(address);
    },
    size: () => clients.size,
  };
}
