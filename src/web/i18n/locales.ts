import type { Locale } from 'antd/es/locale';
import antdEnUS from 'antd/es/locale/en_US';
import antdZhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import 'dayjs/locale/zh-cn';
import type { Language } from './language-store';

dayjs.extend(localizedFormat);

const dayjsLocales: Record<Language, string> = { 'en-US': 'en', 'zh-CN': 'zh-cn' };

/** antd's own texts (pagination, empty states, …) for a language. */
export function antdLocale(language: Language): Locale {
  return language === 'zh-CN' ? antdZhCN : antdEnUS;
}

/** Switches dayjs's global locale (antd's date components read it). */
export function applyDayjsLocale(language: Language): void {
  dayjs.locale(dayjsLocales[language]);
}

/** A timestamp as a reader of `language` expects it; '' when absent. */
export function formatTime(value: string | undefined, language: Language): string {
  if (!value) return '';
  const time = dayjs(value);
  return time.isValid() ? time.locale(dayjsLocales[language]).format('ll LTS') : value;
}
