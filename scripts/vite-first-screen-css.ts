/**
 * A Vite build plugin that puts antd's styles for the first screen in a stylesheet
 * (scripts/first-screen-styles.tsx extracts them) and links it from index.html, so the browser
 * has them before the first render and antd skips generating them at run time. The extraction
 * renders our React components, so it runs in its own process under tsx, with the production
 * NODE_ENV the built app's class hashes come from.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Plugin } from 'vite';

export function firstScreenCss(): Plugin {
  let fileName = '';
  let root = process.cwd();
  return {
    name: 'restore-console-first-screen-css',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      const css = execFileSync(
        path.join(root, 'node_modules/.bin/tsx'),
        [path.join(root, 'scripts/first-screen-styles.tsx')],
        { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
      );
      const hash = createHash('sha256').update(css).digest('hex').slice(0, 8);
      fileName = `assets/antd-first-screen-${hash}.css`;
      this.emitFile({ type: 'asset', fileName, source: css });
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'link', attrs: { rel: 'stylesheet', href: `/${fileName}` }, injectTo: 'head' },
      ],
    },
  };
}
