import { useState } from 'react';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { useTranslation } from 'react-i18next';
import { INBOX_BATCH_ID } from '../../../src-shared/contract/digitize';
import { useBatch } from '../../digitize/batch-store';
import { useWatchFolder } from '../../digitize/watch-folder';
import { useNavigation } from '../../store/navigation';
import { ErrorAlert } from '../shell/ErrorAlert';
import { InboxPages } from './InboxPages';
import { InboxRemove } from './InboxRemove';
import './scan.css';
import { SendToDossier } from './SendToDossier';
import { WatchFolderStatusLine } from './WatchFolderStatusLine';

/**
 * The digitisation area: pages the network scanners left in the watched folder, sent to the dossier
 * they belong to. Digitising a given dossier happens on the dossier (Tệp đính kèm → Số hoá).
 */
export function ScanPage() {
  const { t } = useTranslation();
  const { go, open } = useNavigation();
  const { status } = useWatchFolder();
  const { batch, error } = useBatch(INBOX_BATCH_ID);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  // Kept here: the inbox may be empty once they left, and the way to the dossier must stay.
  const [sent, setSent] = useState<{ dossier: DossierDoc; count: number } | null>(null);
  const chosen = batch?.pages.filter((p) => selected.has(p.id)).map((p) => p.id) ?? [];

  const run = async (work: () => Promise<unknown>) => {
    try {
      setFailure(null);
      await work();
    } catch (e) {
      setFailure(t('scan.failed', { message: (e as Error).message }));
    }
  };

  return (
    <section className="scan-page" aria-labelledby="scan-page-title" data-testid="scan-page">
      <h1 id="scan-page-title">{t('scan.title')}</h1>
      <div className="actions">
        {status && <WatchFolderStatusLine status={status} />}
        <button type="button" className="link" onClick={() => go('settings')}>
          {t('scan.watch.settingsLink')}
        </button>
      </div>
      <h2>{t('scan.inbox.title')}</h2>
      <p className="muted">{t('scan.inbox.explain')}</p>
      {error && <ErrorAlert message={t('scan.loadFailed', { message: error })} />}
      <ErrorAlert message={failure} />
      {batch && <InboxPages batch={batch} selected={selected} onChange={setSelected} />}
      {batch && batch.pages.length > 0 && (
        <>
          <div className="actions">
            <InboxRemove pageIds={chosen} run={run} onRemoved={() => setSelected(new Set())} />
          </div>
          <SendToDossier
            pageIds={chosen}
            onSent={(dossier, count) => {
              setSelected(new Set());
              setSent({ dossier, count });
            }}
          />
        </>
      )}
      {sent && (
        <p className="ok actions" role="status">
          {t('scan.inbox.taken', { count: sent.count })}
          <button type="button" className="secondary" onClick={() => open(sent.dossier.id)}>
            {t('scan.send.openDossier', { code: sent.dossier.code })}
          </button>
        </p>
      )}
    </section>
  );
}
