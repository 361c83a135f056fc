import { useTranslation } from 'react-i18next';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { DOSSIER_STATUS } from '../../../src-shared/domain/dossier-status';
import { vnDateTimeText } from '../../format';
import { PrintButton } from '../../print/PrintButton';

/** After the check: the code, appointment and ledger entry, and the form to print. */
export function ReceptionResult({ dossier, onNext }: { dossier: DossierDoc; onNext: () => void }) {
  const { t } = useTranslation();
  const received = dossier.status === DOSSIER_STATUS.received;
  const form = received ? 'receipt' : dossier.status === DOSSIER_STATUS.notReceived ? 'refusal' : 'supplementRequest';
  return (
    <section className="reception-result" data-testid="reception-result" data-status={dossier.status}>
      <h1>{t(`result.${form}`)}</h1>
      <dl className="facts">
        <dt>{t('result.applicant')}</dt>
        <dd>{dossier.applicant.name}</dd>
        <dt>{t('result.procedure')}</dt>
        <dd>{dossier.procedureName}</dd>
        {received && (
          <>
            <dt>{t('result.code')}</dt>
            <dd className="code" data-testid="dossier-code">{dossier.code}</dd>
            <dt>{t('result.appointment')}</dt>
            <dd data-testid="appointment">{vnDateTimeText(dossier.appointmentAt)}</dd>
            <dt>{t('result.ledger')}</dt>
            <dd data-testid="ledger-entry">{t('result.ledgerEntry', { volume: dossier.ledgerVolume, number: dossier.ledgerNumber })}</dd>
          </>
        )}
      </dl>
      <div className="actions">
        <PrintButton dossier={dossier} form={form} autoFocus />
        <button type="button" className="secondary" onClick={onNext}>
          {t('result.next')}
        </button>
      </div>
    </section>
  );
}
