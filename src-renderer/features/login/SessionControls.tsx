import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signInToSync } from '../../auth/sign-in';
import { useSession } from '../../store/session';
import type { PortalClient } from '../../sync/portal-client';
import { useWorkspace } from '../../workspace-context';
import { lockScreen, switchUser } from '../lock/inactivity';
import '../lock/lock.css';
import { ErrorAlert } from '../shell/ErrorAlert';
import { PasswordField } from './PasswordField';
import { usePasswordAttempt } from './use-password-attempt';

/**
 * The top bar's session part: who is signed in and as what, lock now, switch user, sign out, and —
 * when this session has no portal tokens (signed in offline, or the portal ended the session) — a
 * small, non-blocking way to sign in online again so sync resumes.
 */
export function SessionControls({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useTranslation();
  const { client } = useWorkspace();
  const user = useSession((s) => s.user);
  const needsOnlineSignIn = useSession((s) => s.needsOnlineSignIn);
  const [open, setOpen] = useState(false);
  if (!user) return null;
  return (
    <div className="session-controls">
      {needsOnlineSignIn && (
        <button
          type="button"
          className="pill warn"
          data-testid="needs-online-sign-in"
          aria-expanded={open}
          title={t('auth.offlineSession')}
          onClick={() => setOpen((o) => !o)}
        >
          {t('auth.sync.needed')}
        </button>
      )}
      {needsOnlineSignIn && open && <OnlineSignIn client={client} onClose={() => setOpen(false)} />}
      <span data-testid="current-user">{user.displayName || user.username}</span>
      <span className="muted" data-testid="current-role" data-role={user.role}>
        {t(`auth.roles.${user.role}`)}
      </span>
      <button type="button" className="link" onClick={lockScreen}>
        {t('auth.lockNow')}
      </button>
      <button type="button" className="link" onClick={switchUser}>
        {t('auth.switchUser')}
      </button>
      <button type="button" className="link" onClick={onSignOut}>
        {t('login.logout')}
      </button>
    </div>
  );
}

function OnlineSignIn({ client, onClose }: { client: PortalClient; onClose: () => void }) {
  const { t } = useTranslation();
  // On success the button disappears with the need, and sync resumes by itself.
  const { password, setPassword, busy, error, submit } = usePasswordAttempt((typed) => signInToSync(client, typed), onClose);

  return (
    <form className="online-sign-in" onSubmit={submit} noValidate data-testid="online-sign-in" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <p className="muted">{t('auth.sync.explain')}</p>
      <PasswordField label={t('auth.sync.password')} name="sync-password" autoFocus value={password} onChange={setPassword} />
      <ErrorAlert message={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('auth.sync.submitting') : t('auth.sync.submit')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
