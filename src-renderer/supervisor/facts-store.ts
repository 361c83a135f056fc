/**
 * The centre's dossiers reduced to indicator facts, in memory, for the supervisor's screens.
 * Indicators over 200,000 dossiers cannot be read from IndexedDB per request (a full read takes
 * seconds), so this store follows the three collections' change feeds — RxDB's own
 * `getChangedDocumentsSince`, index-backed by last-write time — and keeps one fact per dossier.
 * The same catch-up serves the first build, a restart (from the saved snapshot's checkpoints) and
 * live changes (debounced after each write or pull). Nothing here touches the network.
 */
import { BehaviorSubject, merge, type Subscription } from 'rxjs';
import { getChangedDocumentsSince, type RxStorageDefaultCheckpoint } from 'rxdb';
import type { DossierDoc, DossierEventDoc, FileMetaDoc } from '../../src-shared/contract/documents';
import type { ReviewFact } from '../../src-shared/domain/review/day-review';
import { recordFromDossier } from '../../src-shared/domain/indicators/from-dossier';
import type { MotcuaDatabase } from '../db/database';
import type { WorkingCalendar } from '../../src-shared/domain/calendar/working-calendar';
import { loadSnapshot, saveSnapshot, type FactsSnapshot } from './facts-snapshot';

/** One dossier's facts: an indicator record plus what the day review needs (no citizen data). */
export type DossierFact = ReviewFact;

export interface FactsProgress {
  /** Documents read since the store started (all three collections). */
  read: number;
  /** True once the first catch-up finished: the numbers are complete. */
  ready: boolean;
  /** Why the last catch-up failed ('' when it did not); the next change tries again. */
  error: string;
}

