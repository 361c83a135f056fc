/**
 * Sealing a signed ledger day (docs/signoff.md). Each ledger entry is hashed over its dossier id and
 * the fourteen official cells exactly as printed; the seal hashes the day, the signer, the time and
 * those line hashes in ledger order. The hash function is passed in (WebCrypto in the renderer,
 * node:crypto at the portal), so both compute the same seal from this one definition.
 */
import type { DossierDoc, SignoffDoc } from '../../contract/documents';
import { ledgerOrder, ledgerRow } from '../../forms/ledger-table';

/** SHA-256 of UTF-8 text as lower-case hex. */
export type Sha256Hex = (text: string) => Promise<string>;

export type SignoffLine = SignoffDoc['lines'][number];

/** The entries a sign-off covers: the day's dossiers with a ledger entry, in ledger order. */
export function ledgerEntries(dossiers: readonly DossierDoc[]): DossierDoc[] {
  return ledgerOrder(dossiers.filter((d) => d.ledgerNumber > 0));
}

export async function lineHash(d: DossierDoc, index: number, sha256: Sha256Hex): Promise<string> {
  return sha256(JSON.stringify([d.id, ...ledgerRow(d, index)]));
}

export async function hashLines(entries: readonly DossierDoc[], sha256: Sha256Hex): Promise<SignoffLine[]> {
  return Promise.all(entries.map(async (d, i) => ({ dossierId: d.id, hash: await lineHash(d, i, sha256) })));
}

type SealInput = Pick<SignoffDoc, 'agencyId' | 'day' | 'signedBy' | 'signedAt' | 'lines'>;

export async function sealOf(s: SealInput, sha256: Sha256Hex): Promise<string> {
  return sha256(JSON.stringify(['motcua-signoff-v1', s.agencyId, s.day, s.signedBy, s.signedAt, s.lines.map((l) => `${l.dossierId}:${l.hash}`)]));
}

/** True when the document's seal matches its own contents (the portal refuses one that does not). */
export async function sealIsIntact(s: SignoffDoc, sha256: Sha256Hex): Promise<boolean> {
  return (await sealOf(s, sha256)) === s.seal;
}

export type AmendmentKind = 'changed' | 'added' | 'removed';

export interface Amendment {
  dossierId: string;
  kind: AmendmentKind;
}

/**
 * What changed in a signed day since its seal: entries whose cells differ, entries added to the day
 * and entries no longer in it. `current` are the day's entries now, already hashed.
 */
export function amendmentsSince(sealed: readonly SignoffLine[], current: readonly SignoffLine[]): Amendment[] {
  const before = new Map(sealed.map((l) => [l.dossierId, l.hash]));
  const now = new Set(current.map((l) => l.dossierId));
  const out: Amendment[] = [];
  for (const l of current) {
    const old = before.get(l.dossierId);
    if (old === undefined) out.push({ dossierId: l.dossierId, kind: 'added' });
    else if (old !== l.hash) out.push({ dossierId: l.dossierId, kind: 'changed' });
  }
  for (const l of sealed) if (!now.has(l.dossierId)) out.push({ dossierId: l.dossierId, kind: 'removed' });
  return out;
}

/** The day's seal in force: the newest sign-off. */
export function latestSignoff<T extends Pick<SignoffDoc, 'signedAt' | 'id'>>(signoffs: readonly T[]): T | undefined {
  return [...signoffs].sort((a, b) => b.signedAt - a.signedAt || (a.id < b.id ? 1 : -1))[0];
}
