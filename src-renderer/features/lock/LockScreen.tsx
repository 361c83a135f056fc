import { useTranslation } from 'react-i18next';
import { unlock } from '../../auth/sign-in';
import { useSession } from '../../store/session';
import type { PortalClient } from '../../sync/portal-client';
import './lock.css';
import { PasswordField } from '../login/PasswordField';
import { usePasswordAttempt } from '../login/use-password-attempt';
import { ErrorAlert } from '../shell/ErrorAlert';

/**
 * Covers the whole app while locked (the app itself is inert and unpainted underneath): who is
 * signed in, and a password field. The password is checked on this computer, so unlocking works
 * offline and never waits for the network.
 */
export function LockScreen({ client }: { client: PortalClient }) {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const { password, setPassword, busy, error, submit } = usePasswordAttempt((typed) => unlock(client, typed));
  if (!user) return null;
  const name = user.displayName || user.username;

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="lock-title" data-testid="lock-screen">
      <h1 id="lock-title">{t('auth.lock.title')}</h1>
      <p data-testid="locked-user">{t('auth.lock.who', { name, role: t(`auth.roles.${user.role}`) })}</p>
      <p className="muted">{t('auth.lock.explain')}</p>
      <PasswordField label={t('auth.lock.password')} name="unlock-password" autoFocus value={password} onChange={setPassword} invalid={Boolean(error)} />
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
