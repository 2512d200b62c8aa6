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

/**
 * Serious violations already reported to the web console's owners (see the e2e report), tolerated
 * here only so the journeys behind them keep running. Each is matched narrowly (rule, and the
 * node's failure text or markup) and is still written to the results and the annotations.
 * `E2E_AXE_STRICT=1` ignores this list. Delete an entry once the console is fixed.
 */
const KNOWN: readonly { id: string; node: RegExp; why: string }[] = [
  {
    id: 'color-contrast',
    node: /(foreground|background) color: #1677ff/,
    why: "antd's default primary blue #1677ff: 4.1:1 on white, 3.76:1 on the #f5f5f5 layout (links, primary buttons)",
  },
  {
    id: 'color-contrast',
    node: /foreground color: #(8c8c8c|8a8a8a|878787), background color: #(ffffff|fafafa|f5f5f5)/,
    why: 'antd secondary text (#8c8c8c) is about 3.3:1 (help texts, result subtitles, error codes, Descriptions labels)',
  },
  {
    id: 'color-contrast',
    node: /foreground color: #(52c41a|ff4d4f|faad14), background color: #(f6ffed|fff2f0|fffbe6|ffffff)/,
    why: 'status colours: Tags success/error/warning 1.8 to 3:1, the danger button #ff4d4f on white 3.26:1',
  },
  {
    id: 'scrollable-region-focusable',
    node: /<div role="rowgroup" style="height: \d+px; overflow-y: auto/,
    why: 'the virtual table body scrolls but cannot take keyboard focus',
  },
  {
    id: 'label-content-name-mismatch',
    node: /aria-label="(管理|还原) .+ 的规则"/,
    why: 'zh-CN row actions: visible 管理规则/还原规则 is not part of the name 管理 X 的规则 (WCAG 2.5.3)',
  },
];

const strict = process.env.E2E_AXE_STRICT === '1';

function unexplained(violation: Result): Result | null {
  const known = strict ? [] : KNOWN.filter((k) => k.id === violation.id);
  const nodes = violation.nodes.filter((n) => !known.some((k) => k.node.test(`${n.failureSummary ?? ''}\n${n.html}`)));
  return nodes.length > 0 ? { ...violation, nodes } : null;
}

/** One line per violation: rule id, impact, how many nodes, and the first node's selector. */
function describe(violations: readonly Result[]): string[] {
  return violations.map(
    (v) => `${v.id} [${v.impact ?? 'unknown'}] ×${v.nodes.length}: ${v.help} — e.g. ${v.nodes[0]?.target.join(' ') ?? ''}`,
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
  // Endless ones (a loading spinner) are left alone.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  await page.screenshot({ path: testInfo.outputPath(`${screen}.png`), fullPage: true });
  // Evaluated through the DevTools protocol rather than a <script> tag: the console's CSP
  // (script-src 'self') rightly refuses inline scripts, and the audit must not weaken it.
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= await readFile(axePath, 'utf8');
    await page.evaluate(axeSource);
  }
  const results = await page.evaluate(() => window.axe.run(document));
  await writeFile(testInfo.outputPath(`${screen}.axe.json`), JSON.stringify(results.violations, null, 2));
  for (const line of describe(results.violations)) testInfo.annotations.push({ type: `axe ${screen}`, description: line });
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(unexplained)
    .filter((v): v is Result => v !== null);
  expect(describe(blocking), `serious or critical axe violations on the ${screen} screen`).toEqual([]);
}
