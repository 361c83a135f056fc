import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { takeFromInbox } from '../../digitize/batch-actions';
import { batchIdForDossier } from '../../digitize/batch-id';
import { searchDossiers } from '../../dossiers/search';
import { useWorkspace } from '../../workspace-context';
import { ErrorAlert } from '../shell/ErrorAlert';
import { ComponentSelect } from './ComponentSelect';

/**
 * Sends the inbox pages the clerk selected to a dossier found by its code (mã hồ sơ), for one of
 * its components; the caller offers to open the dossier to check and save them.
 */
export function SendToDossier({ pageIds, onSent }: { pageIds: string[]; onSent: (dossier: DossierDoc, count: number) => void }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<DossierDoc[] | null>(null);
  const [chosenId, setChosenId] = useState('');
  const [componentId, setComponentId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = found?.find((d) => d.id === chosenId) ?? null;

  async function find(event: FormEvent) {
    event.preventDefault();
    setError(null);
    let results: DossierDoc[];
    try {
      results = (await searchDossiers(ws.db, code)).results;
    } catch (e) {
      setError(t('scan.failed', { message: (e as Error).message }));
      return;
    }
    // Codes only: a name search would offer strangers' dossiers for a typo.
    const byCode = results.filter((d) => d.code !== '' && d.code.startsWith(code.trim().toUpperCase()));
    setFound(byCode);
    setChosenId(byCode[0]?.id ?? '');
    setComponentId(byCode[0]?.components[0]?.id ?? '');
  }

  async function send() {
    if (!chosen) return;
    if (pageIds.length === 0) {
      setError(t('scan.send.chooseFirst'));
      return;
    }
    try {
      await takeFromInbox(batchIdForDossier(chosen.id), pageIds, componentId);
      onSent(chosen, pageIds.length);
    } catch (e) {
      setError(t('scan.failed', { message: (e as Error).message }));
    }
  }

  return (
    <section aria-labelledby="send-title" data-testid="send-to-dossier">
      <h3 id="send-title">{t('scan.send.title')}</h3>
      <form className="row" onSubmit={(e) => void find(e)}>
        <label>
          {t('scan.send.code')}
          <input name="dossierCode" value={code} autoComplete="off" spellCheck={false} onChange={(e) => setCode(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" className="secondary" disabled={code.trim() === ''}>
            {t('scan.send.find')}
          </button>
        </div>
      </form>
      {found && found.length === 0 && <p className="muted">{t('scan.send.notFound')}</p>}
      {chosen && found && (
        <div className="row">
          <label>
            {t('scan.send.dossier')}
            <select value={chosenId} onChange={(e) => {
              const next = found.find((d) => d.id === e.target.value);
              setChosenId(e.target.value);
              setComponentId(next?.components[0]?.id ?? '');
            }}>
              {found.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.code} · {d.applicant.name}
                </option>
              ))}
            </select>
          </label>
          <ComponentSelect label={t('scan.send.component')} value={componentId} onChange={setComponentId} components={[...chosen.components, { id: '', name: t('scan.other') }]} />
          <div className="actions">
            <button type="button" onClick={() => void send()}>
              {t('scan.send.submit')}
            </button>
          </div>
        </div>
      )}
      <ErrorAlert message={error} />
    </section>
  );
}
