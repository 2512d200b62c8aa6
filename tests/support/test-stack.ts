/**
 * The whole proxy in-process for tests: the seeded ECS emulator behind msw/node, the real SDK
 * adapter (fake static keys, fast retries), a journal, the real runner and the Hono app. With
 * `apiOrigin`, requests of the web app to `${apiOrigin}/api/*` are forwarded into the app, so
 * jsdom tests exercise the real proxy.
 */
import { http } from 'msw';
import type { SetupServer } from 'msw/node';
import { createApp, type AppType } from '../../src/server/app';
import { defaultConfig, type Config } from '../../src/server/config';
import { impactSettings } from '../../src/server/protected-sources';
import { createSdkEcsPort } from '../../src/server/ecs/sdk-ecs-port';
import { openJournal, type Journal } from '../../src/server/journal/journal';
import { createLogger } from '../../src/server/logger';
import { AutoReverter } from '../../src/server/restore/auto-revert';
import { RestoreRunner } from '../../src/server/restore/runner';
import { createEcsEmulator, type EcsEmulator } from '../../src/mocks/emulator';
import { startEcsInterception } from '../../src/mocks/node';
import type { RestoreDetail } from '../../src/server/contract';

export interface TestStackOptions {
  seed?: 'demo' | 'empty';
  /** e.g. 'http://localhost:3000': forward `${apiOrigin}/api/*` into the app. */
  apiOrigin?: string;
  config?: Partial<Config>;
  /** A journal file (to reopen after a simulated crash); default in memory. */
  journalPath?: string;
  /** Reuse this emulator (its state survives a simulated server restart). */
  emulator?: EcsEmulator;
  /** SDK adapter timeout and attempts per call (defaults: 5000 ms, 4 attempts). */
  ecs?: { timeoutMs?: number; maxAttempts?: number };
}

export interface TestStack {
  app: AppType;
  emulator: EcsEmulator;
  msw: SetupServer;
  journal: Journal;
  runner: RestoreRunner;
  /** The confirm-or-revert timer, started (stopped by close and crash). */
  autoReverter: AutoReverter;
  config: Config;
  /** Waits for running restores, then closes the journal and stops interception. */
  close(): Promise<void>;
  /** Stops the runner where it stands and closes the journal, as a killed process would. */
  crash(): void;
}

export async function createTestStack(opts: TestStackOptions = {}): Promise<TestStack> {
  const originPort = opts.apiOrigin === undefined ? undefined : new URL(opts.apiOrigin).port;
  const config = defaultConfig({
    logLevel: 'silent',
    ...(originPort ? { port: Number(originPort) } : {}),
    ...opts.config,
  });
  const emulator =
    opts.emulator ?? createEcsEmulator({ seed: opts.seed ?? 'demo', ruleLimit: config.ruleLimit });
  const logger = createLogger(config.logLevel);
  const ecs = createSdkEcsPort({
    accessKey: { id: 'test-access-key-id', secret: 'test-access-key-secret' },
    retry: { maxAttempts: opts.ecs?.maxAttempts ?? 4, baseDelayMs: 1, maxDelayMs: 5 },
    timeoutMs: opts.ecs?.timeoutMs ?? 5000,
  });
  const journal = openJournal(opts.journalPath ?? ':memory:');
  journal.markInterrupted(new Date().toISOString());
  const runner = new RestoreRunner({
    ecs,
    journal,
    limits: { batchSize: config.batchSize, ruleLimit: config.ruleLimit },
    impact: impactSettings(config, journal),
    logger,
    verifyDelaysMs: [0, 10, 30],
  });
  const autoReverter = new AutoReverter({
    ecs,
    journal,
    runner,
    logger,
    minuteMs: config.autoRevertMinuteMs,
  });
  autoReverter.start();
  const app = createApp({
    config,
    ecs,
    journal,
    runner,
    autoReverter,
    logger,
    mode: 'emulator',
    emulator,
  });
  const extraHandlers =
    opts.apiOrigin === undefined
      ? []
      : [http.all(`${opts.apiOrigin}/api/*`, ({ request }) => app.fetch(request))];
  const msw = startEcsInterception(emulator, { onUnhandledRequest: 'error', extraHandlers });

  let closed = false;
  return {
    app,
    emulator,
    msw,
    journal,
    runner,
    autoReverter,
    config,
    async close() {
      if (closed) return;
      closed = true;
      autoReverter.stop();
      await autoReverter.idle();
      await runner.idle();
      journal.close();
      msw.close();
    },
    crash() {
      closed = true;
      autoReverter.stop();
      runner.halt();
      journal.close();
      msw.close();
    },
  };
}

const TERMINAL = new Set(['succeeded', 'failed', 'interrupted', 'stopped']);

/** Polls GET /api/restores/:id until the restore reaches a terminal status. */
export async function waitForRestore(
  app: AppType,
  id: string,
  options: { headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RestoreDetail> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const res = await app.request(
      `/api/restores/${id}`,
      options.headers === undefined ? {} : { headers: options.headers },
    );
    if (res.status !== 200)
      throw new Error(`GET /api/restores/${id} answered ${res.status}: ${await res.text()}`);
    const detail = (await res.json()) as RestoreDetail;
    if (TERMINAL.has(detail.status)) return detail;
    if (Date.now() > deadline) throw new Error(`restore ${id} still ${detail.status}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** JSON request init for the app: the content type every mutating request needs. */
export function jsonInit(
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? '{}' : JSON.stringify(body),
  };
}

/** The ID of the group named `name` in `regionId` (via the API's name search). */
export async function groupIdByName(app: AppType, regionId: string, name: string): Promise<string> {
  const res = await app.request(
    `/api/regions/${regionId}/security-groups?search=${encodeURIComponent(name)}&pageSize=100`,
  );
  if (res.status !== 200)
    throw new Error(`listing ${regionId} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { groups: { id: string; name: string }[] };
  const group = body.groups.find((g) => g.name === name);
  if (group === undefined) throw new Error(`no group named ${name} in ${regionId}`);
  return group.id;
}
