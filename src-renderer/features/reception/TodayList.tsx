import { useTranslation } from 'react-i18next';
import { vnClock } from '../../../src-shared/domain/vn-time';
import { outboxId, type OutboxDoc } from '../../db/local-schemas';
import { useObservable, useVnToday } from '../../hooks';
import { useWorkspace } from '../../workspace-context';

const LIST_LIMIT = 200;

/** Today's dossiers, newest first, from the [receivedDay, receivedInv] index; live as they change. */
export function TodayList() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const today = useVnToday();
  const dossiers = useObservable(
    () => ws.db.dossiers.find({ selector: { receivedDay: today }, sort: [{ receivedInv: 'asc' }], limit: LIST_LIMIT }).$,
    [],
    [ws, today],
  );
  const ids = dossiers.map((d) => outboxId('dossiers', d.id));
  const outbox = useObservable(() => ws.db.outbox.findByIds(ids).$, new Map(), [ws, ids.join(',')]);

  function syncState(id: string): OutboxDoc['state'] | 'synced' {
    return (outbox.get(outboxId('dossiers', id)) as { state: OutboxDoc['state'] } | undefined)?.state ?? 'synced';
  }

  return (
    <section aria-labelledby="today-title">
      <h2 id="today-title">{t('reception.today')}</h2>
      {dossiers.length === 0 ? (
        <p className="muted">{t('reception.empty')}</p>
      ) : (
        <table className="list" data-testid="today-list">
          <thead>
            <tr>
              <th>{t('reception.time')}</th>
              <th>{t('reception.procedure')}</th>
              <th>{t('reception.applicant')}</th>
              <th>{t('reception.receivedBy')}</th>
              <th>{t('reception.syncState')}</th>
            </tr>
          </thead>
          <tbody>
            {dossiers.map((d) => {
              const state = syncState(d.id);
              return (
                <tr key={d.id} data-dossier-id={d.id}>
                  <td>{vnClock(d.receivedAt)}</td>
                  <td>
                    <span className="code">{d.procedureCode}</span> {d.procedureName}
                  </td>
                  <td>{d.applicant.name}</td>
                  <td>{d.receivedBy}</td>
                  <td data-testid="sync-state" data-state={state} className={`sync-${state}`}>
                    {t(`syncState.${state}`)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
