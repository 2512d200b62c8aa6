import { describe, expect, it } from 'vitest';
import { lowPriorityModuleScripts } from '../../scripts/vite-script-priority';

describe('the first route scripts of index.html', () => {
  it('load at low priority, the entry and its module preloads, and nothing else changes', () => {
    const html = [
      '<link rel="stylesheet" crossorigin href="/assets/app.css">',
      '<script type="module" crossorigin src="/assets/app.js"></script>',
      '<link rel="modulepreload" crossorigin href="/assets/react.js">',
      '<link rel="modulepreload" fetchpriority="high" href="/assets/kept.js">',
      '<link rel="preload" as="fetch" crossorigin href="/api/session" />',
    ].join('\n');
    expect(lowPriorityModuleScripts(html).split('\n')).toEqual([
      '<link rel="stylesheet" crossorigin href="/assets/app.css">',
      '<script type="module" fetchpriority="low" crossorigin src="/assets/app.js"></script>',
      '<link rel="modulepreload" fetchpriority="low" crossorigin href="/assets/react.js">',
      '<link rel="modulepreload" fetchpriority="high" href="/assets/kept.js">',
      '<link rel="preload" as="fetch" crossorigin href="/api/session" />',
    ]);
  });
});
