import { useTranslation } from 'react-i18next';
import type { RecordSyncState } from '../../sync/outbox';

/** A record's sync state as a small label; `data-state` lets tests and styles read it. */
export function SyncBadge({ state }: { state: RecordSyncState }) {
  const { t } = useTranslation();
  return (
    <span data-testid="sync-state" data-state={state} className={`pill sync-${state}`}>
      {t(`syncState.${state}`)}
    </span>
  );
}
