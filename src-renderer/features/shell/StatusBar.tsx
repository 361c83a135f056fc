import { useTranslation } from 'react-i18next';
import { vnClock } from '../../../src-shared/domain/vn-time';
import { useSyncStatus } from '../../store/sync-status';

/** Always visible: is the portal reachable, how much is waiting, when did sync last succeed. */
export function StatusBar() {
  const { t } = useTranslation();
  const { online, pending, rejected, active, lastSyncAt, lastError } = useSyncStatus();
  return (
    <div className="status-bar" role="status" aria-live="polite">
      <span data-testid="connectivity" data-online={online === true ? 'true' : 'false'} className={online ? 'pill ok' : 'pill warn'}>
        {online ? t('status.online') : t('status.offline')}
      </span>
      <span data-testid="pending-count" data-count={pending} className={pending > 0 ? 'pill warn' : 'pill ok'}>
        {pending > 0 ? t('status.pending', { count: pending }) : t('status.allSynced')}
      </span>
      {rejected > 0 && <span className="pill error">{t('syncState.rejected')}: {rejected}</span>}
      {online && active && <span className="muted">{t('status.syncing')}</span>}
      <span className="muted">{lastSyncAt ? t('status.lastSync', { time: vnClock(lastSyncAt) }) : t('status.never')}</span>
      {online && lastError && <span className="muted" title={lastError}>{t('status.syncError')}</span>}
    </div>
  );
}
