/**
 * Dossiers for the sync bench: the IndexedDB bench's realistic generator (the app's recordCheck(),
 * aged), re-homed into any agency with fresh ids, as they travel (`_deleted: false`).
 */
import { randomUUID } from 'node:crypto';
import type { DossierDoc, DossierEventDoc } from '../../../src-shared/contract/documents';
import type { WireDocument } from '../../../src-shared/contract/sync';
import { workingDays } from '../idb/calendar';
import { BENCH_AGENCY, createGenerator } from '../idb/data';

export { BENCH_AGENCY };

export interface DossierWithEvent {
  dossier: DossierDoc;
  event: DossierEventDoc;
}

/** `count` dossiers with their check events, about 200 a working day up to 2026-11-20. */
export function generateDossiers(count: number, seed: number): DossierWithEvent[] {
  const days = workingDays('2026-11-20', Math.max(1, Math.ceil(count / 200)));
  const generator = createGenerator(count, days, seed);
  const out: DossierWithEvent[] = [];
  while (out.length < count) {
    const { dossiers, events } = generator.next(Math.min(2000, count - out.length));
    dossiers.forEach((dossier, i) => out.push({ dossier, event: events[i]! }));
  }
  return out;
}

/** The same dossier and event in `agencyId` with new ids (codes keep their day and sequence). */
export function rehome(source: DossierWithEvent, agencyId: string): DossierWithEvent {
  const id = randomUUID();
  const code = source.dossier.code ? `${agencyId}${source.dossier.code.slice(BENCH_AGENCY.length)}` : '';
  return {
    dossier: { ...source.dossier, id, agencyId, code },
    event: { ...source.event, id: randomUUID(), dossierId: id, agencyId },
  };
}

const wire = <T extends object>(doc: T): WireDocument => ({ ...doc, _deleted: false }) as unknown as WireDocument;

/** Push rows of new documents (no assumed master state). */
export const pushRows = <T extends object>(docs: T[]) => docs.map((d) => ({ assumedMasterState: null, newDocumentState: wire(d) }));
