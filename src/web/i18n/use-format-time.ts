import { useCallback } from 'react';
import { useLanguage } from './language-store';
import { formatTime } from './locales';

/** Formats timestamps in the current language. */
export function useFormatTime(): (value: string | undefined) => string {
  const language = useLanguage();
  return useCallback((value: string | undefined) => formatTime(value, language), [language]);
}
