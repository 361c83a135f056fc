import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signIn } from '../../auth/sign-in';
import { otherSessions, useSession } from '../../store/session';
import type { PortalClient } from '../../sync/portal-client';
import { ErrorAlert } from '../shell/ErrorAlert';
import { PasswordField } from './PasswordField';
import { usePasswordAttempt } from './use-password-attempt';

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
  const { password, setPassword, busy, error, setError, submit } = usePasswordAttempt((typed) => signIn(client, username, typed));
  const passwordField = useRef<HTMLInputElement>(null);

  function pick(name: string) {
    setUsername(name);
    setError(null);
    passwordField.current?.focus();
  }

  const form = (
    <form onSubmit={submit} noValidate className="card" aria-labelledby="login-title">
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
      <PasswordField label={t('login.password')} name="password" inputRef={passwordField} value={password} onChange={setPassword} invalid={Boolean(error)} />
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