export interface FactsStore {
  /** Current facts, one per dossier; replaced (not mutated) on every change, so it can be memoised. */
  facts$: BehaviorSubject<readonly DossierFact[]>;
  progress$: BehaviorSubject<FactsProgress>;
  /** Resolves when no catch-up is pending (tests and the bench). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

const BATCH = 2000;
/** Only these events change a fact: supplement waits and reschedules (record.ts). */
const FACT_EVENTS = new Set(['supplemented', 'rescheduled']);
const SAVE_EVERY_MS = 30_000;
const RETRY_MS = 30_000;

type Checkpoint = RxStorageDefaultCheckpoint | undefined;

/**
 * One copy of each repeated string (procedure names, codes of agencies, counters, clerks, days):
 * 200,000 facts built from cloned documents otherwise hold 200,000 copies of each.
 */
function stringPool() {
  const pool = new Map<string, string>();
  return (s: string): string => {
    const known = pool.get(s);
    if (known !== undefined) return known;
    pool.set(s, s);
    return s;
  };
}

function shareStrings(f: DossierFact, intern: (s: string) => string): DossierFact {
  f.agencyId = intern(f.agencyId);
  f.procedureCode = intern(f.procedureCode);
  f.procedureName = intern(f.procedureName);
  f.counter = intern(f.counter);
  f.clerk = intern(f.clerk);
  f.receivedDay = intern(f.receivedDay);
  return f;
}

function factOf(d: DossierDoc, events: readonly DossierEventDoc[], components: ReadonlySet<string>, synced: boolean, calendar: WorkingCalendar): DossierFact {
  return {
    ...recordFromDossier(d, { events, fileComponentIds: components, synced }, calendar),
    appointmentAt: d.appointmentAt,
    transferredAt: d.transferredAt,
    ledgerNumber: d.ledgerNumber,
    receivedDay: d.receivedDay,
  };
}

export function startFactsStore(db: MotcuaDatabase, options: { snapshotKey: string; calendar: () => WorkingCalendar; debounceMs?: number }): FactsStore {
  const debounceMs = options.debounceMs ?? 500;
  const facts = new Map<string, DossierFact>();
  const fileComponents = new Map<string, Set<string>>();
  const factEvents = new Map<string, DossierEventDoc[]>();
  /** Dossiers with a dossier row still in the outbox: not yet at the portal. */
  let unsynced = new Set<string>();
  /**
   * The `unsynced` set every fact's flag agrees with, after the last catch-up that finished; null
   * before the first one and after a failed one (a snapshot's flags may be stale): every fact is
   * checked then, otherwise only the dossiers that entered or left the outbox since.
   */
  let flagsAgreeWith: Set<string> | null = null;
  /** Facts changed since facts$ last emitted (a loaded snapshot counts as a change). */
  let changed = false;
  let checkpoints: { dossiers: Checkpoint; files: Checkpoint; events: Checkpoint } = { dossiers: undefined, files: undefined, events: undefined };
  const facts$ = new BehaviorSubject<readonly DossierFact[]>([]);
  const progress$ = new BehaviorSubject<FactsProgress>({ read: 0, ready: false, error: '' });
  const intern = stringPool();
  let retry: ReturnType<typeof setTimeout> | undefined;
  // A failed catch-up is shown and tried again (the next change, or in 30 s), never swallowed.
  const failed = (error: unknown) => {
    progress$.next({ ...progress$.value, error: error instanceof Error ? error.message : String(error) });
    if (!stopped) retry = setTimeout(() => schedule(), RETRY_MS);
  };
  let stopped = false;
  let dirtySinceSave = 0;
  let lastSave = Date.now();

  const storage = {
    dossiers: db.dossiers.storageInstance,
    files: db.files.storageInstance,
    events: db.dossierEvents.storageInstance,
  };

  async function readChanges<T>(name: keyof typeof checkpoints, onBatch: (docs: T[]) => void): Promise<void> {
    for (;;) {
      if (stopped) return;
      const { documents, checkpoint } = await getChangedDocumentsSince(storage[name] as never, BATCH, checkpoints[name]);
      if (documents.length === 0) return;
      onBatch(documents as T[]);
      checkpoints = { ...checkpoints, [name]: checkpoint };
      dirtySinceSave += documents.length;
      progress$.next({ ...progress$.value, read: progress$.value.read + documents.length });
      if (documents.length < BATCH) return;
    }
  }

  async function unsyncedDossiers(): Promise<Set<string>> {
    const rows = await db.outbox.find({ selector: { target: 'dossiers' } }).exec();
    return new Set(rows.map((r) => r.dossierId));
  }

  /** One catch-up over the three feeds; dossiers touched by a file or event are re-read. */
  async function catchUp(): Promise<void> {
    const touched = new Set<string>();
    await readChanges<FileMetaDoc & { _deleted: boolean }>('files', (docs) => {
      for (const f of docs) {
        if (f._deleted) continue;
        let set = fileComponents.get(f.dossierId);
        if (!set) fileComponents.set(f.dossierId, (set = new Set()));
        set.add(intern(f.componentId));
        touched.add(f.dossierId);
      }
    });
    await readChanges<DossierEventDoc & { _deleted: boolean }>('events', (docs) => {
      for (const e of docs) {
        if (e._deleted || !FACT_EVENTS.has(e.type)) continue;
        const list = factEvents.get(e.dossierId) ?? [];
        if (!list.some((x) => x.id === e.id)) list.push({ id: e.id, dossierId: e.dossierId, agencyId: e.agencyId, type: e.type, at: e.at, by: e.by, from: e.from, to: e.to, reason: '', data: e.data });
        factEvents.set(e.dossierId, list);
        touched.add(e.dossierId);
      }
    });
    const agreed = flagsAgreeWith;
    flagsAgreeWith = null; // until this catch-up has finished
    unsynced = await unsyncedDossiers();
    const apply = (d: DossierDoc & { _deleted?: boolean }) => {
      touched.delete(d.id);
      changed = true;
      if (d._deleted) facts.delete(d.id);
      else facts.set(d.id, shareStrings(factOf(d, factEvents.get(d.id) ?? [], fileComponents.get(d.id) ?? new Set(), !unsynced.has(d.id), options.calendar()), intern));
    };
    await readChanges<DossierDoc & { _deleted: boolean }>('dossiers', (docs) => docs.forEach(apply));
    // Dossiers whose files or events changed but not the dossier itself.
    const rest = [...touched].filter((id) => facts.has(id));
    for (let i = 0; i < rest.length; i += BATCH) {
      const found = await db.dossiers.findByIds(rest.slice(i, i + BATCH)).exec();
      for (const doc of found.values()) apply(doc.toJSON() as DossierDoc);
    }
    // Sync state changes without a dossier write (a push accepted): refresh those facts' flag.
    const refresh = (fact: DossierFact | undefined) => {
      if (!fact) return;
      const synced = !unsynced.has(fact.id);
      if (fact.synced === synced) return;
      facts.set(fact.id, { ...fact, synced });
      changed = true;
    };
    if (agreed === null) for (const fact of facts.values()) refresh(fact);
    else {
      for (const id of agreed) if (!unsynced.has(id)) refresh(facts.get(id));
      for (const id of unsynced) if (!agreed.has(id)) refresh(facts.get(id));
    }
    if (stopped) return;
    flagsAgreeWith = unsynced;
    // 200,000 facts are not copied into a new array when nothing changed (an unrelated outbox row).
    if (changed) {
      changed = false;
      facts$.next([...facts.values()]);
    }
    if (!progress$.value.ready || progress$.value.error) progress$.next({ ...progress$.value, ready: true, error: '' });
    if (dirtySinceSave > 0 && (Date.now() - lastSave > SAVE_EVERY_MS || dirtySinceSave > 10 * BATCH)) await persist();
  }

  async function persist(): Promise<void> {
    const snapshot: FactsSnapshot = {
      checkpoints,
      facts: [...facts.values()],
      fileComponents: [...fileComponents].map(([id, set]) => [id, [...set]]),
      factEvents: [...factEvents],
    };
    dirtySinceSave = 0;
    lastSave = Date.now();
    await saveSnapshot(options.snapshotKey, snapshot).catch(() => undefined); // a lost snapshot only costs a rebuild
  }

  let running: Promise<void> = (async () => {
    const snapshot = await loadSnapshot(options.snapshotKey).catch(() => null);
    if (snapshot) {
      checkpoints = snapshot.checkpoints;
      for (const f of snapshot.facts) facts.set(f.id, shareStrings(f, intern));
      changed = snapshot.facts.length > 0;
      for (const [id, list] of snapshot.fileComponents) fileComponents.set(id, new Set(list.map(intern)));
      for (const [id, list] of snapshot.factEvents) factEvents.set(id, list);
    }
    await catchUp();
  })().catch(failed);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const schedule = () => {
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        pending = false;
        await catchUp();
      }).catch(failed);
    }, debounceMs);
  };
  const subscription: Subscription = merge(db.dossiers.$, db.files.$, db.dossierEvents.$, db.outbox.$).subscribe(schedule);

  return {
    facts$,
    progress$,
    async settled() {
      do {
        await running;
        if (pending) await new Promise((r) => setTimeout(r, debounceMs + 20));
      } while (pending);
      await running;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(retry);
      subscription.unsubscribe();
      await running;
      if (dirtySinceSave > 0) await persist();
    },
  };
}
