/**
 * `npm run lighthouse`: Lighthouse 12 (desktop and mobile presets) on the built app served by
 * the real server in emulator mode, with Debian's Chromium. Prints score, FCP, LCP and TBT and
 * writes every run's JSON report under reports/. A report, not a test: it never fails on a score.
 *
 * `LIGHTHOUSE_BASELINE=<a dist directory>` (e.g. a build of main) measures that build too, in
 * pairs: each round runs the baseline and this build one after the other, alternating which goes
 * first, so both see the same host load.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';
import { serveBuilt, type RunningServer } from './serve-built';

/** `LIGHTHOUSE_PRESETS=mobile` measures one preset while working on it. */
const PRESETS = (process.env.LIGHTHOUSE_PRESETS ?? 'desktop,mobile')
  .split(',')
  .map((preset) => preset.trim());
for (const preset of PRESETS) {
  if (preset !== 'desktop' && preset !== 'mobile') {
    console.error(`LIGHTHOUSE_PRESETS: unknown preset "${preset}" (desktop, mobile)`);
    process.exit(2);
  }
}
const BASELINE = process.env.LIGHTHOUSE_BASELINE;

/**
 * A directory that runs this checkout's server on another build: the same sources and
 * dependencies, with `dist` pointing at the given build.
 */
function checkoutServing(dist: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lighthouse-baseline-'));
  for (const entry of ['src', 'node_modules', 'package.json', 'tsconfig.json'])
    symlinkSync(resolve(entry), join(dir, entry));
  symlinkSync(resolve(dist), join(dir, 'dist'));
  return dir;
}

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const builds: { name: string; server: RunningServer }[] = [];
if (BASELINE)
  builds.push({ name: 'baseline', server: await serveBuilt({}, checkoutServing(BASELINE)) });
builds.push({ name: 'this build', server: await serveBuilt() });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: CHROMIUM_FLAGS,
});
mkdirSync('reports', { recursive: true });

/** Runs per preset: scores on a shared 2-core machine swing by several points, so report medians. */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
} as const;

interface Run {
  score: number;
  metrics: Record<keyof typeof METRICS, number>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** One Lighthouse run, or undefined when its trace failed (e.g. NO_NAVSTART): no figures. */
async function measure(
  url: string,
  preset: 'desktop' | 'mobile',
  label: string,
): Promise<Run | undefined> {
  const result = await lighthouse(
    `${url}/?region=cn-hangzhou`,
    { port: chrome.port, output: 'json', onlyCategories: ['performance'], logLevel: 'error' },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error('Lighthouse returned no result');
  const lhr = result.lhr;
  if (lhr.runtimeError) {
    console.log(`${label}: ${lhr.runtimeError.code}, not counted`);
    return undefined;
  }
  writeFileSync(
    `reports/lighthouse-${label.replaceAll(' ', '-')}.json`,
    JSON.stringify(lhr, null, 1),
  );
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    metrics: {
      FCP: metric(METRICS.FCP),
      LCP: metric(METRICS.LCP),
      TBT: metric(METRICS.TBT),
      CLS: metric(METRICS.CLS),
    },
  };
}

const rows: string[] = [];
const loads: number[] = [];
try {
  for (const preset of PRESETS as ('desktop' | 'mobile')[]) {
    const runs = new Map(builds.map((build) => [build.name, [] as Run[]]));
    for (let i = 0; i < RUNS; i++) {
      loads.push(loadavg()[0] ?? NaN);
      // Alternate which build goes first, so neither always follows the other's warm-up.
      const order = i % 2 === 0 ? builds : [...builds].reverse();
      for (const build of order) {
        const run = await measure(build.server.url, preset, `${preset} ${build.name} ${i + 1}`);
        if (run) runs.get(build.name)?.push(run);
      }
    }
    for (const [name, done] of runs) {
      const m = (key: keyof typeof METRICS) => median(done.map((r) => r.metrics[key]));
      rows.push(
        `${preset.padEnd(8)} ${name.padEnd(10)} score ${String(median(done.map((r) => r.score))).padStart(3)}` +
          ` (runs: ${done.map((r) => r.score).join(', ')})  FCP ${Math.round(m('FCP'))} ms` +
          `  LCP ${Math.round(m('LCP'))} ms  TBT ${Math.round(m('TBT'))} ms  CLS ${m('CLS').toFixed(3)}`,
      );
    }
  }
} finally {
  await chrome.kill();
  for (const build of builds) await build.server.stop();
}
console.log(
  `\nLighthouse 12 performance, median of ${RUNS} runs (targets: desktop 100, mobile >= 95);` +
    ` 1-minute load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`,
);
for (const row of rows) console.log(row);
