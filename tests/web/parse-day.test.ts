import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/web/features/history/hooks/parse-day';

describe('parseDay (the history filters’ day boxes)', () => {
  it('reads a day in either language’s usual form as the URL keeps it', () => {
    expect(parseDay('2026-12-02')).toBe('2026-12-02');
    expect(parseDay(' 2026/12/2 ')).toBe('2026-12-02');
    expect(parseDay('2026.1.9')).toBe('2026-01-09');
    expect(parseDay('2026年12月2日')).toBe('2026-12-02');
  });

  it('gives an empty string for an empty box, and nothing for what is not a real day', () => {
    expect(parseDay('  ')).toBe('');
    expect(parseDay('12/02/2026')).toBeUndefined();
    expect(parseDay('2026-02-30')).toBeUndefined();
    expect(parseDay('2026-13-01')).toBeUndefined();
    expect(parseDay('yesterday')).toBeUndefined();
  });
});
