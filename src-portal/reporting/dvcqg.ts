/**
 * The DVCQG export of a centre for a period as JSON text, produced page by page so a province's
 * hundreds of thousands of dossiers never sit in memory at once: `[`, one DongBoHoSoMC record per
 * line (comma-separated), `]`. Line-per-record lets a client count records without parsing them.
 */
import type { Period } from '../../src-shared/domain/indicators/record';
import { isExportable, toDvcqg } from '../../src-shared/domain/dvcqg/to-dvcqg';
import type { Queryable } from '../db/types';
import { dossierPages, eventsOf, filesOf, PAGE_SIZE } from './load';

/** Chunks of the JSON array of the centre's dossiers received (with a code) in the period. */
export async function* dvcqgJsonChunks(db: Queryable, agencyId: string, period: Period, pageSize = PAGE_SIZE): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const all of dossierPages(db, { agencyId, period, receivedOnly: true }, pageSize)) {
    const page = all.filter(isExportable);
    if (page.length === 0) continue;
    const ids = page.map((d) => d.id);
    const [events, files] = await Promise.all([eventsOf(db, agencyId, ids), filesOf(db, agencyId, ids)]);
    const lines = page.map((d) => JSON.stringify(toDvcqg(d, events.get(d.id) ?? [], files.get(d.id) ?? [])));
    yield `${first ? '\n' : ',\n'}${lines.join(',\n')}`;
    first = false;
  }
  yield '\n]\n';
}
