import { useMemo } from 'react';
import { useLanguage } from './language-store';
import { createTranslate, type Translate } from './translate';

/** The translate function of the current language. */
export function useT(): Translate {
  const language = useLanguage();
  return useMemo(() => createTranslate(language), [language]);
}
