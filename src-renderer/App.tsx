import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from './store/session';
import { createPortalClient } from './sync/portal-client';
import { startWorkspace, type Workspace } from './runtime';
import { WorkspaceContext } from './workspace-context';
import { exposeWorkspaceToTests } from './test-hooks';
import { LoginPage } from './features/login/LoginPage';
import { AppShell } from './features/shell/AppShell';

/** Signed out: the login page. Signed in: the centre's workspace, opened without waiting for the network. */
export function App({ portalUrl }: { portalUrl: string }) {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const client = useMemo(
    () =>
      createPortalClient(portalUrl, {
        get: () => useSession.getState().tokens,
        set: (tokens) => useSession.getState().setSession(tokens),
        expired: () => useSession.getState().clear(),
      }),
    [portalUrl],
  );
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!user) return;
    let cancelled = false;
    let opened: Workspace | undefined;
    startWorkspace(user, client).then(
      (ws) => {
        opened = ws;
        if (cancelled) void ws.stop();
        else {
          setWorkspace(ws);
          exposeWorkspaceToTests(ws);
        }
      },
      (e: Error) => setError(e.message),
    );
    return () => {
      cancelled = true;
      setWorkspace(null);
      exposeWorkspaceToTests(null);
      void opened?.stop();
    };
  }, [user, client]);

  if (!user) return <LoginPage client={client} />;
  if (error) return <p role="alert" className="error">{t('common.error', { message: error })}</p>;
  if (!workspace) return <p>{t('common.loading')}</p>;
  return (
    <WorkspaceContext.Provider value={workspace}>
      <AppShell onLogout={() => useSession.getState().clear()} />
    </WorkspaceContext.Provider>
  );
}
