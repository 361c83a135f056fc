/**
 * Issues the numbers a received dossier needs: its dossier code (from this workstation's blocks,
 * docs/dossier-codes.md) and its ledger entry. Each is persisted BEFORE it is used, so a crash can
 * leave a gap in the numbering but never print the same number twice.
 */
import { issueNext, type ExhaustedError } from '../../src-shared/domain/dossier-code/allocator';
import type { IssuedNumbers } from '../../src-shared/domain/reception';
import { vnDay } from '../../src-shared/domain/vn-time';
import type { MotcuaDatabase } from '../db/database';
import { modifySetting } from '../db/setting-doc';
import { readCodeFormat, updateIssuerState } from './issuer-store';

export class NumbersExhaustedError extends Error {
  override name = 'NumbersExhaustedError';
  constructor(readonly detail: ExhaustedError) {
    super(detail.messageEn);
  }
}

/** Entries per ledger volume (quyển) before a new one starts; a new year also starts a new volume. */
export const LEDGER_VOLUME_SIZE = 500;
const LEDGER_KEY = 'ledgerCounter';

interface LedgerCounter {
  year: number;
  /** Entries written this year on this workstation. */
  count: number;
}

/**
 * The next ledger entry of this counter: volumes are per workstation and year, e.g. `2026.A1B2.01`,
 * because each counter keeps its own book and workstations number offline independently.
 */
export async function nextLedgerEntry(db: MotcuaDatabase, counterLabel: string, now: number): Promise<{ ledgerVolume: string; ledgerNumber: number }> {
  const year = Number(vnDay(now).slice(0, 4));
  const { count } = await modifySetting<LedgerCounter>(db, LEDGER_KEY, { year, count: 0 }, (c) => ({ year, count: c.year === year ? c.count + 1 : 1 }));
  const volume = Math.floor((count - 1) / LEDGER_VOLUME_SIZE) + 1;
  return { ledgerVolume: `${year}.${counterLabel}.${String(volume).padStart(2, '0')}`, ledgerNumber: ((count - 1) % LEDGER_VOLUME_SIZE) + 1 };
}

/** The short label of this workstation's ledger books. */
export function counterLabelOf(workstationId: string): string {
  return workstationId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 4).toUpperCase() || 'WS';
}

/** `holder`: this installation's block holder id; `workstationId` labels the ledger books. */
export async function issueNumbers(db: MotcuaDatabase, agencyId: string, holder: string, workstationId: string, now: number): Promise<IssuedNumbers> {
  const format = await readCodeFormat(db);
  let issued: { code: string } | undefined;
  let failure: ExhaustedError | undefined;
  await updateIssuerState(db, holder, (state) => {
    const result = issueNext(state, { agencyId, now, format });
    if (!result.ok) {
      failure = result.error;
      return state;
    }
    issued = { code: result.code };
    return result.newState;
  });
  if (!issued) throw new NumbersExhaustedError(failure!);
  return { code: issued.code, ...(await nextLedgerEntry(db, counterLabelOf(workstationId), now)) };
}
