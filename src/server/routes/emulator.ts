/**
 * Test-only routes under /api/_emulator that arm the emulator's faults, for end-to-end tests of
 * the built app. Mounted only in emulator mode with EMULATOR_TEST_CONTROLS=true.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../hono-env';
import { valid } from '../validate';

/** The part of the ECS emulator these routes drive (src/mocks/emulator.ts satisfies it). */
export interface EmulatorControls {
  throttleNext(n: number): void;
  failCall(action: string, nth: number, error: { code: string; status: number }): void;
  failAfterApply(action: string, nth: number, status?: number): void;
  dropConnection(action: string, nth: number, options?: { afterApply?: boolean }): void;
  setLatency(ms: number): void;
  clearFaults(): void;
  reset(): void;
  /** Adds rules straight into a group (keys as in Permissions.N.*): a change made outside the console. */
  addRules(
    regionId: string,
    groupId: string,
    direction: 'ingress' | 'egress',
    permissions: Array<Record<string, string>>,
  ): void;
  /** The newest calls, oldest first: end-to-end tests read which writes reached ECS. */
  readonly calls: readonly { seq: number; action: string; status: number; applied: boolean }[];
}

const action = z.string().regex(/^[A-Za-z]{3,60}$/, 'is not an ECS action name');
const nth = z.number().int().min(1).max(1000);

export function emulatorControlRoutes(emulator: EmulatorControls) {
  return new Hono<AppEnv>()
    .get('/calls', (c) =>
      c.json(
        {
          calls: emulator.calls.map(({ seq, action, status, applied }) => ({
            seq,
            action,
            status,
            applied,
          })),
        },
        200,
      ),
    )
    .post('/reset', (c) => {
      emulator.reset();
      return c.json({ ok: true }, 200);
    })
    .post('/clear-faults', (c) => {
      emulator.clearFaults();
      return c.json({ ok: true }, 200);
    })
    .post(
      '/throttle',
      valid('json', z.object({ n: z.number().int().min(1).max(100).default(1) }).strict()),
      (c) => {
        emulator.throttleNext(c.req.valid('json').n);
        return c.json({ ok: true }, 200);
      },
    )
    .post(
      '/fail',
      valid(
        'json',
        z
          .object({
            action,
            nth,
            code: z.string().min(1).max(100),
            status: z.number().int().min(400).max(599),
          })
          .strict(),
      ),
      (c) => {
        const body = c.req.valid('json');
        emulator.failCall(body.action, body.nth, { code: body.code, status: body.status });
        return c.json({ ok: true }, 200);
      },
    )
    .post(
      '/fail-after-apply',
      valid(
        'json',
        z.object({ action, nth, status: z.number().int().min(500).max(599).optional() }).strict(),
      ),
      (c) => {
        const body = c.req.valid('json');
        emulator.failAfterApply(body.action, body.nth, body.status);
        return c.json({ ok: true }, 200);
      },
    )
    .post(
      '/drop',
      valid('json', z.object({ action, nth, afterApply: z.boolean().default(false) }).strict()),
      (c) => {
        const body = c.req.valid('json');
        emulator.dropConnection(body.action, body.nth, { afterApply: body.afterApply });
        return c.json({ ok: true }, 200);
      },
    )
    .post(
      '/add-rules',
      valid(
        'json',
        z
          .object({
            regionId: z.string().min(1).max(64),
            groupId: z.string().min(1).max(64),
            direction: z.enum(['ingress', 'egress']),
            permissions: z
              .array(z.record(z.string(), z.string().max(1024)))
              .min(1)
              .max(20),
          })
          .strict(),
      ),
      (c) => {
        const body = c.req.valid('json');
        try {
          emulator.addRules(body.regionId, body.groupId, body.direction, body.permissions);
        } catch (error) {
          return c.json({ code: 'NotFound', message: String(error) }, 404);
        }
        return c.json({ ok: true }, 200);
      },
    )
    .post(
      '/latency',
      valid('json', z.object({ ms: z.number().int().min(0).max(60000) }).strict()),
      (c) => {
        emulator.setLatency(c.req.valid('json').ms);
        return c.json({ ok: true }, 200);
      },
    );
}
