import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from './store/session';
import { createPortalClient, type TokenStore } from './sync/portal-client';
import { WorkspaceContext } from './workspace-context';
import { useActiveWorkspace } from './auth/workspace';
import { LoginPage } from './features/login/LoginPage';
import { LockScreen } from './features/lock/LockScreen';
import { restoreFocus, useInactivityLock } from './features/lock/inactivity';
import { AppShell } from './features/shell/AppShell';
import { ErrorAlert } from './features/shell/ErrorAlert';

/**
 * The portal's tokens live in the session of the user they were issued to. A refused refresh never
 * signs anyone out: the session stays open and asks for an online sign-in to sync again.
 */
const sessionTokens: TokenStore = {
  get: () => useSession.getState().tokens,
  set: (tokens) => useSession.getState().setTokens(tokens),
  expired: () => useSession.getState().expired(),
};

/**
 * Nobody active: the sign-in page. Someone active: their workspace, opened without waiting for the
 * network; while locked it stays mounted (unsaved forms kept, sync running) but inert and unpainted
 * under the lock screen, which also hosts the sign-in of another user (switch user).
 */
export function App({ portalUrl }: { portalUrl: string }) {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const locked = useSession((s) => s.locked);
  const switching = useSession((s) => s.switching);
  const client = useMemo(() => createPortalClient(portalUrl, sessionTokens), [portalUrl]);
  const { workspace, error } = useActiveWorkspace(user, client);
  useInactivityLock(Boolean(user) && !locked);
  useEffect(() => {
    if (!locked) restoreFocus();
  }, [locked]);

  if (!user) return <LoginPage client={client} />;
  return (
    <>
      <div className={locked ? 'app-root app-root-locked' : 'app-root'} inert={locked} data-testid="app-root">
        {error ? (
          <ErrorAlert message={t('common.error', { message: error })} />
        ) : !workspace ? (
          <p>{t('common.loading')}</p>
        ) : (
          <WorkspaceContext.Provider value={workspace}>
            <AppShell onLogout={() => useSession.getState().signOut()} />
          </WorkspaceContext.Provider>
        )}
      </div>
      {locked && (
        <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby={switching ? 'login-title' : 'lock-title'}>
          {switching ? (
            <LoginPage client={client} mode="switch" onCancel={() => useSession.getState().cancelSwitch()} />
          ) : (
            <LockScreen client={client} />
          )}
        </div>
      )}
    </>
  );
}
