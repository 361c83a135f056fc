import { describe, expect, it } from 'vitest';
import { agencyOfCode, DvcqgRecordError, dvcqgFlag, fromDvcqg, fromDvcqgArray } from '../../../src-shared/domain/dvcqg/from-dvcqg';
import { workingMsBetween } from '../../../src-shared/domain/calendar/working-time';
import { advanceWorkingTime } from '../../../src-shared/domain/calendar/working-time';
import { officialCalendar } from '../lifecycle/fixtures';
import { vn } from './scenarios';

/** A minimal record as another system might send it: numbers, no arrays. */
const minimal = { MaHoSo: 'H56.22-261116-0001', NgayTiepNhan: '20261116090000', TrangThaiHoSo: 4 };

describe('fromDvcqg', async () => {
  const calendar = await officialCalendar();

  it('reads a minimal record of another system, with defaults', () => {
    expect(fromDvcqg(minimal, calendar)).toEqual({
      id: 'H56.22-261116-0001',
      code: 'H56.22-261116-0001',
      agencyId: 'H56.22',
      procedureCode: '',
      procedureName: '',
      counter: '',
      clerk: '',
      channel: 1,
      status: 4,
      receivedAt: vn(2026, 11, 16, 9),
      dueAt: 0,
      pausedSince: 0,
      supplementWaitMs: 0,
      finishedAt: 0,
      supplementRequests: 0,
      reschedules: 0,
      digitised: false,
      synced: null,
    });
  });

  it('accepts codes as numbers or strings, flags in any spelling, null for absent, and ignores extra fields', () => {
    const r = fromDvcqg(
      {
        ...minimal,
        MaTTHC: '1.004873',
        TenTTHC: 'Cấp giấy',
        TrangThaiHoSo: ' 10 ',
        KenhThucHien: 2,
        NgayHenTra: 20261119170000,
        NgayTra: '20261119100000',
        NgayKetThucXuLy: null,
        TaiLieuNop: [{ DuocSoHoa: true }, { DuocSoHoa: 1 }, { DuocSoHoa: '1' }, { DuocSoHoa: 'TRUE' }],
        DanhSachLePhi: null,
        SoGiayToChuHoSo: '038190123456',
        Extra: { nested: [1, 2] },
      },
      calendar,
    );
    expect(r).toMatchObject({ status: 10, channel: 2, procedureCode: '1.004873', procedureName: 'Cấp giấy', dueAt: vn(2026, 11, 19, 17), finishedAt: vn(2026, 11, 19, 10), digitised: true });
    expect(fromDvcqg({ ...minimal, TaiLieuNop: [{ DuocSoHoa: '1' }, { DuocSoHoa: '0' }] }, calendar).digitised).toBe(false);
    expect(fromDvcqg({ ...minimal, TaiLieuNop: [{ DuocSoHoa: '1' }, {}] }, calendar).digitised).toBe(false);
    expect(fromDvcqg({ ...minimal, NgayKetThucXuLy: '20261118163000', NgayTra: '20261119100000' }, calendar).finishedAt).toBe(vn(2026, 11, 18, 16, 30));
    expect([true, 1, '1', 'true', ' True '].every(dvcqgFlag)).toBe(true);
    expect([false, 0, '0', 'false', 'yes', null, undefined, 2].some(dvcqgFlag)).toBe(false);
  });

  it('reads supplement entries: counts, completed waits in working time, a running wait', () => {
    const completed = { NgayBoSung: '20261117100000', NgayTiepNhanBoSung: '20261118100000', NgayHenTraTruoc: '20261119170000', NgayHenTraMoi: '20261120170000' };
    const waiting = { NgayYeuCauBoSung: '20261123090000', NgayTiepNhanBoSung: '' };
    const r = fromDvcqg({ ...minimal, NgayHenTra: '20261124170000', DanhSachHoSoBoSung: [completed, waiting] }, calendar);
    expect(r).toMatchObject({
      supplementRequests: 2,
      reschedules: 0,
      supplementWaitMs: workingMsBetween(calendar, vn(2026, 11, 17, 10), vn(2026, 11, 18, 10)),
      pausedSince: vn(2026, 11, 23, 9),
      dueAt: vn(2026, 11, 24, 17),
    });
    // A wait left open on a finished (stopped) dossier pauses nothing.
    expect(fromDvcqg({ ...minimal, TrangThaiHoSo: 8, NgayKetThucXuLy: '20261125090000', DanhSachHoSoBoSung: [waiting] }, calendar).pausedSince).toBe(0);
    expect(() => fromDvcqg({ ...minimal, DanhSachHoSoBoSung: [{ NgayTiepNhanBoSung: '' }] }, calendar)).toThrow(/DanhSachHoSoBoSung\[0\]\.NgayYeuCauBoSung is missing/);
  });

  it('takes the deadline from before the first reschedule, plus supplement waits completed after it', () => {
    const reschedule = { LoaiBoSung: '2', NgayBoSung: '20261120080000', NgayHenTraTruoc: '20261120170000', NgayHenTraMoi: '20261124170000' };
    const base = { ...minimal, NgayHenTra: '20261125170000' };
    expect(fromDvcqg({ ...base, DanhSachHoSoBoSung: [reschedule] }, calendar)).toMatchObject({ reschedules: 1, dueAt: vn(2026, 11, 20, 17) });
    // Without LoaiBoSung, an entry that only moves the appointment later is a reschedule.
    const { LoaiBoSung: _, ...unmarked } = reschedule;
    expect(fromDvcqg({ ...base, DanhSachHoSoBoSung: [unmarked] }, calendar)).toMatchObject({ reschedules: 1, supplementRequests: 0, dueAt: vn(2026, 11, 20, 17) });
    // The earliest reschedule counts, whatever the list order.
    const later = { ...reschedule, NgayBoSung: '20261123080000', NgayHenTraTruoc: '20261124170000', NgayHenTraMoi: '20261125170000' };
    expect(fromDvcqg({ ...base, DanhSachHoSoBoSung: [later, reschedule] }, calendar)).toMatchObject({ reschedules: 2, dueAt: vn(2026, 11, 20, 17) });
    // A supplement completed after the reschedule moves that deadline by its wait.
    const supplement = { LoaiBoSung: '1', NgayYeuCauBoSung: '20261121090000', NgayTiepNhanBoSung: '20261123090000' };
    const wait = workingMsBetween(calendar, vn(2026, 11, 21, 9), vn(2026, 11, 23, 9));
    expect(fromDvcqg({ ...base, DanhSachHoSoBoSung: [reschedule, supplement] }, calendar).dueAt).toBe(advanceWorkingTime(calendar, vn(2026, 11, 20, 17), wait));
  });

  it('finds the agency in a dossier code when it looks like one', () => {
    expect(agencyOfCode('000.17.22.H56-210531-0001')).toBe('000.17.22.H56');
    expect(agencyOfCode('000.17.22.H56-20210531-0000001')).toBe('000.17.22.H56');
    expect(agencyOfCode('HS-2021-0001')).toBe('');
    expect(agencyOfCode('000.17.22.H56')).toBe('');
    expect(agencyOfCode('123456')).toBe('');
  });

  it('names the record and the field of every problem', () => {
    const bad = (patch: Record<string, unknown>) => () => fromDvcqgArray([minimal, { ...minimal, ...patch }], calendar);
    expect(bad({ MaHoSo: '' })).toThrow(/^record \[1\]: MaHoSo is missing$/);
    expect(bad({ MaHoSo: undefined })).toThrow(/record \[1\]: MaHoSo is missing/);
    expect(bad({ NgayTiepNhan: undefined })).toThrow(/record \[1\] \(MaHoSo H56\.22-261116-0001\): NgayTiepNhan is missing/);
    expect(bad({ TrangThaiHoSo: null })).toThrow(/record \[1\].*TrangThaiHoSo is missing/);
    expect(bad({ TrangThaiHoSo: 11 })).toThrow(/TrangThaiHoSo 11 is not a code 1–10/);
    expect(bad({ KenhThucHien: 'online' })).toThrow(/KenhThucHien "online" is not a code 1–3/);
    expect(bad({ NgayTiepNhan: '2026-11-16 09:00:00' })).toThrow(/record \[1\].*NgayTiepNhan "2026-11-16 09:00:00" is not a date yyyyMMddHHmmss/);
    expect(bad({ NgayHenTra: '20261131170000' })).toThrow(/NgayHenTra "20261131170000" is not a date/);
    expect(bad({ TaiLieuNop: {} })).toThrow(/TaiLieuNop must be an array/);
    expect(bad({ TaiLieuNop: ['x'] })).toThrow(/TaiLieuNop\[0\] must be an object/);
    expect(bad({ DanhSachHoSoBoSung: [{ NgayBoSung: '2026' }] })).toThrow(/DanhSachHoSoBoSung\[0\]\.NgayBoSung "2026" is not a date/);
    expect(bad({ MaTTHC: { code: 1 } })).toThrow(/MaTTHC must be text/);
    expect(() => fromDvcqgArray([minimal, 'text'], calendar)).toThrow(/^record \[1\]: \(record\) must be an object/);
    expect(() => fromDvcqgArray({ records: [] }, calendar)).toThrow(/JSON array/);
    const error = (() => {
      try {
        bad({ NgayTiepNhan: 'x' })();
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DvcqgRecordError);
    expect(error).toMatchObject({ index: 1, field: 'NgayTiepNhan' });
  });
});
