import { useTranslation } from 'react-i18next';
import type { WatchFolderStatus } from '../../../src-shared/contract/desktop';
import { vnDateTimeText } from '../../format';

/** Watching or not, the watcher's problem, and what it imported. */
export function WatchFolderStatusLine({ status }: { status: WatchFolderStatus }) {
  const { t } = useTranslation();
  return (
    <p className="watch-status" data-testid="watch-folder-status" data-watching={status.watching}>
      <span className={status.watching ? 'pill ok' : 'pill warn'}>{status.watching ? t('scan.watch.watching') : t('scan.watch.notWatching')}</span>{' '}
      {status.problem && (
        <span className="error" role="alert">
          {t('scan.watch.problem', { problem: status.problem })}{' '}
        </span>
      )}
      <span className="muted">
        {t('scan.watch.imported', { count: status.imported })}
        {status.lastImportAt !== null && ` · ${t('scan.watch.lastImport', { time: vnDateTimeText(status.lastImportAt) })}`}
      </span>
    </p>
  );
}
