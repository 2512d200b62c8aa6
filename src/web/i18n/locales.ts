import type { Locale } from 'antd/es/locale';
import { languagePack } from './dictionaries';
import type { Language } from './language-store';

/** antd's own texts (pagination, empty states, …) for a language, once it is loaded. */
export function antdLocale(language: Language): Locale {
  return languagePack(language).antd;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * A timestamp as a reader of `language` expects it, in the browser's time zone: "Nov 20, 2026,
 * 2:00:07 AM" or "2026年11月20日 02:00:07" (what Intl's medium date and time styles write); the
 * value itself when it is not a time, '' when absent. Written out by hand because the first
 * Intl.DateTimeFormat of a page loads locale data for about 25 ms, one long task on a slow phone.
 */
export function formatTime(value: string | undefined, language: Language): string {
  if (!value) return '';
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return value;
  const [year, month, day] = [time.getFullYear(), time.getMonth(), time.getDate()];
  const [hours, minutes, seconds] = [time.getHours(), time.getMinutes(), time.getSeconds()];
  const clock = `${twoDigits(minutes)}:${twoDigits(seconds)}`;
  if (language === 'zh-CN') return `${year}年${month + 1}月${day}日 ${twoDigits(hours)}:${clock}`;
  return `${MONTHS[month]} ${day}, ${year}, ${hours % 12 || 12}:${clock} ${hours < 12 ? 'AM' : 'PM'}`;
}
