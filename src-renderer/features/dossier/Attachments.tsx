import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDoc, FileMetaDoc } from '../../../src-shared/contract/documents';
import { ACCEPTED_MIME } from '../../files/file-kind';
import { attachFiles, ATTACH_MAX_BYTES } from '../../files/attach';
import { useObservable } from '../../hooks';
import { recordSyncState } from '../../sync/outbox';
import { useWorkspace } from '../../workspace-context';
import { ErrorAlert } from '../shell/ErrorAlert';
import { SyncBadge } from '../sync/SyncBadge';

const mb = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** Files attached to each component of the dossier, with their sync state, and a way to add more. */
export function Attachments({ dossier }: { dossier: DossierDoc }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const files = useObservable(() => ws.db.files.find({ selector: { dossierId: dossier.id }, sort: [{ dossierId: 'asc' }, { componentId: 'asc' }] }).$, [], [ws, dossier.id]);
  const rows = useObservable(() => ws.db.outbox.find({ selector: { dossierId: dossier.id } }).$, [], [ws, dossier.id]);
  const [messages, setMessages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
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
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
