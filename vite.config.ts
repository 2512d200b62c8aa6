import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { restoreRulesApi } from './src/server/boot/dev-plugin.js';
import { firstScreenCss } from './scripts/vite-first-screen-css.js';
import { precompress } from './scripts/vite-precompress.js';
import { deferredScriptPriority } from './scripts/vite-script-priority.js';

/** Lazy chunks are named after the module that starts them; these read as the feature. */
const FEATURE_CHUNKS: Record<string, string> = {
  'rules-route': 'rules-page',
  'history-routes': 'history',
  'restore-modal': 'restore-modal',
  'login-form': 'token-login',
  'antd-inputs': 'antd-select-input',
};

/** A chunk's name with its features' names; `shared~a~b` lists the features sharing it. */
function featureChunkName(name: string): string {
  return name
    .split('~')
    .map((part) => FEATURE_CHUNKS[part] ?? part)
    .join('~');
}

/**
 * A group's test: the modules of the given npm packages, where `*` stands for any name part
 * (`@rc-component/*`, `rc-*`). Paths are compared with forward slashes on every platform.
 */
function packages(...names: string[]): (id: string) => boolean {
  const alternatives = names.map((name) => name.replace('*', '[^/]+')).join('|');
  const pattern = new RegExp(`/node_modules/(?:${alternatives})/`);
  return (id) => pattern.test(id.replaceAll('\\', '/'));
}

/** The rule-table pieces that the rules page, a preview and the history detail share. */
const RULE_TABLE =
  /\/src\/web\/components\/(?:virtual-table|rule-[^/]+|preview\/(?:preview-table|preview-rows|not-restorable-table))\.tsx?$/;
/** antd's Tooltip and Popover with the styles they share (see the `antd-popups` group). */
const ANTD_POPUPS = /\/node_modules\/antd\/es\/(?:tooltip|popover|style|form\/context)[/.]/;
const virtualizer = packages('@tanstack/react-virtual', '@tanstack/virtual-core');
/** The Chinese texts, ours and antd's (with the locales it pulls in): one request when chosen. */
const CHINESE =
  /\/(?:src\/web\/i18n\/zh-cn\.ts|node_modules\/(?:antd|@rc-component\/[^/]+)\/es\/(?:.+\/)?(?:locale|locales)\/zh_CN\.js)$/;

export default defineConfig({
  plugins: [react(), restoreRulesApi(), firstScreenCss(), deferredScriptPriority(), precompress()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // Every browser the console supports has <link rel="modulepreload">; the polyfill is 0.5 KB
    // of first-route script for none of them.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/app-[hash].js',
        chunkFileNames: (chunk) => `assets/${featureChunkName(chunk.name)}-[hash].js`,
        assetFileNames: (asset) =>
          asset.names.includes('index.css')
            ? 'assets/app-[hash][extname]'
            : 'assets/[name]-[hash][extname]',
        // Chunks named for what they hold. The first route's libraries are split off its code
        // ('$initial': statically imported from the entry), so a lazy page's antd parts never
        // ride on the first screen; a group takes its modules' dependencies too, and the
        // higher priority picks first. What lazy features share goes to `shared~<features>`.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              tags: ['$initial'],
              priority: 50,
              test: packages('react', 'react-dom', 'scheduler', 'react-router'),
            },
            {
              name: 'antd',
              tags: ['$initial'],
              priority: 40,
              test: packages('antd', '@ant-design/*', '@rc-component/*', 'rc-*'),
            },
            {
              name: 'query',
              tags: ['$initial'],
              priority: 30,
              test: packages('@tanstack/*', 'zustand'),
            },
            { name: 'app', tags: ['$initial'], priority: 20 },
            { name: 'zh-cn', priority: 15, test: (id) => CHINESE.test(id.replaceAll('\\', '/')) },
            {
              // antd's popup and form machinery, which the rule table, the dialogs and the
              // deferred first-screen parts all use: without this group the rule table's took
              // it, and the first screen's deferred Select loaded the whole rule table with it.
              name: 'antd-popups',
              priority: 12,
              test: (id) =>
                ANTD_POPUPS.test(id.replaceAll('\\', '/')) ||
                packages(
                  '@rc-component/trigger',
                  '@rc-component/tooltip',
                  '@rc-component/form',
                  '@rc-component/async-validator',
                )(id),
            },
            {
              name: 'rule-table',
              priority: 10,
              test: (id) => RULE_TABLE.test(id.replaceAll('\\', '/')) || virtualizer(id),
            },
            {
              name: 'shared',
              priority: 5,
              minShareCount: 2,
              // One chunk per set of features that share modules, so the rules page does not
              // load the dialogs; sets under ~12 KB merge into a neighbour.
              entriesAware: true,
              entriesAwareMergeThreshold: 12_000,
            },
          ],
        },
      },
    },
  },
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
