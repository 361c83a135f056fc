/** What the Node side sends to the sync bench page and what it gets back (plain JSON through page.evaluate). */
import type { DossierDoc, DossierEventDoc } from '../../../src-shared/contract/documents';

export interface PortalLogin {
  portalUrl: string;
  username: string;
  password: string;
  agencyId: string;
}

export interface PullParams extends PortalLogin {
  /** Dossiers the portal holds for the agency; the figure ends when the local count reaches it. */
  expected: number;
  /** Pull batch size of the baseline (the app's replication uses 200). */
  batchSize: number;
  /** Also time bulkInsert of the pulled dossiers into fresh databases and z-schema alone (where the time goes). */
  profile: boolean;
}

export interface PullResult {
  /** HTTP pull of every dossier in batches, parsed, not stored (the baseline). */
  baseline: { ms: number; docs: number; requests: number; window: [number, number] };
  /** startReplication on an empty openDatabase() until the local dossier count reaches `expected`. */
  replication: {
    ms: number;
    docs: number;
    /** From start until RxDB's awaitInitialReplication() of the dossiers resolved. */
    initialMs: number;
    /** From start until the first dossier was written locally. */
    firstDocMs: number;
    /** [ms since start, local dossiers] about every second. */
    progress: [number, number][];
    errors: string[];
    /** Date.now() at start and end (to pick the heap samples of this phase). */
    window: [number, number];
  };
  profile: PullProfile | null;
}

/** The pulled dossiers written in batches of `batchSize` with bulkInsert, three ways, and validation alone. */
export interface PullProfile {
  docs: number;
  batchSize: number;
  /** openDatabase(): RxDB + z-schema + Dexie, as the replication writes. */
  appMs: number;
  /** RxDB + Dexie with the same schema, no validation wrapper. */
  plainMs: number;
  /** z-schema's validator (RxDB's plugin) on each document, nothing written. */
  validateMs: number;
}

export interface PushParams extends PortalLogin {
  dossiers: DossierDoc[];
  events: DossierEventDoc[];
}

export interface PushResult {
  /** writeDossierChange() of every dossier with its event while the replication is not running. */
  offlineWriteMs: number;
  /** Outbox rows waiting before the replication starts. */
  outboxBefore: number;
  /** From startReplication until every dossier's outbox row was removed (the portal accepted it). */
  dossiersMs: number;
  /** … until the whole outbox (dossiers and events) was empty. */
  allMs: number;
  rejected: number;
  errors: string[];
  /** Date.now() at startReplication and when the outbox was empty. */
  window: [number, number];
}

declare global {
  interface Window {
    syncBench: {
      pull(params: PullParams): Promise<PullResult>;
      push(params: PushParams): Promise<PushResult>;
    };
    /** Exposed by the runner with BENCH_SYNC_CPU_PROFILE=1: `start:<name>` / `stop:<name>` of a CPU profile. */
    benchMark?: (what: string) => Promise<void>;
  }
}
