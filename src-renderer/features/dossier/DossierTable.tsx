import { useTranslation } from 'react-i18next';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { vnDateTimeText } from '../../format';
import { useNavigation } from '../../store/navigation';

/** A list of dossiers; Enter or a click on a row opens the dossier. */
export function DossierTable({ dossiers, testId }: { dossiers: DossierDoc[]; testId: string }) {
  const { t } = useTranslation();
  const open = useNavigation((s) => s.open);
  return (
    <table className="list" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('dossier.code')}</th>
          <th>{t('reception.applicant')}</th>
          <th>{t('reception.procedure')}</th>
          <th>{t('dossier.received')}</th>
          <th>{t('dossier.status')}</th>
        </tr>
      </thead>
      <tbody>
        {dossiers.map((d) => (
          <tr key={d.id} data-dossier-id={d.id} tabIndex={0} className="clickable" onClick={() => open(d.id)} onKeyDown={(e) => e.key === 'Enter' && open(d.id)}>
            <td className="code">{d.code || '—'}</td>
            <td>{d.applicant.name}</td>
            <td>{d.procedureName}</td>
            <td>{vnDateTimeText(d.receivedAt)}</td>
            <td>{t(`statusName.${d.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
