import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PortalError, PortalUnreachableError, type PortalClient } from '../../sync/portal-client';

export function LoginPage({ client }: { client: PortalClient }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await client.login(username.trim(), password); // success updates the session store
    } catch (e) {
      if (e instanceof PortalUnreachableError) setError(t('login.portalDown'));
      else if (e instanceof PortalError && (e.status === 401 || e.status === 400)) setError(t('login.invalid'));
      else setError(t('login.failed', { message: (e as Error).message }));
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form onSubmit={submit} className="card" aria-labelledby="login-title">
        <h1 id="login-title">{t('app.title')}</h1>
        <p className="muted">{t('app.subtitle')}</p>
        <h2>{t('login.title')}</h2>
        <label>
          {t('login.username')}
          <input name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? t('login.submitting') : t('login.submit')}</button>
      </form>
    </main>
  );
}
