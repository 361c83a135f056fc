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
    combineLatest([...replication.states.values()].map((s) => s.active$)).subscribe((flags) => status.patch({ active: flags.some(Boolean) })),
    ...[...replication.states.values()].flatMap((s) => [
      s.sent$.subscribe(() => status.patch({ lastSyncAt: Date.now(), lastError: null })),
      s.received$.subscribe(() => status.patch({ lastSyncAt: Date.now(), lastError: null })),
      s.error$.subscribe((error) => status.patch({ lastError: error.message })),
    ]),
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
