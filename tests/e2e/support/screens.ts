/**
 * What every screen of a journey gets: an axe-core audit (no serious or critical violation) and a
 * full-page screenshot, both kept as test artifacts under test-results/.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, type Page, type TestInfo } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

declare global {
  interface Window {
    axe: { run: (context: Element | Document) => Promise<AxeResults> };
  }
}

/** One line per violation: rule id, impact, how many nodes, and the first node's selector. */
function describe(violations: readonly Result[]): string[] {
  return violations.map(
    (v) =>
      `${v.id} [${v.impact ?? 'unknown'}] ×${v.nodes.length}: ${v.help} — e.g. ${v.nodes[0]?.target.join(' ') ?? ''}`,
  );
}

/** Waits for the running transitions (a popup's fade-in) to end; endless ones (a spinner) are left alone. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Audits the page as it is now with axe-core, saves the full results and a full-page screenshot
 * named after the screen, and fails on any serious or critical violation. Minor and moderate ones
 * are recorded in the results file and the test's annotations, not failed on.
 */
export async function checkScreen(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  // The pointer rests where the last click left it; a hovered link's lighter colour is not the
  // screen's, so it is moved to an empty corner first.
  await page.mouse.move(1, 1);
  // Colours are judged once antd's hover and open transitions have finished, not mid-fade.
  await settle(page);
  await page.screenshot({ path: testInfo.outputPath(`${screen}.png`), fullPage: true });
  // Evaluated through the DevTools protocol rather than a <script> tag: the console's CSP
  // (script-src 'self') rightly refuses inline scripts, and the audit must not weaken it.
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= await readFile(axePath, 'utf8');
    await page.evaluate(axeSource);
  }
  const results = await page.evaluate(() => window.axe.run(document));
  await writeFile(
    testInfo.outputPath(`${screen}.axe.json`),
    JSON.stringify(results.violations, null, 2),
  );
  for (const line of describe(results.violations))
    testInfo.annotations.push({ type: `axe ${screen}`, description: line });
  const blocking = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  // Soft: the test still fails, but the journey goes on so every later screen is audited too.
  expect
    .soft(describe(blocking), `serious or critical axe violations on the ${screen} screen`)
    .toEqual([]);
}

/**
 * Neither the page nor an open dialog's own scroll box is wider than the window. Polled: right
 * after a viewport change the narrow layout is one render away (the breakpoint hook answers
 * after the resize event), and a long page takes longer to re-render than a short one.
 */
export async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const overflow = () =>
    page.evaluate(() => ({
      page: document.documentElement.scrollWidth - window.innerWidth,
      dialogs: Math.max(
        0,
        ...[...document.querySelectorAll('.ant-modal-wrap')]
          .filter((wrap) => getComputedStyle(wrap).display !== 'none')
          .map((wrap) => wrap.scrollWidth - wrap.clientWidth),
      ),
    }));
  await expect
    .poll(async () => (await overflow()).page, { message: `page width on the ${screen} screen` })
    .toBeLessThanOrEqual(0);
  await expect
    .poll(async () => (await overflow()).dialogs, {
      message: `dialog overflow on the ${screen} screen`,
    })
    .toBeLessThanOrEqual(0);
}

/** Whether an input's placeholder fits inside its box, measured in the input's own font. */
export function placeholderFits(input: HTMLInputElement): boolean {
  const style = getComputedStyle(input);
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return false;
  context.font = style.font;
  const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return context.measureText(input.placeholder).width <= room;
}
