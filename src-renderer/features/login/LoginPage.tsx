import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authFailureMessage } from '../../auth/messages';
import { signIn } from '../../auth/sign-in';
import { otherSessions, useSession } from '../../store/session';
import type { PortalClient } from '../../sync/portal-client';
import { ErrorAlert } from '../shell/ErrorAlert';

/**
 * Sign-in: online when the portal answers, offline (checked on this computer) for a user who has
 * signed in online here before. `switch`: shown on the lock screen for another user while the
 * current session stays open underneath; `onCancel` goes back to the lock screen.
 */
export function LoginPage({ client, mode = 'start', onCancel }: { client: PortalClient; mode?: 'start' | 'switch'; onCancel?: () => void }) {
  const { t } = useTranslation();
  const sessions = useSession((s) => s.sessions);
  const active = useSession((s) => s.active);
  const current = useSession((s) => s.user);
  const open = useMemo(() => otherSessions({ sessions, active }), [sessions, active]);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const passwordField = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await signIn(client, username, password);
    // Success: the session store changed and this page goes away.
    if (!result.ok) {
      setError(authFailureMessage(t, result));
      setPassword('');
      setBusy(false);
    }
  }

  function pick(name: string) {
    setUsername(name);
    setError(null);
    passwordField.current?.focus();
  }

  const form = (
    <form onSubmit={(e) => void submit(e)} noValidate className="card" aria-labelledby="login-title">
      <h1 id="login-title">{t('app.title')}</h1>
      <p className="muted">{t('app.subtitle')}</p>
      <h2>{mode === 'switch' ? t('auth.switch.title') : t('login.title')}</h2>
      {mode === 'switch' && current && <p className="muted">{t('auth.switch.explain', { name: current.displayName || current.username })}</p>}
      {open.length > 0 && (
        <section aria-labelledby="open-sessions-title" data-testid="open-sessions">
          <h3 id="open-sessions-title">{t('auth.sessions.title')}</h3>
          <p className="muted">{t('auth.sessions.hint')}</p>
          <ul className="open-sessions">
            {open.map((s) => (
              <li key={s.user.username}>
                <button type="button" className="secondary" onClick={() => pick(s.user.username)}>
                  {t('auth.sessions.pick', { name: s.user.displayName || s.user.username, role: t(`auth.roles.${s.user.role}`) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <label>
        {t('login.username')}
        <input name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        {t('login.password')}
        <input
          ref={passwordField}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
      </label>
      <ErrorAlert message={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('auth.switch.back')}
          </button>
        )}
      </div>
    </form>
  );
  return mode === 'switch' ? form : <main className="login">{form}</main>;
}
