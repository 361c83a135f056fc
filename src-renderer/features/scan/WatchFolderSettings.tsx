import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setWatchFolder, useWatchFolder } from '../../digitize/watch-folder';
import { ErrorAlert } from '../shell/ErrorAlert';
import './scan.css';
import { WatchFolderStatusLine } from './WatchFolderStatusLine';

/**
 * The folder network scanners drop files into. Typed as a path: the browser host cannot show the
 * machine's folder picker.
 */
export function WatchFolderSettings() {
  const { t } = useTranslation();
  const { status, error: loadError } = useWatchFolder();
  // The clerk's edit; null: show the folder as the watcher has it.
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const value = draft ?? status?.folder ?? '';

  async function apply(folder: string | null) {
    setBusy(true);
    try {
      await setWatchFolder(folder);
      setDraft(null);
      setMessage({ ok: true, text: t('scan.watch.saved') });
    } catch (e) {
      setMessage({ ok: false, text: t('scan.failed', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void apply(value);
  }

  return (
    <form onSubmit={submit} className="watch-folder" data-testid="watch-folder-settings" aria-labelledby="watch-folder-title">
      <h2 id="watch-folder-title">{t('scan.watch.title')}</h2>
      <p className="muted">{t('scan.watch.explain')}</p>
      <ErrorAlert message={loadError && t('scan.failed', { message: loadError })} />
      <label>
        {t('scan.watch.folder')}
        <input
          name="watchFolder"
          value={value}
          maxLength={1000}
          spellCheck={false}
          onChange={(e) => {
            setDraft(e.target.value);
            setMessage(null);
          }}
        />
      </label>
      {status && <WatchFolderStatusLine status={status} />}
      <div className="actions">
        <button type="submit" disabled={busy || value.trim() === ''}>
          {t('scan.watch.save')}
        </button>
        <button type="button" className="secondary" disabled={busy || !status?.folder} onClick={() => void apply(null)}>
          {t('scan.watch.clear')}
        </button>
        {message &&
          (message.ok ? (
            <span className="ok" role="status">
              {message.text}
            </span>
          ) : (
            <ErrorAlert message={message.text} />
          ))}
      </div>
    </form>
  );
}
