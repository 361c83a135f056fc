/** The dossier conflict rules, case by case (docs/sync-protocol.md, "Conflicts"). */
import { describe, expect, it } from 'vitest';
import { applyLocalGroups, mergeDossiers, type WireDossier } from '../../../src-shared/domain/sync/dossier-merge';
import { dossierIn } from '../lifecycle/fixtures';

const T0 = Date.UTC(2026, 10, 16, 3, 0);
const wire = (d: ReturnType<typeof dossierIn>): WireDossier => ({ ...d, _deleted: false });
const base = (patch: Parameters<typeof dossierIn>[1] = {}) => wire(dossierIn(2, { updatedAt: T0, ...patch }));
const edit = (d: WireDossier, patch: Partial<WireDossier>, at: number): WireDossier => ({ ...d, ...patch, updatedAt: at });

describe('mergeDossiers', () => {
  it('takes the only side that changed each group, and both changes when they touch different groups', () => {
    const b = base();
    const master = edit(b, { status: 4, transferredAt: T0 + 5 }, T0 + 5); // back office took it
    const fork = edit(b, { notes: 'Công dân nộp thêm bản sao' }, T0 + 9); // counter added a note
    const result = mergeDossiers({ base: b, master, fork, localWorkstationId: 'ws-1' });
    expect(result.rules).toEqual({ identity: 'unchanged', reception: 'only-local', processing: 'only-portal' });
    expect(result.doc.status).toBe(4);
    expect(result.doc.notes).toBe('Công dân nộp thêm bản sao');
    expect(result.unresolved).toEqual([]);
    expect(result.doc.updatedAt).toBe(T0 + 10);
  });

  it('keeps the portal version untouched when the local change is already there', () => {
    const b = base();
    const master = edit(b, { notes: 'x' }, T0 + 5);
    const fork = edit(b, { notes: 'x' }, T0 + 7);
    const result = mergeDossiers({ base: b, master, fork, localWorkstationId: 'ws-1' });
    expect(result.rules.reception).toBe('same-change');
    expect(result.doc).toEqual(master);
  });

  it('gives reception data to the receiving counter until transfer', () => {
    const b = base();
    const master = edit(b, { notes: 'sửa ở quầy khác' }, T0 + 5);
    const fork = edit(b, { notes: 'sửa ở quầy tiếp nhận' }, T0 + 6);
    const atReceivingCounter = mergeDossiers({ base: b, master, fork, localWorkstationId: 'ws-1' });
    expect(atReceivingCounter.rules.reception).toBe('receiving-counter');
    expect(atReceivingCounter.doc.notes).toBe('sửa ở quầy tiếp nhận');
    expect(atReceivingCounter.unresolved).toEqual([]);

    // Another counter's concurrent edit is not silently dropped: a person decides.
    const elsewhere = mergeDossiers({ base: b, master, fork, localWorkstationId: 'ws-2' });
    expect(elsewhere.rules.reception).toBe('unresolved');
    expect(elsewhere.unresolved).toEqual(['reception']);
    expect(elsewhere.doc.notes).toBe('sửa ở quầy khác');
  });

  it('no longer gives reception data to the counter once the dossier was transferred', () => {
    const b = base({ status: 4, transferredAt: T0 });
    const master = edit(b, { notes: 'bộ phận chuyên môn ghi chú' }, T0 + 5);
    const fork = edit(b, { notes: 'quầy ghi chú' }, T0 + 6);
    const result = mergeDossiers({ base: b, master, fork, localWorkstationId: 'ws-1' });
    expect(result.unresolved).toEqual(['reception']);
    expect(result.doc.notes).toBe('bộ phận chuyên môn ghi chú');
  });

  it('lets the back office status win after transfer', () => {
    const b = base({ status: 4, transferredAt: T0 });
    const master = edit(b, { status: 9, resultAt: T0 + 5, finishedAt: T0 + 5 }, T0 + 5); // Đã xử lý xong
    const fork = edit(b, { status: 7, finishedAt: T0 + 6 }, T0 + 6); // withdrawn at the counter offline
    const result = mergeDossiers({ base: b, master, fork, localWorkstationId: 'ws-1' });
    expect(result.rules.processing).toBe('back-office');
    expect(result.doc.status).toBe(9);
    expect(result.doc.finishedAt).toBe(T0 + 5);
    expect(result.unresolved).toEqual([]);
    expect(result.doc).toEqual(master);
  });

  it('lets the counter return a result the back office finished (only the counter changed it since)', () => {
    const b = base({ status: 9, transferredAt: T0, resultAt: T0 + 1, finishedAt: T0 + 1 });
    const master = edit(b, { notes: 'kết quả ở ngăn 3' }, T0 + 5);
    const fork = edit(b, { status: 10, returnedAt: T0 + 6, returnedTo: 'Nguyễn Thị Hồng Nhung', returnMethod: 'inPerson' }, T0 + 6);
    const result = mergeDossiers({ base: b, master, fork, localWorkstationId: 'ws-1' });
    expect(result.doc.status).toBe(10);
    expect(result.doc.notes).toBe('kết quả ở ngăn 3');
    expect(result.unresolved).toEqual([]);
  });

  it('sends two counters acting on one dossier before transfer to a person', () => {
    const b = base();
    const master = edit(b, { status: 9, resultAt: T0 + 5, finishedAt: T0 + 5 }, T0 + 5);
    const fork = edit(b, { status: 7, finishedAt: T0 + 6 }, T0 + 6);
    const result = mergeDossiers({ base: b, master, fork, localWorkstationId: 'ws-1' });
    expect(result.unresolved).toEqual(['processing']);
    expect(result.doc.status).toBe(9);
  });

  it('never decides identity differences or deletions by rule', () => {
    const b = base();
    const master = edit(b, { _deleted: true }, T0 + 5);
    const fork = edit(b, { code: 'other', _deleted: false }, T0 + 6);
    expect(mergeDossiers({ base: b, master, fork, localWorkstationId: 'ws-1' }).unresolved).toContain('identity');
  });

  it('treats a missing base as both sides having changed', () => {
    const master = base({ notes: 'a' });
    const fork = edit(master, { notes: 'b' }, T0 + 3);
    const result = mergeDossiers({ base: undefined, master, fork, localWorkstationId: 'ws-1' });
    expect(result.rules.reception).toBe('receiving-counter');
    expect(result.doc.notes).toBe('b');
  });
});

describe('applyLocalGroups', () => {
  it('lays the local version of the chosen groups over the current document as a newer version', () => {
    const current = edit(base(), { notes: 'portal', status: 9 }, T0 + 5);
    const local = edit(base(), { notes: 'mine', status: 7 }, T0 + 6);
    const doc = applyLocalGroups(current, local, ['reception'], T0 + 1);
    expect(doc.notes).toBe('mine');
    expect(doc.status).toBe(9);
    expect(doc.updatedAt).toBe(T0 + 6);
  });
});
