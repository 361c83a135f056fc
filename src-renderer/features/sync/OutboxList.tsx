import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese } from '../../../src-shared/domain/text';
import { vnDateTimeText } from '../../format';
import { useObservable } from '../../hooks';
import type { OutboxDoc } from '../../db/local-schemas';
import { useNavigation } from '../../store/navigation';
import { retryRow } from '../../sync/outbox-actions';
import { useWorkspace } from '../../workspace-context';
import { SyncBadge } from './SyncBadge';

const LIMIT = 500;

/**
 * What has not reached the portal yet, searchable offline by dossier code, applicant name or record
 * id, with a retry for each row. Rejected rows stay here, with the portal's reason, until retried.
 */
export function OutboxList() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const open = useNavigation((s) => s.open);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const rows = useObservable(
    () => ws.db.outbox.find({ selector: { state: { $gte: '' } }, sort: [{ state: 'asc' }, { queuedAt: 'asc' }], limit: LIMIT }).$,
    [],
    [ws],
  );
  const dossierIds = useMemo(() => [...new Set(rows.map((r) => r.dossierId))], [rows]);
  const dossiers = useObservable(() => ws.db.dossiers.findByIds(dossierIds).$, new Map(), [ws, dossierIds.join(',')]);
  const folded = foldVietnamese(query.trim());
  const shown = rows.filter((r) => {
    if (!folded) return true;
    const d = dossiers.get(r.dossierId);
    return foldVietnamese(`${d?.code ?? ''} ${d?.applicant.name ?? ''} ${r.docId} ${r.reason}`).includes(folded);
  });

  async function retry(row: OutboxDoc) {
    setBusy(row.id);
    try {
      await retryRow(ws, row);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outbox.title', { count: rows.length })}</h2>
      <input type="search" aria-label={t('outbox.search')} placeholder={t('outbox.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {shown.length === 0 ? (
        <p className="muted">{rows.length === 0 ? t('outbox.empty') : t('outbox.noMatch')}</p>
      ) : (
        <table className="list" data-testid="outbox-list">
          <thead>
            <tr>
              <th>{t('outbox.record')}</th>
              <th>{t('dossier.code')}</th>
              <th>{t('reception.applicant')}</th>
              <th>{t('outbox.queuedAt')}</th>
              <th>{t('syncPage.state')}</th>
              <th>{t('outbox.reason')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const d = dossiers.get(r.dossierId);
              return (
                <tr key={r.id} data-outbox-id={r.id} data-state={r.state}>
                  <td>{t(`outbox.targets.${r.target}`)}</td>
                  <td className="code">
                    {d ? (
                      <button type="button" className="link" onClick={() => open(d.id)}>
                        {d.code || t('dossier.noCode')}
                      </button>
                    ) : (
                      r.dossierId
                    )}
                  </td>
                  <td>{d?.applicant.name ?? ''}</td>
                  <td>{vnDateTimeText(r.queuedAt)}</td>
                  <td>
                    <SyncBadge state={r.state} />
                  </td>
                  <td className="muted">{r.reason}</td>
                  <td>
                    {r.state !== 'pending' && r.state !== 'uploading' && (
                      <button type="button" className="secondary" disabled={busy === r.id} onClick={() => void retry(r)}>
                        {t('outbox.retry')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length === LIMIT && <p className="muted">{t('outbox.firstOnly', { count: LIMIT })}</p>}
    </section>
  );
}
