/**
 * `npm run soak`: starts the real server as a child process (emulator mode, then live mode
 * against the standalone emulator, also a child), sends a bounded mix of requests and prints the
 * server's RSS and heap after warm-up and at the end. A report, not a test: it exits 1 only when
 * the server dies (e.g. out of memory under the heap cap) or the traffic cannot run.
 *
 * Settings (flag or environment variable): --requests / SOAK_REQUESTS (20000 per mode, after
 * warm-up), --warmup / SOAK_WARMUP (2000), --concurrency / SOAK_CONCURRENCY (4),
 * --restore-every / SOAK_RESTORE_EVERY (400), --modes / SOAK_MODES (emulator,live),
 * --heap-cap / SOAK_HEAP_CAP (192 MB, 0 for none), --max-seconds / SOAK_MAX_SECONDS (600 per mode).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import { createSoaker, type TrafficCounts } from './soak-traffic';
import {
  baseEnv,
  type Child,
  memoryOf,
  type MemoryFigures,
  startEmulatorChild,
  startServerChild,
  stopChild,
} from './soak-processes';

/** The target: growth after warm-up, over 20,000 requests. */
const TARGET_GROWTH_MIB = 32;
const START_TIMEOUT_MS = 60_000;

type Mode = 'emulator' | 'live';

interface Settings {
  requests: number;
  warmup: number;
  concurrency: number;
  restoreEvery: number;
  modes: Mode[];
  heapCapMb: number;
  maxSeconds: number;
}

function setting(flag: string, envName: string, fallback: string): string {
  const prefix = `--${flag}=`;
  const fromFlag = process.argv.slice(2).find((arg) => arg.startsWith(prefix));
  return fromFlag?.slice(prefix.length) ?? process.env[envName] ?? fallback;
}

function count(flag: string, envName: string, fallback: number, min: number): number {
  const raw = setting(flag, envName, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`--${flag} (${envName}) must be an integer ≥ ${min}; got "${raw}"`);
  }
  return value;
}

function readSettings(): Settings {
  const modes = setting('modes', 'SOAK_MODES', 'emulator,live')
    .split(',')
    .map((mode) => mode.trim())
    .filter((mode) => mode !== '');
  const wrong = modes.find((mode) => mode !== 'emulator' && mode !== 'live');
  if (wrong !== undefined || modes.length === 0) {
    throw new Error(`--modes (SOAK_MODES) takes emulator and/or live; got "${modes.join(',')}"`);
  }
  return {
    requests: count('requests', 'SOAK_REQUESTS', 20_000, 1),
    warmup: count('warmup', 'SOAK_WARMUP', 2_000, 0),
    concurrency: count('concurrency', 'SOAK_CONCURRENCY', 4, 1),
    restoreEvery: count('restore-every', 'SOAK_RESTORE_EVERY', 400, 0),
    modes: modes as Mode[],
    heapCapMb: count('heap-cap', 'SOAK_HEAP_CAP', 192, 0),
    maxSeconds: count('max-seconds', 'SOAK_MAX_SECONDS', 600, 1),
  };
}

const mib = (bytes: number) => bytes / 1_048_576;
const figures = (m: MemoryFigures) =>
  `RSS ${mib(m.rss).toFixed(1)} MiB, heap ${mib(m.heapUsed).toFixed(1)} MiB ` +
  `(of ${mib(m.heapTotal).toFixed(1)}), external ${mib(m.external).toFixed(1)} MiB`;

/** Children and temp dirs still to clean up, also on Ctrl-C. */
const children = new Set<Child>();
const tempDirs = new Set<string>();

async function cleanUp(): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child)));
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

