import { useTranslation } from 'react-i18next';

/** Domain messages come in both UI languages; this picks the current one. */
export interface Bilingual {
  messageVi: string;
  messageEn: string;
}

export function useLocalize(): (m: Bilingual) => string {
  const { i18n } = useTranslation();
  return (m) => (i18n.language === 'en' ? m.messageEn : m.messageVi);
}
