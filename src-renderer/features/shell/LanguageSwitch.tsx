import { useTranslation } from 'react-i18next';
import { desktop } from '../../bridge';

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const next = i18n.language === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="link"
      lang={next}
      onClick={() => {
        void i18n.changeLanguage(next);
        void desktop().invoke('settings.update', { language: next }).catch(() => {});
      }}
    >
      {next === 'en' ? 'English' : 'Tiếng Việt'}
    </button>
  );
}
