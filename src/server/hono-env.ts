/** Per-request values the middleware sets for the handlers. */
export interface AppEnv {
  Variables: {
    /** CSP nonce of this response (also injected into the served index.html). */
    nonce: string;
    requestId: string;
    /** Who the request acts as, journaled with what it does (security/actor.ts). */
    actor: string;
  };
}
