/**
 * The signed-in workspace: the centre's database, the catalog seed, replication and the status bar
 * feeds. Started after sign-in, stopped on sign-out. Nothing here waits for the network.
 */
import { combineLatest } from 'rxjs';
import type { SessionUser } from '../src-shared/contract/portal-api';
import { desktop } from './bridge';
import { databaseName, openDatabase, type MotcuaDatabase } from './db/database';
import { seedCatalog } from './db/catalog';
import { monitorConnectivity } from './sync/connectivity';
import type { PortalClient } from './sync/portal-client';
import { startReplication, type ReplicationController } from './sync/replication';
import { useSyncStatus } from './store/sync-status';

export interface Workspace {
  db: MotcuaDatabase;
  user: SessionUser;
  workstationId: string;
  replication: ReplicationController;
  stop(): Promise<void>;
}

/**
 * A sync cycle succeeded when every collection went idle with no error since it last became active:
 * that moment is "last synced", even when there was nothing to send or receive.
 */
function watchSyncCycles(replication: ReplicationController) {
  const status = useSyncStatus.getState();
  const states = [...replication.states.values()];
  const failed = new Set<unknown>();
  let ranSinceLastSuccess = false;
  return [
    ...states.map((s) =>
      s.error$.subscribe((error) => {
        failed.add(s);
        status.patch({ lastError: error.message });
      }),
    ),
    combineLatest(states.map((s) => s.active$)).subscribe((flags) => {
      const active = flags.some(Boolean);
      states.forEach((s, i) => flags[i] && failed.delete(s)); // a retry clears that collection's failure
      ranSinceLastSuccess ||= active;
      status.patch({ active });
      if (!active && ranSinceLastSuccess && failed.size === 0) {
        ranSinceLastSuccess = false;
        status.patch({ lastSyncAt: Date.now(), lastError: null });
      }
    }),
  ];
}

export async function startWorkspace(user: SessionUser, client: PortalClient): Promise<Workspace> {
  const [db, settings, catalog] = await Promise.all([
    openDatabase(databaseName(user.agencyId)),
    desktop().invoke('settings.get', {}),
    desktop().invoke('catalog.seed', {}),
  ]);
  await seedCatalog(db, catalog);

  const status = useSyncStatus.getState();
  const replication = startReplication(db, client, user.agencyId);
  const subscriptions = [
    db.outbox.count({ selector: { state: 'pending' } }).$.subscribe((pending) => status.patch({ pending })),
    db.outbox.count({ selector: { state: 'rejected' } }).$.subscribe((rejected) => status.patch({ rejected })),
    ...watchSyncCycles(replication),
  ];
  const stopMonitor = monitorConnectivity(
    () => client.health(),
    (online) => {
      status.patch({ online });
      if (online) replication.resync();
    },
  );

  return {
    db,
    user,
    workstationId: settings.workstationId,
    replication,
    async stop() {
      stopMonitor();
      subscriptions.forEach((s) => s.unsubscribe());
      await replication.stop();
      await db.close();
    },
  };
}
