import { formatTime } from '../../../src/web/i18n/locales';

// Midday UTC: the same calendar day in every time zone from UTC-11 to UTC+11, so these hold on
// any machine; the seconds survive every zone offset.
const NOON = '2026-11-20T12:00:07Z';

describe('formatTime', () => {
  it('writes a time as a reader of the language expects it', () => {
    expect(formatTime(NOON, 'en-US')).toMatch(/^Nov 20, 2026, \d{1,2}:\d{2}:07\s?[AP]M$/);
    expect(formatTime(NOON, 'zh-CN')).toMatch(/^2026年11月20日 \d{2}:\d{2}:07$/);
  });

  it('gives back what is not a time, and nothing for no time', () => {
    expect(formatTime('not a time', 'en-US')).toBe('not a time');
    expect(formatTime('', 'zh-CN')).toBe('');
    expect(formatTime(undefined, 'en-US')).toBe('');
  });
});
