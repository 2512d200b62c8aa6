import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { loadLanguage } from './dictionaries';

export type Language = 'en-US' | 'zh-CN';

interface LanguageState {
  language: Language;
  actions: { languageChosen: (language: Language) => void };
}

function browserLanguage(): Language {
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('zh')
    ? 'zh-CN'
    : 'en-US';
}

// The raw store stays private: components use the atomic hooks below.
const useLanguageStore = create<LanguageState>()(
  persist(
    (set) => ({
      language: browserLanguage(),
      actions: {
        // The switch happens once the language's texts are in, so no screen mixes two languages;
        // should they fail to load, the console stays in the language it has.
        languageChosen: (language) => {
          loadLanguage(language).then(
            () => set({ language }),
            (error: unknown) => console.error(`The ${language} texts did not load`, error),
          );
        },
      },
    }),
    {
      name: 'restore-console.language',
      partialize: (state) => ({ language: state.language }),
    },
  ),
);

export const useLanguage = () => useLanguageStore((state) => state.language);
export const useLanguageActions = () => useLanguageStore((state) => state.actions);

/** The chosen language, read outside React (the first screen's requests start before it). */
export const currentLanguage = () => useLanguageStore.getState().language;

/** Puts the language back to the store's initial state (the browser's language); for tests. */
export const resetLanguageStore = () =>
  useLanguageStore.setState(useLanguageStore.getInitialState(), true);
