/**
 * The bench's counter: a Workspace as the app builds it after sign-in (database, clerk, workstation,
 * holder of dossier-number blocks, working calendar), and the local settings a real workstation has
 * before its first reception: the bundled catalog, the agency's print profile, a number block from
 * the portal for today and the next days, and the ledger counter of this year.
 */
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { addDays } from '../../../src-shared/domain/civil-date';
import { acceptBlocks, type NumberBlock } from '../../../src-shared/domain/dossier-code/allocator';
import type { ReceptionInput } from '../../../src-shared/domain/reception';
import { vnDay } from '../../../src-shared/domain/vn-time';
import { seedCatalog } from '../../../src-renderer/db/catalog';
import type { MotcuaDatabase } from '../../../src-renderer/db/database';
import { AGENCY_PROFILE_KEY } from '../../../src-renderer/print/agency-profile';
import { updateIssuerState } from '../../../src-renderer/dossiers/issuer-store';
import type { Workspace } from '../../../src-renderer/runtime';
import { randomApplicant } from './applicants';
import { BENCH_CALENDAR } from './calendar';
import { BENCH_AGENCY, BENCH_CATALOG } from './data';
import { prng, type Rand } from './random';

export const BENCH_WORKSTATION = 'WS-01';
/** What ensureHolder() would have enrolled: `<workstationId>:<random>`. */
export const BENCH_HOLDER = 'WS-01:b3nch001';
/** numbers.ts keeps the ledger counter under this settings key (not exported there). */
const LEDGER_COUNTER_KEY = 'ledgerCounter';

/** The parts of a Workspace that saving and printing use; the rest (replication, status bar) is not started. */
export function benchWorkspace(db: MotcuaDatabase): Workspace {
  return {
    db,
    user: { username: 'clerk.an', role: 'clerk', agencyId: BENCH_AGENCY, displayName: 'Lê Thị Thu An' },
    workstationId: BENCH_WORKSTATION,
    holder: BENCH_HOLDER,
    calendar: BENCH_CALENDAR,
  } as unknown as Workspace;
}

/**
 * Settings a signed-in workstation holds. The block covers the real today (saves use the clock, as
 * saveCheck does) and starts above the sequences of the generated data's counters.
 */
export async function seedWorkstation(db: MotcuaDatabase, ledgerEntriesThisYear = 0): Promise<void> {
  await seedCatalog(db, BENCH_CATALOG);
  await db.settings.upsert({
    id: AGENCY_PROFILE_KEY,
    value: {
      parentName: 'UBND tỉnh Thanh Hóa',
      name: 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa',
      address: '25 Đại lộ Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa',
      phone: '0237 3720 720',
      place: 'Thanh Hóa',
      lookupUrlTemplate: 'https://dichvucong.thanhhoa.gov.vn/tra-cuu?ma={code}',
    },
  });
  const today = vnDay(Date.now());
  const block: NumberBlock = {
    id: 'bench-block-1',
    agencyId: BENCH_AGENCY,
    holder: BENCH_HOLDER,
    kind: 'lease',
    first: 1201,
    last: 1600,
    validFrom: today,
    validUntil: addDays(today, 6),
    allocatedAt: Date.now(),
  };
  await updateIssuerState(db, BENCH_HOLDER, (s) => acceptBlocks(s, [block]));
  if (ledgerEntriesThisYear) await db.settings.upsert({ id: LEDGER_COUNTER_KEY, value: { year: Number(today.slice(0, 4)), count: ledgerEntriesThisYear } });
}

/** A complete counter check for the most common procedure, with a new applicant each time. */
export function receptionInputs(seedValue: number): () => ReceptionInput {
  const rand: Rand = prng(seedValue);
  const procedure = BENCH_CATALOG.procedures.find((p) => p.code === '2.000815') ?? BENCH_CATALOG.procedures[0]!;
  const submitted = Object.fromEntries(procedure.components.filter((c) => !c.optional).map((c) => [c.id, c.quantity]));
  return () => ({ procedure, applicant: randomApplicant(rand), channel: 1, sets: 1, submitted, notes: '' });
}

export const plainDossier = (d: { toMutableJSON(): unknown }) => d.toMutableJSON() as DossierDoc;
