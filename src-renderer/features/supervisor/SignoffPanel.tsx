import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { merge } from 'rxjs';
import { formatViDate } from '../../../src-shared/domain/civil-date';
import { vnDateTimeText } from '../../format';
import { useObservable, useVnToday } from '../../hooks';
import { daySeal, signDay, type DaySeal } from '../../supervisor/signoff';
import { useWorkspace } from '../../workspace-context';
import { useNavigation } from '../../store/navigation';
import { ErrorAlert } from '../shell/ErrorAlert';

/** The day's seal: who signed it and when, what changed since, and the button to sign (again). */
export function SignoffPanel({ day }: { day: string }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const open = useNavigation((s) => s.open);
  const today = useVnToday();
  const [seal, setSeal] = useState<DaySeal | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changes = useObservable(() => merge(ws.db.dossiers.$, ws.db.signoffs.$, ws.db.outbox.$), null, [ws]);

  useEffect(() => {
    let current = true;
    void daySeal(ws.db, day).then((s) => {
      if (current) setSeal(s);
    });
    return () => {
      current = false;
    };
  }, [ws, day, changes]);

  async function sign() {
    setBusy(true);
    setError(null);
    try {
      await signDay(ws.db, day, { username: ws.user.username, displayName: ws.user.displayName || ws.user.username, agencyId: ws.user.agencyId, workstationId: ws.workstationId }, note);
      setNote('');
    } catch (e) {
      setError(t('supervisor.signoff.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  if (!seal) return null;
  const { signoff, amendments, history } = seal;
  const future = day > today;
  return (
    <section className="signoff" data-testid="signoff" data-signed={signoff ? 'yes' : 'no'} data-amendments={amendments.length}>
      <h2>{t('supervisor.signoff.title', { day: formatViDate(day) })}</h2>
      <p className="muted">{t('supervisor.signoff.entries', { count: seal.entries })}</p>
      {signoff ? (
        <p role="status" data-testid="signoff-status">
          {t('supervisor.signoff.signed', { name: signoff.signerName, time: vnDateTimeText(signoff.signedAt), seal: signoff.seal.slice(0, 16) })}
          {seal.notSynced.has(signoff.id) && <span className="pill sync-pending"> {t('supervisor.signoff.notSyncedYet')}</span>}
        </p>
      ) : (
        <p data-testid="signoff-status">{t('supervisor.signoff.notSigned')}</p>
      )}
      {signoff && (amendments.length === 0 ? (
        <p className="muted">{t('supervisor.signoff.noAmendments')}</p>
      ) : (
        <div className="amendments" data-testid="amendments">
          <h3>{t('supervisor.signoff.amendments', { count: amendments.length })}</h3>
          <ul>
            {amendments.map((a) => (
              <li key={a.dossierId}>
                <span className={`pill ${a.kind === 'changed' ? 'warn' : 'error'}`}>{t(`supervisor.signoff.amendment.${a.kind}`)}</span>{' '}
                <button type="button" className="link" onClick={() => open(a.dossierId)}>{seal.codes.get(a.dossierId) || a.dossierId.slice(0, 8)}</button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {ws.user.role === 'supervisor' && (!signoff || amendments.length > 0) && (
        <div className="row">
          <label>
            {t('supervisor.signoff.note')}
            <input name="signoff-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" onClick={() => void sign()} disabled={busy || future} data-testid="sign-day">
            {busy ? t('supervisor.signoff.signing') : signoff ? t('supervisor.signoff.signAgain') : t('supervisor.signoff.sign')}
          </button>
        </div>
      )}
      {future && <p className="muted">{t('supervisor.signoff.futureDay')}</p>}
      <ErrorAlert message={error} />
      {history.length > 1 && (
        <details>
          <summary>{t('supervisor.signoff.history')}</summary>
          <ul>
            {history.map((h) => (
              <li key={h.id}>{vnDateTimeText(h.signedAt)} · {h.signerName} · {h.seal.slice(0, 16)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
