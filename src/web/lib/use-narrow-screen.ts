import { useSyncExternalStore } from 'react';

/** antd's `md` breakpoint (its `screenMD` token, 768 px): at or above it, the wide layout. */
const WIDE = '(min-width: 768px)';
/** antd's `xs` and `sm` queries: one of them matches wherever there is a layout at all. */
const ANY_WIDTH = ['(max-width: 575.98px)', '(min-width: 576px)'];

function narrowNow(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  const wide = window.matchMedia(WIDE).matches;
  const known = wide || ANY_WIDTH.some((query) => window.matchMedia(query).matches);
  return known && !wide;
}

function subscribe(onChange: () => void): () => void {
  const wide = window.matchMedia(WIDE);
  wide.addEventListener('change', onChange);
  return () => wide.removeEventListener('change', onChange);
}

/**
 * Whether the window is narrower than antd's `md` breakpoint (768 px): the phone layout, with a
 * full-screen dialog, folded top-bar selectors and the five essential rule columns. Read from
 * the breakpoint's media query, never from the user agent. Where no width query matches at all
 * (an environment without layout), the wide layout is kept.
 *
 * Read while rendering, not after: antd's `Grid.useBreakpoint` learns the screens in a layout
 * effect, so the first commit drew the wide layout and a phone then drew the whole console again
 * in the same long task, before its first paint.
 */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, narrowNow, () => false);
}
