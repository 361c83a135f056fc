/**
 * The workspace follows the active user: opened for them, stopped and reopened for the next when
 * the active user (or their role or centre) changes. Starts and stops run one after another, so a
 * quick switch back never opens a database while the previous close is still under way. Locking
 * changes nothing here: replication and uploads go on under the lock screen.
 */
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../src-shared/contract/portal-api';
import { startWorkspace, type Workspace } from '../runtime';
import { useSession } from '../store/session';
import type { PortalClient } from '../sync/portal-client';
import { exposeWorkspaceToTests } from '../test-hooks';

let lifecycle: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = lifecycle.then(task, task);
  lifecycle = run.catch(() => undefined);
  return run;
}

export interface ActiveWorkspace {
  workspace: Workspace | null;
  error: string | null;
}

/** `user` must keep its identity while nothing about the user changes (the session store does). */
export function useActiveWorkspace(user: SessionUser | null, client: PortalClient): ActiveWorkspace {
  const [state, setState] = useState<ActiveWorkspace & { user: SessionUser | null }>({ workspace: null, error: null, user: null });

  useEffect(() => {
    if (!user) return;
    let cancelled = false;
    const opening = serial(() => (cancelled ? Promise.resolve(null) : startWorkspace(user, client)));
    opening.then(
      (ws) => {
        if (!ws || cancelled) return;
        setState({ workspace: ws, error: null, user });
        exposeWorkspaceToTests(ws);
      },
      (e: Error) => {
        if (!cancelled) setState({ workspace: null, error: e.message, user });
      },
    );
    // Tokens came back for this session (an online sign-in after an offline one): sync at once
    // instead of waiting out the backoff. Uploads reconnect by themselves (file-uploads.ts).
    const unsubscribe = useSession.subscribe((now, before) => {
      if (now.tokens && !before.tokens && now.active === user.username && now.active === before.active) {
        void opening.then((ws) => {
          if (!ws || cancelled) return;
          ws.replication.resync();
          void ws.refreshReferenceData();
        });
      }
    });
    return () => {
      cancelled = true;
      unsubscribe();
      setState({ workspace: null, error: null, user: null });
      exposeWorkspaceToTests(null);
      void serial(async () => {
        const ws = await opening.catch(() => null);
        await ws?.stop();
      });
    };
  }, [user, client]);

  // A workspace of a previous user is never shown, even for the one render before the cleanup.
  return state.user === user ? { workspace: state.workspace, error: state.error } : { workspace: null, error: null };
}
