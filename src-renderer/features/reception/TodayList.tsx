import { useTranslation } from 'react-i18next';
import { vnClock } from '../../../src-shared/domain/vn-time';
import { useObservable, useVnToday } from '../../hooks';
import { useDossierSyncStates } from '../../sync/sync-state';
import { SyncBadge } from '../sync/SyncBadge';
import { useWorkspace } from '../../workspace-context';
import { useNavigation } from '../../store/navigation';

const LIST_LIMIT = 200;

/** Today's dossiers, newest first, from the [receivedDay, receivedInv] index; live as they change. */
export function TodayList() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const today = useVnToday();
  const open = useNavigation((s) => s.open);
  const dossiers = useObservable(
    () => ws.db.dossiers.find({ selector: { receivedDay: today }, sort: [{ receivedInv: 'asc' }], limit: LIST_LIMIT }).$,
    [],
    [ws, today],
  );
  const syncStates = useDossierSyncStates(ws.db, dossiers.map((d) => d.id));

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
              <th>{t('dossier.code')}</th>
              <th>{t('dossier.status')}</th>
              <th>{t('reception.procedure')}</th>
              <th>{t('reception.applicant')}</th>
              <th>{t('reception.receivedBy')}</th>
              <th>{t('reception.syncState')}</th>
            </tr>
          </thead>
          <tbody>
            {dossiers.map((d) => {
              return (
                <tr key={d.id} data-dossier-id={d.id} tabIndex={0} className="clickable" onClick={() => open(d.id)} onKeyDown={(e) => e.key === 'Enter' && open(d.id)}>
                  <td>{vnClock(d.receivedAt)}</td>
                  <td className="code">{d.code || '—'}</td>
                  <td>{t(`statusName.${d.status}`)}</td>
                  <td>
                    <span className="code">{d.procedureCode}</span> {d.procedureName}
                  </td>
                  <td>{d.applicant.name}</td>
                  <td>{d.receivedBy}</td>
                  <td>
                    <SyncBadge state={syncStates.get(d.id) ?? 'synced'} />
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
