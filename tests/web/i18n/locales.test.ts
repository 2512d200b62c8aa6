import { formatTime } from '../../../src/web/i18n/locales';

// Midday UTC: the same calendar day in every time zone from UTC-11 to UTC+11, so these hold on
// any machine; the seconds survive every zone offset.
const NOON = '2026-11-20T12:00:07Z';

describe('formatTime', () => {
  it("writes what Intl's medium date and time styles write, at any hour of any month", () => {
    for (let hour = 0; hour < 24; hour += 1) {
      const time = new Date(2026, hour % 12, 1 + hour, hour, 4, 9);
      for (const language of ['en-US', 'zh-CN'] as const) {
        const intl = new Intl.DateTimeFormat(language, {
          dateStyle: 'medium',
          timeStyle: 'medium',
        });
        // Intl may put a narrow no-break space before AM/PM; a reader sees a space.
        expect(formatTime(time.toISOString(), language)).toBe(
          intl.format(time).replace(/\u202f/g, ' '),
        );
      }
    }
  });

  it('writes a time as a reader of the language expects it', () => {
    expect(formatTime(NOON, 'en-US')).toMatch(/^Nov 20, 2026, \d{1,2}:\d{2}:07 [AP]M$/);
    expect(formatTime(NOON, 'zh-CN')).toMatch(/^2026年11月20日 \d{2}:\d{2}:07$/);
  });

  it('gives back what is not a time, and nothing for no time', () => {
    expect(formatTime('not a time', 'en-US')).toBe('not a time');
    expect(formatTime('', 'zh-CN')).toBe('');
    expect(formatTime(undefined, 'en-US')).toBe('');
  });
});
