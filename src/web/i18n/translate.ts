import type { Messages } from './en-us';
import { languagePack } from './dictionaries';
import { selectPlurals } from './plural';
import type { Language } from './language-store';

type Section = keyof Messages;
/** Every message key, e.g. 'restore.title'. */
export type MessageKey = { [S in Section]: `${S}.${Extract<keyof Messages[S], string>}` }[Section];
export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/**
 * Builds the translate function of one language (its dictionary must be loaded, see
 * `loadLanguage`; English stands in until then): plural blocks
 * (`{count, plural, one {…} other {…}}`) take the language's form, then `{name}` placeholders
 * are filled from `vars`.
 */
export function createTranslate(language: Language): Translate {
  const dictionary = languagePack(language).messages;
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
