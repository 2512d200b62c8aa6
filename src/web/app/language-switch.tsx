import { DeferredSelect } from '../components/deferred-select';
import { useLanguage, useLanguageActions, type Language } from '../i18n/language-store';
import { useT } from '../i18n/use-t';

/** English / 简体中文, each named in its own language. */
export function LanguageSwitch() {
  const t = useT();
  const language = useLanguage();
  const { languageChosen } = useLanguageActions();
  return (
    <DeferredSelect<Language>
      aria-label={t('app.language')}
      value={language}
      onChange={languageChosen}
      options={[
        { value: 'en-US', label: 'English' },
        { value: 'zh-CN', label: '简体中文' },
      ]}
      style={{ width: 120 }}
    />
  );
}
