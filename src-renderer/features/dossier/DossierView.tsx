import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDoc, DossierEventDoc, DossierEventType } from '../../../src-shared/contract/documents';
import type { LifecycleAction } from '../../../src-shared/domain/lifecycle/apply';
import { LifecycleError } from '../../../src-shared/domain/lifecycle/errors';
import { timeliness } from '../../../src-shared/domain/lifecycle/timeliness';
import { allowedEventTypes } from '../../../src-shared/domain/lifecycle/transitions';
import { saveAction } from '../../dossiers/actions';
import { vnDateTimeText } from '../../format';
import { useNow, useObservable } from '../../hooks';
import { useLocalize } from '../../localize';
import { PrintButton } from '../../print/PrintButton';
import { printableForms } from '../../print/dossier-forms';
import { useWorkspace } from '../../workspace-context';
import { ActionForm } from './ActionForm';
import { Attachments } from './Attachments';
import { canReceive } from '../../supervisor/roles';
import { SyncBadge } from '../sync/SyncBadge';
import { useDossierSyncStates } from '../../sync/sync-state';
import { Timeline } from './Timeline';

type ActionType = Exclude<DossierEventType, 'received'>;

/** One dossier: its facts, what can be done next, what can be printed, and its history. */
export function DossierView({ dossierId, onClose, onResume }: { dossierId: string; onClose: () => void; onResume: (d: DossierDoc) => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const ws = useWorkspace();
  const doc = useObservable(() => ws.db.dossiers.findOne(dossierId).$, null, [ws, dossierId]);
  const eventDocs = useObservable(() => ws.db.dossierEvents.find({ selector: { dossierId }, sort: [{ dossierId: 'asc' }, { at: 'asc' }] }).$, [], [ws, dossierId]);
  const [action, setAction] = useState<ActionType | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow();
  const syncState = useDossierSyncStates(ws.db, [dossierId]).get(dossierId) ?? 'synced';
  if (!doc) return <p>{t('common.loading')}</p>;
  const dossier = doc.toJSON() as DossierDoc;
  const events = eventDocs.map((e) => e.toJSON() as DossierEventDoc);
  // Only counters change dossiers; a supervisor reads them (roles.ts).
  const allowed = canReceive(ws.user.role) ? allowedEventTypes(dossier) : [];
  const timing = timeliness(dossier, now, ws.calendar);

  async function run(a: LifecycleAction) {
    setBusy(true);
    try {
      await saveAction(ws, dossier, a);
      setMessage({ ok: true, text: t('action.done', { action: t(`actions.${a.type}`) }) });
      setAction(null);
    } catch (error) {
      setMessage({ ok: false, text: error instanceof LifecycleError ? localize(error) : (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="dossier-view" aria-labelledby="dossier-title" data-testid="dossier-view" data-status={dossier.status}>
      <div className="title-row">
        <h1 id="dossier-title">
          {dossier.code ? <span className="code">{dossier.code}</span> : t('dossier.noCode')} · {dossier.applicant.name}
        </h1>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <dl className="facts">
        <dt>{t('dossier.status')}</dt>
        <dd data-testid="dossier-status">
          {t(`statusName.${dossier.status}`)} {timing !== 'none' && <span className={`pill timing-${timing}`}>{t(`timeliness.${timing}`)}</span>}
        </dd>
        <dt>{t('result.procedure')}</dt>
        <dd>
          <span className="code">{dossier.procedureCode}</span> {dossier.procedureName}
        </dd>
        <dt>{t('dossier.received')}</dt>
        <dd>
          {vnDateTimeText(dossier.receivedAt)} · {dossier.receivedBy}
        </dd>
        {dossier.appointmentAt > 0 && (
          <>
            <dt>{t('result.appointment')}</dt>
            <dd>{vnDateTimeText(dossier.appointmentAt)}</dd>
          </>
        )}
        {dossier.ledgerNumber > 0 && (
          <>
            <dt>{t('result.ledger')}</dt>
            <dd>{t('result.ledgerEntry', { volume: dossier.ledgerVolume, number: dossier.ledgerNumber })}</dd>
          </>
        )}
        <dt>{t('dossier.processingBody')}</dt>
        <dd>{dossier.processingBody}</dd>
        <dt>{t('reception.syncState')}</dt>
        <dd>
          <SyncBadge state={syncState} />
        </dd>
      </dl>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
      {action ? (
        <ActionForm type={action} dossier={dossier} onSubmit={(a) => void run(a)} onCancel={() => setAction(null)} busy={busy} />
      ) : (
        <div className="actions" aria-label={t('dossier.actions')}>
          {allowed.includes('received') && (
            <button type="button" onClick={() => onResume(dossier)}>
              {t('actions.received')}
            </button>
          )}
          {allowed
            .filter((a): a is ActionType => a !== 'received')
            .map((a) => (
              <button key={a} type="button" className="secondary" data-action={a} onClick={() => setAction(a)}>
                {t(`actions.${a}`)}
              </button>
            ))}
        </div>
      )}
      <h2>{t('dossier.print')}</h2>
      <div className="actions">
        {printableForms(dossier, events).map((f) => (
          <PrintButton key={f} dossier={dossier} form={f} />
        ))}
      </div>
      {canReceive(ws.user.role) && <Attachments dossier={dossier} />}
      <h2>{t('dossier.history')}</h2>
      <Timeline events={events} />
    </section>
  );
}
