/**
 * `npm run lighthouse`: Lighthouse 12 (desktop and mobile presets) on the built app served by
 * the real server in emulator mode, with Debian's Chromium. Prints score, FCP, LCP and TBT and
 * writes every run's JSON report under reports/. A report, not a test: it never fails on a score.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';
import { serveBuilt } from './serve-built';

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

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const server = await serveBuilt();
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

const rows: string[] = [];
try {
  for (const preset of PRESETS as ('desktop' | 'mobile')[]) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(
        `${server.url}/?region=cn-hangzhou`,
        { port: chrome.port, output: 'json', onlyCategories: ['performance'], logLevel: 'error' },
        preset === 'desktop' ? desktopConfig : undefined,
      );
      if (!result) throw new Error('Lighthouse returned no result');
      const lhr = result.lhr;
      // A failed trace (e.g. NO_NAVSTART) has no figures: say so and leave it out of the median.
      if (lhr.runtimeError) {
        console.log(`${preset} run ${i + 1}: ${lhr.runtimeError.code}, not counted`);
        continue;
      }
      writeFileSync(`reports/lighthouse-${preset}-${i + 1}.json`, JSON.stringify(lhr, null, 1));
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      runs.push({
        score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        metrics: {
          FCP: metric(METRICS.FCP),
          LCP: metric(METRICS.LCP),
          TBT: metric(METRICS.TBT),
          CLS: metric(METRICS.CLS),
        },
      });
    }
    const m = (key: keyof typeof METRICS) => median(runs.map((r) => r.metrics[key]));
    rows.push(
      `${preset.padEnd(8)} score ${String(median(runs.map((r) => r.score))).padStart(3)}` +
        ` (runs: ${runs.map((r) => r.score).join(', ')})  FCP ${Math.round(m('FCP'))} ms` +
        `  LCP ${Math.round(m('LCP'))} ms  TBT ${Math.round(m('TBT'))} ms  CLS ${m('CLS').toFixed(3)}`,
    );
  }
} finally {
  await chrome.kill();
  await server.stop();
}
console.log(
  `\nLighthouse 12 performance, median of ${RUNS} runs (targets: desktop >= 98, mobile >= 85)`,
);
for (const row of rows) console.log(row);
