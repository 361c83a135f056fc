import { useTranslation } from 'react-i18next';
import { DOSSIER_STATUS_CODES } from '../../../src-shared/domain/dossier-status';
import { useObservable } from '../../hooks';
import { useWorkspace } from '../../workspace-context';

/** Dossiers per status, from the in-memory counts (never waits for a recount). */
export function StatusSummary() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const counts = useObservable(() => ws.statusCounts.counts$, ws.statusCounts.counts$.value, [ws]);
  if (!counts) return <p className="muted">{t('common.loading')}</p>;
  return (
    <ul className="status-summary" data-testid="status-summary">
      {DOSSIER_STATUS_CODES.filter((s) => counts[s]).map((s) => (
        <li key={s} data-status={s} data-count={counts[s]}>
          {t(`statusName.${s}`)}: <strong>{counts[s]}</strong>
        </li>
      ))}
    </ul>
  );
}
