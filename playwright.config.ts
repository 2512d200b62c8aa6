import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/chromium';
import { freePort } from './scripts/free-port';

// The port and data dir are chosen once, in the main process; workers inherit them via env.
process.env.E2E_PORT ??= String(await freePort());
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'restore-console-e2e-'));
const port = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: {
    // The real production server in emulator mode, on the built app.
    command:
      'npx vite build --logLevel warn && node_modules/.bin/tsx --max-http-header-size=1048576 src/server/boot/main.ts',
    url: `http://127.0.0.1:${port}/api/session`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      ECS_MODE: 'emulator',
      DATA_DIR: process.env.E2E_DATA_DIR,
      EMULATOR_TEST_CONTROLS: '1',
      // One auto-revert "minute" lasts 2 s here, so safe-apply.spec.ts waits seconds.
      AUTO_REVERT_MINUTE_MS: '2000',
      // The shortest watch interval, so snapshot-workflow.spec.ts sees a detected change within
      // seconds; no other journey watches a group, and that one stops watching at its end.
      WATCH_INTERVAL_S: '10',
      LOG_LEVEL: 'warn',
    },
  },
});
