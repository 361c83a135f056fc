import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SignoffDoc } from '../../../src-shared/contract/documents';
import { amendmentsSince, hashLines, latestSignoff, ledgerEntries, sealIsIntact, sealOf } from '../../../src-shared/domain/signoff/seal';
import { dossierIn } from '../lifecycle/fixtures';

const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex');

const day = [
  dossierIn(2, { id: 'a', ledgerNumber: 2, code: '000.17.22.H56-261116-0002' }),
  dossierIn(2, { id: 'b', ledgerNumber: 1, code: '000.17.22.H56-261116-0001' }),
  dossierIn(3, { id: 'refused', ledgerNumber: 0, code: '' }),
];

async function signed(): Promise<SignoffDoc> {
  const lines = await hashLines(ledgerEntries(day), sha256);
  const base = { agencyId: '000.17.22.H56', day: '2026-11-16', signedBy: 'supervisor.dung', signedAt: Date.UTC(2026, 10, 16, 10), lines };
  return { ...base, id: 's1', signerName: 'Đặng Dung', workstationId: 'ws-9', note: '', seal: await sealOf(base, sha256) };
}

describe('ledger day seal', () => {
  it('covers the ledger entries only, in ledger order', async () => {
    const s = await signed();
    expect(s.lines.map((l) => l.dossierId)).toEqual(['b', 'a']);
    expect(s.seal).toMatch(/^[0-9a-f]{64}$/);
    expect(await sealIsIntact(s, sha256)).toBe(true);
  });

  it('breaks when the signer, the time, the day or any line changes', async () => {
    const s = await signed();
    expect(await sealIsIntact({ ...s, signedBy: 'supervisor.khac' }, sha256)).toBe(false);
    expect(await sealIsIntact({ ...s, signedAt: s.signedAt + 1 }, sha256)).toBe(false);
    expect(await sealIsIntact({ ...s, day: '2026-11-17' }, sha256)).toBe(false);
    expect(await sealIsIntact({ ...s, lines: s.lines.slice(1) }, sha256)).toBe(false);
    expect(await sealIsIntact({ ...s, lines: [{ ...s.lines[0]!, hash: '0'.repeat(64) }, s.lines[1]!] }, sha256)).toBe(false);
    // The note and the display name are not sealed: they are not ledger content.
    expect(await sealIsIntact({ ...s, note: 'ghi chú' }, sha256)).toBe(true);
  });

  it('lists amendments: a changed cell, an entry added to the day, an entry gone from it', async () => {
    const s = await signed();
    expect(amendmentsSince(s.lines, await hashLines(ledgerEntries(day), sha256))).toEqual([]);
    const changed = day.map((d) => (d.id === 'a' ? { ...d, transferredAt: Date.UTC(2026, 10, 16, 9) } : d));
    const added = [...changed.filter((d) => d.id !== 'b'), dossierIn(2, { id: 'c', ledgerNumber: 3 })];
    const now = await hashLines(ledgerEntries(added), sha256);
    expect(amendmentsSince(s.lines, now)).toEqual([
      { dossierId: 'a', kind: 'changed' },
      { dossierId: 'c', kind: 'added' },
      { dossierId: 'b', kind: 'removed' },
    ]);
  });

  it('a line hash changes with any printed cell but not with fields the ledger does not print', async () => {
    const [d] = ledgerEntries(day);
    const base = (await hashLines([d!], sha256))[0]!.hash;
    expect((await hashLines([{ ...d!, returnedTo: 'Nguyễn Văn A', returnedAt: d!.receivedAt + 1 }], sha256))[0]!.hash).not.toBe(base);
    expect((await hashLines([{ ...d!, updatedAt: d!.updatedAt + 1 }], sha256))[0]!.hash).toBe(base);
  });

  it('the newest sign-off is the seal in force', async () => {
    const s = await signed();
    expect(latestSignoff([s, { ...s, id: 's2', signedAt: s.signedAt + 5 }, { ...s, id: 's0', signedAt: s.signedAt - 5 }])?.id).toBe('s2');
    expect(latestSignoff([])).toBeUndefined();
  });
});
