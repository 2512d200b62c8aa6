/** The session (GET /api/session) and the sign-in with CONSOLE_TOKEN (POST /api/login). */
import { z } from 'zod';

export const sessionSchema = z.object({
  /** 'emulator': the built-in ECS emulator with demo data; 'live': real ECS through the credential chain. */
  mode: z.enum(['emulator', 'live']),
  ruleLimit: z.number().int(),
  batchSize: z.number().int(),
  /** True when this server requires CONSOLE_TOKEN and the browser has not logged in. */
  loginRequired: z.boolean(),
  /** Present (true) when this server requires CONSOLE_TOKEN and the browser holds a live login. */
  signedIn: z.literal(true).optional(),
});

/** Added by the server helper: POST /api/login (only when CONSOLE_TOKEN is set); answers the session. */
export const loginRequestSchema = z.object({ token: z.string().min(1).max(512) }).strict();

export type Session = z.infer<typeof sessionSchema>;
export type LoginRequest = z.infer<typeof loginRequestSchema>;
