/**
 * The texts of each language: the console's messages and antd's own. English ships with the first
 * route; the others are fetched when chosen, or before the first render when the stored language
 * is one of them, so the first screen never flashes English.
 */
import type { Locale } from 'antd/es/locale';
import antdEnUS from 'antd/es/locale/en_US';
import { enUS, type Messages } from './en-us';
import type { Language } from './language-store';

interface LanguagePack {
  messages: Messages;
  antd: Locale;
}

const english: LanguagePack = { messages: enUS, antd: antdEnUS };
const packs: Partial<Record<Language, LanguagePack>> = { 'en-US': english };

const loaders: Record<Exclude<Language, 'en-US'>, () => Promise<LanguagePack>> = {
  'zh-CN': async () => {
    const [{ zhCN }, antd] = await Promise.all([import('./zh-cn'), import('antd/es/locale/zh_CN')]);
    return { messages: zhCN, antd: antd.default };
  },
};
const loading = new Map<Language, Promise<void>>();

/** Fetches the texts of `language` once; a failed fetch is tried again on the next call. */
export function loadLanguage(language: Language): Promise<void> {
  if (language === 'en-US' || packs[language]) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = loaders[language]().then(
      (pack) => {
        packs[language] = pack;
      },
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/** The texts of `language`, English until they are loaded. */
export function languagePack(language: Language): LanguagePack {
  return packs[language] ?? english;
}
