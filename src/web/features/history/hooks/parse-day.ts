/**
 * A day as a person types it, in either language's usual form: 2026-12-02, 2026/12/2,
 * 2026.12.02 or 2026年12月2日. Returns it as the URL keeps it (YYYY-MM-DD), '' for an empty
 * box, or undefined when it is not a real day (2026-02-30 included).
 */
export function parseDay(text: string): string | undefined {
  const typed = text.trim();
  if (typed === '') return '';
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(typed);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
