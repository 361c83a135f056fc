import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDoc, FileMetaDoc } from '../../../src-shared/contract/documents';
import { ACCEPTED_MIME } from '../../files/file-kind';
import { attachFiles, ATTACH_MAX_BYTES } from '../../files/attach';
import { batchIdForDossier } from '../../digitize/batch-id';
import { useBatch } from '../../digitize/batch-store';
import { useObservable } from '../../hooks';
import { recordSyncState } from '../../sync/outbox';
import { useWorkspace } from '../../workspace-context';
import { ErrorAlert } from '../shell/ErrorAlert';
import { SyncBadge } from '../sync/SyncBadge';
import { ScanPanel } from '../scan/ScanPanel';

const mb = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** Files attached to each component of the dossier, with their sync state, and a way to add more. */
export function Attachments({ dossier }: { dossier: DossierDoc }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const files = useObservable(() => ws.db.files.find({ selector: { dossierId: dossier.id }, sort: [{ dossierId: 'asc' }, { componentId: 'asc' }] }).$, [], [ws, dossier.id]);
  const rows = useObservable(() => ws.db.outbox.find({ selector: { dossierId: dossier.id } }).$, [], [ws, dossier.id]);
  const [messages, setMessages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // Which component the scan panel (số hoá) was opened for; null: closed.
  const [scanFor, setScanFor] = useState<string | null>(null);
  const waiting = useBatch(batchIdForDossier(dossier.id)).batch?.pages.length ?? 0;
  const components = [...dossier.components.map((c) => ({ id: c.id, name: c.name })), { id: '', name: t('attachments.other') }];

  async function add(componentId: string, list: FileList | null) {
    if (!list || list.length === 0) return;
    setBusy(true);
    try {
      const outcome = await attachFiles(ws, dossier, componentId, [...list]);
      setMessages(outcome.refused.map((r) => t(`attachments.problems.${r.problem}`, { name: r.name, max: mb(ATTACH_MAX_BYTES) })));
    } catch (error) {
      setMessages([t('attachments.failed', { message: (error as Error).message })]);
    } finally {
      setBusy(false);
    }
  }

  const stateOf = (f: FileMetaDoc) => recordSyncState(rows.filter((r) => r.docId === f.id));

  return (
    <section aria-labelledby="attachments-title" data-testid="attachments">
      <h2 id="attachments-title">{t('attachments.title')}</h2>
      {messages.map((m) => (
        <ErrorAlert key={m} message={m} />
      ))}
      <table className="list">
        <tbody>
          {components.map((c) => {
            const mine = files.filter((f) => f.componentId === c.id);
            return (
              <tr key={c.id || 'other'} data-component-id={c.id}>
                <td>{c.name}</td>
                <td>
                  {mine.map((f) => (
                    <div key={f.id} data-file-id={f.id}>
                      {f.name} ({mb(f.size)} MB) <SyncBadge state={stateOf(f)} />
                    </div>
                  ))}
                </td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="secondary" aria-label={t('scan.openFor', { component: c.name })} onClick={() => setScanFor(c.id)}>
                      {t('scan.open')}
                    </button>
                    <label className="file-button">
                      {t('attachments.add')}
                      <input
                        type="file"
                        multiple
                        disabled={busy}
                        accept={ACCEPTED_MIME.join(',')}
                        aria-label={t('attachments.addTo', { component: c.name })}
                        onChange={(e) => {
                          void add(c.id, e.target.files);
                          e.target.value = '';
                        }}
                      />
                    </label>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {scanFor === null && waiting > 0 && (
        <p className="actions" role="status">
          {t('scan.waiting', { count: waiting })}
          <button type="button" className="secondary" onClick={() => setScanFor(dossier.components[0]?.id ?? '')}>
            {t('scan.showBatch')}
          </button>
        </p>
      )}
      {scanFor !== null && <ScanPanel key={scanFor} dossier={dossier} componentId={scanFor} onClose={() => setScanFor(null)} />}
    </section>
  );
}
