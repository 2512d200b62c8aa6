import { Grid } from 'antd';

/**
 * Whether the window is narrower than antd's `md` breakpoint (768 px): the phone layout, with a
 * full-screen dialog, folded top-bar selectors and the five essential rule columns. Read from
 * antd's breakpoint media queries, never from the user agent. Where no breakpoint query matches
 * at all (an environment without layout), the wide layout is kept.
 */
export function useNarrowScreen(): boolean {
  const screens = Grid.useBreakpoint();
  const known = Object.values(screens).some(Boolean);
  return known && !screens.md;
}
