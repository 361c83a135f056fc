import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOX_BATCH_ID } from '../../../src-shared/contract/digitize';
import { removePages } from '../../digitize/batch-actions';

/** Deletes selected inbox pages after the clerk confirms (a wrong scan, a blank sheet). */
export function InboxRemove({ pageIds, run, onRemoved }: { pageIds: string[]; run: (work: () => Promise<unknown>) => Promise<void>; onRemoved: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="danger" disabled={pageIds.length === 0} onClick={() => setConfirming(true)}>
        {t('scan.inbox.remove')}
      </button>
    );
  }
  return (
    <span className="page-actions" role="group">
      {t('scan.inbox.confirmRemove', { count: pageIds.length })}
      <button
        type="button"
        className="danger"
        onClick={() =>
          void run(async () => {
            await removePages(INBOX_BATCH_ID, pageIds);
            setConfirming(false);
            onRemoved();
          })
        }
      >
        {t('scan.list.confirmYes')}
      </button>
      <button type="button" className="secondary" autoFocus onClick={() => setConfirming(false)}>
        {t('scan.list.keep')}
      </button>
    </span>
  );
}
