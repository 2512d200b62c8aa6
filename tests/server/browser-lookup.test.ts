/**
 * The browser lookup of scripts/chromium.ts (used by `npm test`'s browser check, Playwright and
 * Lighthouse), with a fake environment and file system: CHROME_PATH, then the Debian/Ubuntu
 * paths and PATH, then Playwright's own browser, else one line saying how to get one.
 */
import { describe, expect, it } from 'vitest';
import { findChromium, NO_BROWSER_MESSAGE, type BrowserLookup } from '../../scripts/chromium';

function lookup(
  files: string[],
  env: Record<string, string | undefined> = {},
  playwright?: string,
): BrowserLookup {
  const present = new Set(files);
  return { env, executable: (f) => present.has(f), playwrightPath: () => playwright };
}

const PW = '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';

describe('findChromium', () => {
  it('takes CHROME_PATH first, and reports it when it is wrong instead of picking another', () => {
    expect(
      findChromium(
        lookup(['/opt/chrome/chrome', '/usr/bin/chromium'], { CHROME_PATH: '/opt/chrome/chrome' }),
      ),
    ).toEqual({ path: '/opt/chrome/chrome', source: 'CHROME_PATH' });
    const wrong = findChromium(lookup(['/usr/bin/chromium'], { CHROME_PATH: '/opt/none' }));
    expect(wrong.path).toBeUndefined();
    expect(wrong).toMatchObject({ problem: expect.stringMatching(/CHROME_PATH: \/opt\/none/) });
  });

  it.each(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'])(
    'finds the distribution browser at %s before Playwright’s',
    (file) => {
      expect(findChromium(lookup([file, PW], {}, PW))).toEqual({ path: file, source: 'system' });
    },
  );

  it('prefers /usr/bin/chromium over the other system paths', () => {
    expect(findChromium(lookup(['/snap/bin/chromium', '/usr/bin/chromium'])).path).toBe(
      '/usr/bin/chromium',
    );
  });

  it('looks for the browser names on PATH', () => {
    expect(
      findChromium(lookup(['/home/me/bin/google-chrome'], { PATH: '/usr/local/bin:/home/me/bin' })),
    ).toEqual({ path: '/home/me/bin/google-chrome', source: 'system' });
  });

  it('falls back to the browser Playwright installed, when it is on disk', () => {
    expect(findChromium(lookup([PW], { PATH: '/usr/bin' }, PW))).toEqual({
      path: PW,
      source: 'playwright',
    });
    expect(findChromium(lookup([], { PATH: '/usr/bin' }, PW))).toEqual({
      problem: NO_BROWSER_MESSAGE,
    });
  });

  it('says in one line how to get a browser when there is none', () => {
    const none = findChromium(lookup([], { PATH: '/usr/bin:/bin' }));
    expect(none).toEqual({ problem: NO_BROWSER_MESSAGE });
    expect(NO_BROWSER_MESSAGE).not.toContain('\n');
    expect(NO_BROWSER_MESSAGE).toMatch(/apt-get install -y chromium/);
    expect(NO_BROWSER_MESSAGE).toMatch(/npx playwright install chromium/);
    expect(NO_BROWSER_MESSAGE).toMatch(/CHROME_PATH/);
  });
});
