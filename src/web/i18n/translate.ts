import { enUS, type Messages } from './en-us';
import { selectPlurals } from './plural';
import { zhCN } from './zh-cn';
import type { Language } from './language-store';

const dictionaries: Record<Language, Messages> = { 'en-US': enUS, 'zh-CN': zhCN };

type Section = keyof Messages;
/** Every message key, e.g. 'restore.title'. */
export type MessageKey = { [S in Section]: `${S}.${Extract<keyof Messages[S], string>}` }[Section];
export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/**
 * Builds the translate function of one language: plural blocks
 * (`{count, plural, one {…} other {…}}`) take the language's form, then `{name}` placeholders
 * are filled from `vars`.
 */
export function createTranslate(language: Language): Translate {
  const dictionary = dictionaries[language];
  const rules = new Intl.PluralRules(language);
  return (key, vars) => {
    const [section, name] = key.split('.') as [Section, string];
    const template = (dictionary[section] as Record<string, string>)[name] ?? key;
    if (!vars) return template;
    return selectPlurals(template, vars, rules).replace(/\{(\w+)\}/g, (match, variable: string) =>
      variable in vars ? String(vars[variable]) : match,
    );
  };
}
