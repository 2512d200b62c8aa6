/**
 * The Chromium every browser run here launches, and how: headless as root, with the background
 * services off (this machine's network refuses their connections). The browser is looked up in
 * this order: CHROME_PATH, the Debian/Ubuntu Chromium paths (then those names on PATH), the
 * browser Playwright itself installed (`npx playwright install chromium`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Debian, Ubuntu (deb and snap) and Google's packages put the browser. */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export const NO_BROWSER_MESSAGE =
  'No Chromium for the browser tests: on Debian/Ubuntu run `sudo apt-get install -y chromium` (or `sudo snap install chromium`), elsewhere `npx playwright install chromium`, or set CHROME_PATH to a Chrome or Chromium binary.';

export interface BrowserLookup {
  env: Record<string, string | undefined>;
  /** True when `file` exists and can be executed. */
  executable(file: string): boolean;
  /** The browser Playwright would launch (it may not be downloaded). */
  playwrightPath(): string | undefined;
}

export type BrowserFound =
  | { path: string; source: 'CHROME_PATH' | 'system' | 'playwright' }
  | { path?: undefined; problem: string };

function executableOnDisk(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export const systemLookup: BrowserLookup = {
  env: process.env,
  executable: executableOnDisk,
  playwrightPath() {
    try {
      return chromium.executablePath();
    } catch {
      return undefined;
    }
  },
};

/** Finds the browser, or says why there is none (a CHROME_PATH that is wrong, or nothing at all). */
export function findChromium(lookup: BrowserLookup = systemLookup): BrowserFound {
  const given = lookup.env.CHROME_PATH;
  if (given !== undefined && given !== '') {
    // An explicit choice that is wrong is reported, never silently replaced by another browser.
    return lookup.executable(given)
      ? { path: given, source: 'CHROME_PATH' }
      : { problem: `CHROME_PATH: ${given} is not an executable file.` };
  }
  const onPath = (lookup.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir.length > 0)
    .flatMap((dir) => BROWSER_NAMES.map((name) => path.join(dir, name)));
  for (const candidate of [...SYSTEM_CHROMIUM_PATHS, ...onPath])
    if (lookup.executable(candidate)) return { path: candidate, source: 'system' };
  const bundled = lookup.playwrightPath();
  if (bundled !== undefined && lookup.executable(bundled))
    return { path: bundled, source: 'playwright' };
  return { problem: NO_BROWSER_MESSAGE };
}

const found = findChromium();

/** The browser to launch (Debian's path when none is found: the launch then names it). */
export const CHROMIUM_PATH = found.path ?? '/usr/bin/chromium';
