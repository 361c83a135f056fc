import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authFailureMessage } from '../../auth/messages';
import { unlock } from '../../auth/sign-in';
import { useSession } from '../../store/session';
import type { PortalClient } from '../../sync/portal-client';
import './lock.css';
import { ErrorAlert } from '../shell/ErrorAlert';

/**
 * Covers the whole app while locked (the app itself is inert and unpainted underneath): who is
 * signed in, and a password field. The password is checked on this computer, so unlocking works
 * offline and never waits for the network.
 */
export function LockScreen({ client }: { client: PortalClient }) {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  const name = user.displayName || user.username;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await unlock(client, password);
    if (!result.ok) {
      setError(authFailureMessage(t, result));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="lock-title" data-testid="lock-screen">
      <h1 id="lock-title">{t('auth.lock.title')}</h1>
      <p data-testid="locked-user">{t('auth.lock.who', { name, role: t(`auth.roles.${user.role}`) })}</p>
      <p className="muted">{t('auth.lock.explain')}</p>
      <label>
        {t('auth.lock.password')}
        <input
          name="unlock-password"
          type="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
      </label>
      <ErrorAlert message={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('auth.lock.unlocking') : t('auth.lock.unlock')}
        </button>
        <button type="button" className="secondary" onClick={() => useSession.getState().beginSwitch()}>
          {t('auth.switchUser')}
        </button>
      </div>
    </form>
  );
}
