import { useTranslation } from 'react-i18next';

/** Areas whose features come with later work: says what will be here, claims nothing more. */
export function PlaceholderPage({ area }: { area: 'scan' | 'ledger' | 'supervisor' }) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t(`nav.${area}`)}</h1>
      <p>{t(`placeholder.${area}`)}</p>
      <p className="muted">{t('placeholder.comingSoon')}</p>
    </section>
  );
}