async function waitUntilServing(url: string, server: Child): Promise<void> {
  const until = Date.now() + START_TIMEOUT_MS;
  let died = false;
  void server.exited.then(() => {
    died = true;
  });
  while (Date.now() < until && !died) {
    try {
      if ((await fetch(`${url}/api/session`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `the server did not start (${died ? 'it exited' : 'timeout'}):\n${server.output()}`,
  );
}

interface ModeResult {
  mode: Mode;
  warm: MemoryFigures;
  end: MemoryFigures;
  traffic: TrafficCounts;
  timedOut: boolean;
}

async function soakMode(mode: Mode, settings: Settings): Promise<ModeResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `soak-${mode}-`));
  tempDirs.add(dataDir);
  const port = await freePort();
  const env: Record<string, string> = {
    ...baseEnv(),
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ECS_MODE: mode,
  };
  if (mode === 'live') {
    const emulatorPort = await freePort();
    const emulator = await startEmulatorChild(emulatorPort, START_TIMEOUT_MS);
    children.add(emulator);
    Object.assign(env, {
      ECS_ENDPOINT: `http://127.0.0.1:${emulatorPort}`,
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'soak-access-key-id',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'soak-access-key-secret',
    });
  }
  const server = startServerChild(env, settings.heapCapMb);
  children.add(server);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(url, server);

  // A dead server fails every request quickly; stop the run as soon as it happens.
  let death: string | undefined;
  void server.exited.then((how) => {
    death = how;
  });
  const deadline = Date.now() + settings.maxSeconds * 1000;
  const soaker = await createSoaker(url, settings.restoreEvery);
  const check = () => {
    if (death !== undefined) {
      throw new Error(`the ${mode} server died (${death}):\n${server.output()}`);
    }
  };
  await soaker.run(settings.warmup, settings.concurrency, deadline);
  check();
  const warm = await memoryOf(server);
  console.log(`${mode}: after ${settings.warmup} warm-up requests: ${figures(warm)}`);
  const steps = 4;
  let traffic: TrafficCounts | undefined;
  for (let step = 1; step <= steps; step++) {
    const share =
      Math.floor((settings.requests * step) / steps) -
      Math.floor((settings.requests * (step - 1)) / steps);
    traffic = await soaker.run(share, settings.concurrency, deadline);
    check();
    if (step < steps) {
      const now = await memoryOf(server);
      console.log(
        `${mode}:   ${traffic.requests - settings.warmup} requests later: ${figures(now)}`,
      );
    }
  }
  const end = await memoryOf(server);
  const done = traffic as TrafficCounts;
  const timedOut = done.requests < settings.warmup + settings.requests;
  console.log(`${mode}: after ${done.requests - settings.warmup} more requests: ${figures(end)}`);
  await stopChild(server);
  children.delete(server);
  return { mode, warm, end, traffic: done, timedOut };
}

function report(results: ModeResult[], settings: Settings): void {
  console.log('');
  console.log(
    `Soak summary (${settings.requests} requests per mode after ${settings.warmup} warm-up, ` +
      `${settings.concurrency} at a time, heap cap ${settings.heapCapMb || 'none'} MB; target: ` +
      `growth under ${TARGET_GROWTH_MIB} MiB)`,
  );
  for (const r of results) {
    const rss = mib(r.end.rss - r.warm.rss);
    const heap = mib(r.end.heapUsed - r.warm.heapUsed);
    const verdict = rss < TARGET_GROWTH_MIB && heap < TARGET_GROWTH_MIB ? 'within' : 'OVER';
    console.log(
      `  ${r.mode.padEnd(8)} RSS ${mib(r.warm.rss).toFixed(1)} → ${mib(r.end.rss).toFixed(1)} MiB ` +
        `(${rss >= 0 ? '+' : ''}${rss.toFixed(1)}), heap ${mib(r.warm.heapUsed).toFixed(1)} → ` +
        `${mib(r.end.heapUsed).toFixed(1)} MiB (${heap >= 0 ? '+' : ''}${heap.toFixed(1)}): ` +
        `${verdict} target; ${r.traffic.requests} requests, ${r.traffic.restores} restore+undo, ` +
        `${r.traffic.failures} failed${r.timedOut ? '; STOPPED at the time bound' : ''}`,
    );
    for (const sample of r.traffic.samples) console.log(`      ${sample}`);
  }
}

async function main(): Promise<number> {
  const settings = readSettings();
  const results: ModeResult[] = [];
  for (const mode of settings.modes) results.push(await soakMode(mode, settings));
  await cleanUp();
  report(results, settings);
  return 0;
}

const interrupt = () => {
  void cleanUp().then(() => process.exit(130));
};
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await cleanUp();
    process.exitCode = 1;
  });
