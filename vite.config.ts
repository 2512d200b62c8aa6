import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { restoreRulesApi } from './src/server/boot/dev-plugin.js';
import { firstScreenCss } from './scripts/vite-first-screen-css.js';
import { precompress } from './scripts/vite-precompress.js';

export default defineConfig({
  plugins: [react(), restoreRulesApi(), firstScreenCss(), precompress()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 900 },
  test: {
    globals: true,
    // msw parses intercepted requests with Node's HTTP parser, whose 16 KiB header limit silently
    // drops a 100-rule Authorize (~20-500 KB of query string): raise it to 1 MiB, as the server does.
    execArgv: ['--max-http-header-size=1048576'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/{domain,ecs,server,mocks}/**/*.test.ts'],
          setupFiles: ['tests/setup-node.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['tests/web/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup-node.ts', 'tests/web/setup.ts'],
        },
      },
    ],
  },
});
