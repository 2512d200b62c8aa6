/**
 * `npm run lighthouse`: Lighthouse 12 (desktop and mobile presets) on the built app served by
 * the real server in emulator mode, with Debian's Chromium. Prints score, FCP, LCP and TBT and
 * writes the full JSON reports under reports/. A report, not a test: it never fails on a score.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';
import { serveBuilt } from './serve-built';

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const server = await serveBuilt();
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: CHROMIUM_FLAGS,
});
mkdirSync('reports', { recursive: true });
const rows: string[] = [];
try {
  for (const preset of ['desktop', 'mobile'] as const) {
    const result = await lighthouse(
      `${server.url}/?region=cn-hangzhou`,
      { port: chrome.port, output: 'json', onlyCategories: ['performance'], logLevel: 'error' },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const lhr = result.lhr;
    writeFileSync(`reports/lighthouse-${preset}.json`, JSON.stringify(lhr, null, 1));
    const ms = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
    const score = Math.round((lhr.categories.performance?.score ?? 0) * 100);
    rows.push(
      `${preset.padEnd(8)} score ${String(score).padStart(3)}  FCP ${ms('first-contentful-paint')} ms  LCP ${ms('largest-contentful-paint')} ms  TBT ${ms('total-blocking-time')} ms`,
    );
  }
} finally {
  await chrome.kill();
  await server.stop();
}
console.log('\nLighthouse 12 performance (targets: desktop >= 98, mobile >= 85)');
for (const row of rows) console.log(row);
