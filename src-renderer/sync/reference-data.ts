/**
 * Reference data from the portal, fetched while online: the procedure catalog, the calendar tables
 * and this workstation's dossier-number blocks (docs/portal.md, docs/dossier-codes.md). Each
 * function is one request (two at most), validates what it receives and stores it locally; none of
 * them is needed to work offline, and a failure leaves the stored copy as it was.
 * Independent of React: the workspace runtime decides when to call them.
 */
import type { z } from 'zod';
import type { CalendarTable } from '../../src-shared/contract/calendar';
import { catalogSchema } from '../../src-shared/contract/catalog';
import { blocksResponseSchema, calendarTablesResponseSchema, DEFAULT_CODE_FORMAT, referencePaths } from '../../src-shared/contract/reference-api';
import { describeZodError } from '../../src-shared/contract/zod-issues';
import {
  acceptBlocks,
  blocksToRequest,
  pruneIssuerState,
  remainingFor,
  type AllocationError,
} from '../../src-shared/domain/dossier-code/allocator';
import { compileFormat, type DossierCodeFormat } from '../../src-shared/domain/dossier-code/format';
import { vnDay } from '../../src-shared/domain/vn-time';
import { replaceCatalog } from '../db/catalog';
import type { MotcuaDatabase } from '../db/database';
import { readCodeFormatSetting, readIssuerState, updateIssuerState, writeCodeFormat } from '../dossiers/issuer-store';
import type { PortalClient } from './portal-client';

/** Settings document holding the portal's calendar tables (CalendarTable[]). */
export const CALENDAR_TABLES_KEY = 'calendarTables';

/** The portal answered something that does not match the contract (e.g. a newer, incompatible portal). */
export class ReferenceDataError extends Error {
  override name = 'ReferenceDataError';
}

function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ReferenceDataError(`The portal sent an invalid ${what}: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/** Replaces the local catalog with the portal's when it is newer (procedures it dropped are removed). */
export async function pullCatalog(db: MotcuaDatabase, client: PortalClient): Promise<{ version: string; replaced: boolean }> {
  const catalog = validate(catalogSchema, await client.getJson<unknown>(referencePaths.catalog), 'catalog');
  return { version: catalog.version, replaced: await replaceCatalog(db, catalog) };
}

/** Stores the portal's calendar tables; they override the bundled ones year by year. */
export async function pullCalendarTables(db: MotcuaDatabase, client: PortalClient): Promise<CalendarTable[]> {
  const { tables } = validate(calendarTablesResponseSchema, await client.getJson<unknown>(referencePaths.calendarTables), 'calendar table list');
  await db.settings.incrementalUpsert({ id: CALENDAR_TABLES_KEY, value: tables });
  return tables;
}

export interface CodeBlocksSummary {
  format: DossierCodeFormat;
  /** The portal's Vietnam day and this computer's: if they differ the clock is probably wrong. */
  portalToday: string;
  localToday: string;
  /** Blocks received now that the workstation did not have. */
  received: number;
  /** Blocks of this agency held, usable today or later. */
  blocksHeld: number;
  /** Numbers still available today (by this computer's day, the one codes are issued for). */
  remainingToday: number;
  /** Requests the portal could not meet (e.g. the agency's day is full). */
  errors: AllocationError[];
}

const laterDay = (a: string, b: string | undefined) => (b && b > a ? b : a);

/**
 * Asks the portal for the blocks this workstation (holder) should hold for `agencyId`
 * (blocksToRequest), or only for those it holds when nothing is missing, and merges them into the
 * stored state (acceptBlocks, then pruneIssuerState with the PORTAL's day). Safe to run while codes
 * are being issued: the merge is an atomic update of the current state.
 */
export async function refreshCodeBlocks(db: MotcuaDatabase, client: PortalClient, agencyId: string, holder: string): Promise<CodeBlocksSummary> {
  const now = Date.now();
  const localToday = vnDay(now);
  const previous = await readCodeFormatSetting(db);
  // Never ask for days the portal has already left behind (a computer clock running late).
  const today = laterDay(localToday, previous?.today);
  const before = await readIssuerState(db, holder);
  const requests = blocksToRequest(before, agencyId, today, compileFormat(previous?.format ?? DEFAULT_CODE_FORMAT).maxSequence);
  const raw = requests.length
    ? await client.postJson<unknown>(referencePaths.codeBlocks, { holder, requests })
    : await client.getJson<unknown>(`${referencePaths.codeBlocks}?${new URLSearchParams({ holder })}`);
  const response = validate(blocksResponseSchema, raw, 'number block answer');

  let received = 0;
  const state = await updateIssuerState(db, holder, (s) => {
    const merged = acceptBlocks(s, response.blocks);
    received = merged.blocks.length - s.blocks.length;
    return pruneIssuerState(merged, response.today);
  });
  await writeCodeFormat(db, { format: response.format, today: response.today, seenAt: now });

  const { maxSequence } = compileFormat(response.format);
  return {
    format: response.format,
    portalToday: response.today,
    localToday,
    received,
    blocksHeld: state.blocks.filter((b) => b.agencyId === agencyId && b.validUntil >= localToday).length,
    remainingToday: remainingFor(state, agencyId, localToday, maxSequence),
    errors: response.errors,
  };
}
