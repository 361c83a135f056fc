/**
 * Signing off a ledger day (docs/signoff.md): the supervisor seals the day's entries as they stand;
 * the sign-off is an append-only document that syncs to the portal like any other. Later changes to
 * the day's entries show as amendments against the newest seal.
 */
import type { SignoffDoc } from '../../src-shared/contract/documents';
import { amendmentsSince, hashLines, latestSignoff, ledgerEntries, sealOf, type Amendment, type Sha256Hex } from '../../src-shared/domain/signoff/seal';
import type { MotcuaDatabase } from '../db/database';
import { queryLedger } from '../dossiers/ledger-query';
import { queueChange } from '../sync/outbox';
import { outboxId } from '../db/local-schemas';

export const sha256Hex: Sha256Hex = async (text) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

async function dayEntries(db: MotcuaDatabase, day: string) {
  return ledgerEntries(await queryLedger(db, { from: day, to: day, receivedOnly: true }));
}

export interface DaySeal {
  signoff: SignoffDoc | null;
  /** Every sign-off of the day, newest first. */
  history: SignoffDoc[];
  amendments: Amendment[];
  /** Dossier codes of the amended entries, for display. */
  codes: Map<string, string>;
  entries: number;
  /** Ids of the sign-offs still in the outbox (not yet at the portal). */
  notSynced: Set<string>;
}

async function notSyncedSignoffs(db: MotcuaDatabase, history: readonly SignoffDoc[]): Promise<Set<string>> {
  const rows = await db.outbox.findByIds(history.map((h) => outboxId('signoffs', h.id))).exec();
  return new Set([...rows.values()].map((r) => r.docId));
}

export async function daySeal(db: MotcuaDatabase, day: string): Promise<DaySeal> {
  const history = (await db.signoffs.find({ selector: { day }, sort: [{ day: 'asc' }, { signedAt: 'asc' }] }).exec()).map((d) => d.toJSON() as SignoffDoc).reverse();
  const signoff = latestSignoff(history) ?? null;
  const entries = await dayEntries(db, day);
  const notSynced = await notSyncedSignoffs(db, history);
  if (!signoff) return { signoff, history, amendments: [], codes: new Map(), entries: entries.length, notSynced };
  const amendments = amendmentsSince(signoff.lines, await hashLines(entries, sha256Hex));
  const docs = await db.dossiers.findByIds(amendments.map((a) => a.dossierId)).exec();
  const codes = new Map([...docs].map(([id, d]) => [id, d.code]));
  return { signoff, history, amendments, codes, entries: entries.length, notSynced };
}

export interface Signer {
  username: string;
  displayName: string;
  agencyId: string;
  workstationId: string;
}

/** Seals the day as it stands now and queues the sign-off for the portal. */
export async function signDay(db: MotcuaDatabase, day: string, signer: Signer, note: string, now = Date.now()): Promise<SignoffDoc> {
  const lines = await hashLines(await dayEntries(db, day), sha256Hex);
  const base = { agencyId: signer.agencyId, day, signedBy: signer.username, signedAt: now, lines };
  const signoff: SignoffDoc = {
    ...base,
    id: crypto.randomUUID(),
    signerName: signer.displayName.slice(0, 200),
    workstationId: signer.workstationId,
    seal: await sealOf(base, sha256Hex),
    note: note.trim().slice(0, 2000),
  };
  await queueChange(db, 'signoffs', { ...signoff });
  try {
    await db.signoffs.insert(signoff);
  } catch (error) {
    await db.outbox.bulkRemove([outboxId('signoffs', signoff.id)]);
    throw error;
  }
  return signoff;
}
