/**
 * The workstation's dossier-number state (IssuerState, docs/dossier-codes.md) in the settings
 * collection, document `codeIssuer`, and the code format and day last seen from the portal,
 * document `codeFormat`.
 *
 * Every change goes through updateIssuerState, a read-modify-write that RxDB serialises
 * (incrementalModify): issuing a code and receiving new blocks may run at the same time and neither
 * loses the other's change. `fn` may run more than once (RxDB retries on a concurrent write), so it
 * must be pure apart from remembering its last result.
 */
import { z } from 'zod';
import { DEFAULT_CODE_FORMAT, dossierCodeFormatSchema, numberBlockSchema } from '../../src-shared/contract/reference-api';
import { describeZodError } from '../../src-shared/contract/zod-issues';
import { isIsoDate } from '../../src-shared/domain/civil-date';
import { newIssuerState, type IssuerState } from '../../src-shared/domain/dossier-code/allocator';
import type { DossierCodeFormat } from '../../src-shared/domain/dossier-code/format';
import type { MotcuaDatabase } from '../db/database';
import { modifySetting, readSetting } from '../db/setting-doc';

export const CODE_ISSUER_KEY = 'codeIssuer';
export const CODE_FORMAT_KEY = 'codeFormat';

const issuerStateSchema = z.object({
  holder: z.string().min(1),
  blocks: z.array(numberBlockSchema),
  issued: z.record(z.string(), z.number().int().nonnegative()),
  prunedBefore: z.string().refine(isIsoDate).optional(),
});

/** What the portal said at the last successful exchange. */
export interface CodeFormatSetting {
  format: DossierCodeFormat;
  /** The portal's Vietnam day then (prune with it, never with the local clock). */
  today: string;
  /** Local time of that exchange (epoch ms). */
  seenAt: number;
}

const codeFormatSettingSchema = z.object({
  format: dossierCodeFormatSchema,
  today: z.string().refine(isIsoDate),
  seenAt: z.number(),
});

/** The stored state is unreadable. Never replaced silently: resetting the marks could reissue codes. */
export class IssuerStateError extends Error {
  override name = 'IssuerStateError';
}

function parseState(value: unknown): IssuerState {
  const parsed = issuerStateSchema.safeParse(value);
  if (!parsed.success) throw new IssuerStateError(`Stored dossier-number state is invalid: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/**
 * A state stored for another holder belongs to a previous enrolment of this workstation (re-imaged
 * or restored, docs/dossier-codes.md): the new holder starts afresh, its blocks are its own, and the
 * old holder's blocks are never used again.
 */
const forHolder = (state: IssuerState, holder: string): IssuerState => (state.holder === holder ? state : newIssuerState(holder));

export async function readIssuerState(db: MotcuaDatabase, holder: string): Promise<IssuerState> {
  const value = await readSetting<unknown>(db, CODE_ISSUER_KEY);
  return value === undefined ? newIssuerState(holder) : forHolder(parseState(value), holder);
}

/** Applies `fn` to the current state atomically and returns the state stored. */
export async function updateIssuerState(db: MotcuaDatabase, holder: string, fn: (s: IssuerState) => IssuerState): Promise<IssuerState> {
  const stored = await modifySetting<unknown>(db, CODE_ISSUER_KEY, newIssuerState(holder), (value) => fn(forHolder(parseState(value), holder)));
  return stored as IssuerState;
}

/**
 * The holder id to use with this database: the one already stored with the marks, or a new one
 * (`<workstationId>:<random>`) enrolled now. Keeping the id next to the marks means a workstation
 * whose local database was wiped or restored from a backup can never present the old holder with
 * marks that are too low (which would reissue codes); it simply becomes a new holder.
 */
export async function ensureHolder(db: MotcuaDatabase, workstationId: string): Promise<string> {
  const existing = await readSetting<unknown>(db, CODE_ISSUER_KEY);
  if (existing !== undefined) return parseState(existing).holder;
  const fresh = `${workstationId.slice(0, 48)}:${globalThis.crypto.randomUUID().slice(0, 8)}`;
  const stored = await modifySetting<unknown>(db, CODE_ISSUER_KEY, newIssuerState(fresh), (value) => parseState(value));
  return (stored as IssuerState).holder;
}

export async function readCodeFormatSetting(db: MotcuaDatabase): Promise<CodeFormatSetting | null> {
  const parsed = codeFormatSettingSchema.safeParse(await readSetting<unknown>(db, CODE_FORMAT_KEY));
  return parsed.success ? parsed.data : null;
}

/** The format codes are printed in: the portal's, or the default preset before the first exchange. */
export async function readCodeFormat(db: MotcuaDatabase): Promise<DossierCodeFormat> {
  return (await readCodeFormatSetting(db))?.format ?? DEFAULT_CODE_FORMAT;
}

export async function writeCodeFormat(db: MotcuaDatabase, setting: CodeFormatSetting): Promise<void> {
  await db.settings.incrementalUpsert({ id: CODE_FORMAT_KEY, value: setting });
}
