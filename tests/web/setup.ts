/**
 * jsdom lacks what antd and the virtualizer read from a real browser: matchMedia, ResizeObserver,
 * a getComputedStyle that accepts a pseudo-element, scrollTo. These stubs only fill those gaps.
 */
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';
import { afterAll, afterEach, vi } from 'vitest';
import { resetRegionStore } from '../../src/web/features/regions/stores/region-store';
import { resetLanguageStore } from '../../src/web/i18n/language-store';

// rc-component's useId answers the constant 'test-id' when NODE_ENV is 'test', so every dialog,
// select and tab would share one id and accessible names would point at the wrong element. Real
// browsers get unique ids; so do these tests.
process.env.NODE_ENV = 'development';

// Stored preferences must not leak from one test to the next, neither in the stores (module state
// that outlives a test) nor in localStorage, which the stores write to when reset, so it is
// cleared last. (Testing Library unmounts after each test by itself, through globals.)
afterEach(() => {
  resetLanguageStore();
  resetRegionStore();
  localStorage.clear();
});

// Belt and braces for closeConsole (render-app.tsx): should React's scheduler (setImmediate in
// Node) still hold a task when a file ends, let it run while jsdom's window exists; once the
// environment is torn down, such a task throws "window is not defined" and fails the whole run.
// A few ticks were not always enough on a loaded machine (a late network answer can schedule a
// render after them), so the drain lasts until ten rounds of immediates and short timers have
// passed: about 100 ms a file.
afterAll(async () => {
  for (let round = 0; round < 10; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
});

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
  Object.defineProperty(globalThis, 'ResizeObserver', {
    writable: true,
    value: ResizeObserverStub,
  });
}

// antd measures scrollbars with getComputedStyle(el, '::-webkit-scrollbar'); jsdom throws on pseudo-elements.
const originalGetComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element, pseudo?: string | null) =>
  originalGetComputedStyle(element, pseudo ? undefined : pseudo);

if (!Element.prototype.scrollTo) Element.prototype.scrollTo = () => undefined;
if (!window.scrollTo || String(window.scrollTo).includes('not implemented'))
  window.scrollTo = () => undefined;

// Browsers give keyboard events the legacy keyCode/which that rc-component's lists still switch
// on (Enter picks the active option); user-event sets only key and code, so derive them from key.
const KEY_CODES: Record<string, number> = {
  Backspace: 8,
  Tab: 9,
  Enter: 13,
  Escape: 27,
  ' ': 32,
  PageUp: 33,
  PageDown: 34,
  End: 35,
  Home: 36,
  ArrowLeft: 37,
  ArrowUp: 38,
  ArrowRight: 39,
  ArrowDown: 40,
  Delete: 46,
};
for (const property of ['keyCode', 'which'] as const) {
  const own =
    Object.getOwnPropertyDescriptor(KeyboardEvent.prototype, property) ??
    Object.getOwnPropertyDescriptor(UIEvent.prototype, property);
  Object.defineProperty(KeyboardEvent.prototype, property, {
    configurable: true,
    get(this: KeyboardEvent) {
      const given = Number(own?.get?.call(this) ?? 0);
      return given || KEY_CODES[this.key] || 0;
    },
  });
}

// jsdom lays nothing out, so offsetParent is always null and rc-component takes every element
// for invisible: the Modal's focus lock would find nothing to pull focus back to. A browser gives
// a rendered element an offset parent unless it (or an ancestor) is not displayed.
function displayed(element: HTMLElement): boolean {
  if (element.hidden || element.style.display === 'none') return false;
  return element.parentElement ? displayed(element.parentElement) : true;
}
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    // The stub itself reads the DOM: it stands in for layout, not for a query of a test.
    // eslint-disable-next-line testing-library/no-node-access
    return this.isConnected && displayed(this) ? this.parentElement : null;
  },
});

// UI journeys run the real proxy and emulator in-process; give them room on a shared machine:
// a findBy* that waits 1 s (the default) fails when other work holds both cores for longer.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });
