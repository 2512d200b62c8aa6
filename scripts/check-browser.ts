/**
 * Runs before `npm test` and `npm run e2e`: stops at once, in one line, when no browser can be
 * found, instead of building the app and failing every browser test with a launch error.
 */
import { findChromium } from './chromium';

const found = findChromium();
if (found.path === undefined) {
  console.error(found.problem);
  process.exit(1);
}
