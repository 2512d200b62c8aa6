import type { Locale } from 'antd/es/locale';
import antdEnUS from 'antd/es/locale/en_US';
import antdZhCN from 'antd/es/locale/zh_CN';
import type { Language } from './language-store';

/** antd's own texts (pagination, empty states, …) for a language. */
export function antdLocale(language: Language): Locale {
  return language === 'zh-CN' ? antdZhCN : antdEnUS;
}

const timeFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * A timestamp as a reader of `language` expects it, in the browser's time zone ("Nov 20, 2026,
 * 2:00:07 AM", "2026年11月20日 02:00:07"); the value itself when it is not a time, '' when absent.
 * The browser's Intl does this; no date library is loaded for it.
 */
export function formatTime(value: string | undefined, language: Language): string {
  if (!value) return '';
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return value;
  let format = timeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });
    timeFormats.set(language, format);
  }
  return format.format(time);
}
