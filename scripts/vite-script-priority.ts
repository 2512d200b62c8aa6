/**
 * A Vite build plugin that gives the first route's module scripts in index.html (the entry and
 * its `modulepreload`s) `fetchpriority="low"`, the priority Chrome gives a classic `defer` script.
 * Module scripts are deferred too (they run once the page is parsed) and draw nothing the first
 * paint needs: index.html's boot line and its two stylesheets make that paint. At their default
 * High priority the scripts went out level with the stylesheets, and Lighthouse's phone
 * simulation counted all ~185 KB of them as blocking the first paint (High-priority scripts are
 * render-blocking in its model). Low, the browser sends them as soon as the stylesheets are in.
 */
import type { Plugin } from 'vite';

/** `html` with `fetchpriority="low"` on each module script and module preload without one. */
export function lowPriorityModuleScripts(html: string): string {
  return html.replace(
    /<(script type="module"|link rel="modulepreload")(?![^>]*fetchpriority)/g,
    '<$1 fetchpriority="low"',
  );
}

export function deferredScriptPriority(): Plugin {
  return {
    name: 'restore-console-script-priority',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: lowPriorityModuleScripts },
  };
}
