/**
 * Login sessions, kept in this process's memory: each login gets a new random ID (the cookie's
 * value) with an expiry; logout deletes it. Server-side records were chosen over a signed issue
 * time because they revoke one session without ending the others, and nothing derived from
 * CONSOLE_TOKEN travels in the cookie. The cost: a restart ends every session, and the user
 * enters the token again. For a console that one team runs as a single process, that is
 * acceptable, and it makes restarting with a new CONSOLE_TOKEN revoke every old cookie.
 */
import { randomBytes } from 'node:crypto';

/** Sessions kept at most; beyond it the oldest login is forgotten (bounded memory). */
export const MAX_SESSIONS = 10_000;

export interface SessionStore {
  /** A new session; returns its ID (the cookie value). */
  create(): string;
  valid(id: string): boolean;
  revoke(id: string): void;
  size(): number;
}

export function createSessionStore(lifetimeMs: number, maxSessions = MAX_SESSIONS): SessionStore {
  const expiries = new Map<string, number>();
  return {
    create() {
      const now = Date.now();
      if (expiries.size >= maxSessions) {
        for (const [id, expires] of expiries) if (expires <= now) expiries.delete(id);
        for (const id of expiries.keys()) {
          if (expiries.size < maxSessions) break;
          expiries.delete(id);
        }
      }
      const id = randomBytes(32).toString('base64url');
      expiries.set(id, now + lifetimeMs);
      return id;
    },
    valid(id) {
      const expires = expiries.get(id);
      if (expires === undefined) return false;
      if (expires > Date.now()) return true;
      expiries.delete(id);
      return false;
    },
    revoke(id) {
      expiries.delete(id);
    },
    size: () => expiries.size,
  };
}
