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
import { startFileUploads } from './sync/file-uploads';
import { useSyncStatus } from './store/sync-status';
import type { WorkingCalendar } from '../src-shared/domain/calendar/working-calendar';
import { loadWorkingCalendar } from './dossiers/calendar';
import { keepStatusCounts, type StatusCountKeeper } from './dossiers/status-counts';
import { pullCalendarTables, pullCatalog, refreshCodeBlocks } from './sync/reference-data';
import { ensureHolder } from './dossiers/issuer-store';
import { startFactsStore, type FactsStore } from './supervisor/facts-store';
import { canSupervise } from './supervisor/roles';

export interface Workspace {
  db: MotcuaDatabase;
  user: SessionUser;
  workstationId: string;
  /** This installation's holder id for dossier-number blocks (docs/dossier-codes.md); the enrolled id once enrolled. */
  readonly holder: string;
  /** After enrollment: number from the blocks the portal gave the enrolled workstation. */
  setHolder(holder: string): void;
  /** Working-day calendar for appointments; reloaded when the portal sends new tables. */
  calendar: WorkingCalendar;
  statusCounts: StatusCountKeeper;
  /** The centre's indicator facts: kept for supervisors (and admins) only, null for other roles. */
  facts: FactsStore | null;
  replication: ReplicationController;
  client: PortalClient;
  /** Fetches catalog, calendar and number blocks now (no-op failures while offline). */
  refreshReferenceData(): Promise<void>;
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
  const settings = await desktop().invoke('settings.get', {});
  const [db, catalog, bundled] = await Promise.all([
    openDatabase(databaseName(user.agencyId), { workstationId: settings.workstationId }),
    desktop().invoke('catalog.seed', {}),
    desktop().invoke('calendar.tables', {}),
  ]);
  await seedCatalog(db, catalog);
  const workspace = { calendar: await loadWorkingCalendar(db, bundled.tables), holder: await ensureHolder(db, settings.workstationId) };

  const status = useSyncStatus.getState();
  const replication = startReplication(db, client, user.agencyId);
  const uploads = startFileUploads(db, client);
  const subscriptions = [
    // Everything not yet at the portal and not set aside: pending, uploading and failed attempts.
    combineLatest((['pending', 'uploading', 'error'] as const).map((state) => db.outbox.count({ selector: { state } }).$)).subscribe((counts) =>
      status.patch({ pending: counts.reduce((a, b) => a + b, 0) }),
    ),
    db.outbox.count({ selector: { state: 'rejected' } }).$.subscribe((rejected) => status.patch({ rejected })),
    ...watchSyncCycles(replication),
  ];
  const stopMonitor = monitorConnectivity(
    () => client.health(),
    (online) => {
      status.patch({ online });
      if (online) {
        replication.resync();
        uploads.kick();
        void refreshReferenceData();
      }
    },
  );

  /** Catalog, calendar tables and dossier-number blocks from the portal; failures wait for the next try. */
  async function refreshReferenceData(): Promise<void> {
    const steps = [
      () => refreshCodeBlocks(db, client, user.agencyId, workspace.holder),
      () => pullCatalog(db, client),
      async () => {
        await pullCalendarTables(db, client);
        workspace.calendar = await loadWorkingCalendar(db, bundled.tables);
      },
    ];
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        status.patch({ lastError: (error as Error).message });
      }
    }
  }

  const statusCounts = keepStatusCounts(db);
  const facts = canSupervise(user.role) ? startFactsStore(db, { snapshotKey: databaseName(user.agencyId), calendar: () => workspace.calendar }) : null;
  return {
    db,
    user,
    workstationId: settings.workstationId,
    get holder() {
      return workspace.holder;
    },
    setHolder(holder: string) {
      workspace.holder = holder;
    },
    get calendar() {
      return workspace.calendar;
    },
    statusCounts,
    facts,
    replication,
    client,
    refreshReferenceData,
    async stop() {
      statusCounts.stop();
      await facts?.stop();
      stopMonitor();
      subscriptions.forEach((s) => s.unsubscribe());
      await replication.stop();
      await uploads.stop();
      await db.close();
    },
  };
}
