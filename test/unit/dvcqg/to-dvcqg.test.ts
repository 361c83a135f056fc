import { describe, expect, it } from 'vitest';
import type { DossierEventDoc, FileMetaDoc } from '../../../src-shared/contract/documents';
import { isExportable, toDvcqg } from '../../../src-shared/domain/dvcqg/to-dvcqg';
import { dossierIn } from '../lifecycle/fixtures';
import { vn } from './scenarios';

const event = (type: DossierEventDoc['type'], at: number, patch: Partial<DossierEventDoc> = {}): DossierEventDoc => ({
  id: `${type}-${at}`,
  dossierId: 'd1',
  agencyId: '000.17.22.H56',
  type,
  at,
  by: 'officer.ha',
  from: 4,
  to: 4,
  reason: '',
  data: {},
  ...patch,
});

const file = (id: string, componentId: string, createdAt: number, dossierId = 'd1'): FileMetaDoc => ({
  id,
  dossierId,
  agencyId: '000.17.22.H56',
  componentId,
  name: `${id}.pdf`,
  mime: 'application/pdf',
  size: 1000,
  sha256: 'a'.repeat(64),
  createdAt,
});

const components = [
  { id: 'TP1', name: 'Tờ khai', form: 'original' as const, quantity: 1, submitted: 1, optional: false },
  { id: 'TP2', name: 'Bản sao', form: 'copy' as const, quantity: 1, submitted: 1, optional: false },
  { id: 'TP3', name: 'Giấy tờ khác', form: 'copy' as const, quantity: 1, submitted: 0, optional: true },
];

describe('toDvcqg', () => {
  it('maps the dossier fields (docs/dvcqg.md)', () => {
    const d = dossierIn(10, {
      id: 'd1',
      channel: 2,
      returnedAt: vn(2026, 11, 19, 10),
      returnMethod: 'postal',
      finishedAt: vn(2026, 11, 18, 16, 30),
      processingBody: 'Phòng Tư pháp',
      applicant: { ...dossierIn(2).applicant, kind: 'organisation', name: 'Công ty TNHH Sao Mai', phone: '0237385123', email: 'a@b.vn' },
    });
    const r = toDvcqg(d, [], []);
    expect(r).toEqual({
      MaHoSo: '000.17.22.H56-261116-0001',
      MaTTHC: '1.004873',
      TenTTHC: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
      MaLinhVuc: '',
      TenLinhVuc: 'Hộ tịch',
      ChuHoSo: 'Công ty TNHH Sao Mai',
      LoaiDoiTuong: '2',
      SoDienThoai: '0237385123',
      Email: 'a@b.vn',
      TrichYeuHoSo: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
      NgayTiepNhan: '20261116090000',
      NgayHenTra: '20261119170000',
      TrangThaiHoSo: '10',
      NgayTra: '20261119100000',
      HinhThuc: '1',
      NgayKetThucXuLy: '20261118163000',
      DonViXuLy: 'Phòng Tư pháp',
      KenhThucHien: '2',
      TaiLieuNop: [],
      DanhSachLePhi: [],
      DanhSachHoSoBoSung: [],
      DanhSachGiayToKetQua: [],
    });
    expect(toDvcqg({ ...d, applicant: { ...d.applicant, kind: 'individual' }, returnMethod: '', returnedAt: 0, finishedAt: 0 }, [], [])).toMatchObject({
      LoaiDoiTuong: '1',
      HinhThuc: '',
      NgayTra: '',
      NgayKetThucXuLy: '',
    });
    expect(toDvcqg({ ...d, returnMethod: 'inPerson' }, [], []).HinhThuc).toBe('0');
    expect(toDvcqg({ ...d, returnMethod: 'electronic' }, [], []).HinhThuc).toBe('2');
  });

  it('refuses a dossier that was never received', () => {
    const refused = dossierIn(3, { code: '' });
    expect(isExportable(refused)).toBe(false);
    expect(() => toDvcqg(refused, [], [])).toThrow(/never received/);
  });

  it('lists each submitted component, one entry per scan, and scans of other components after them', () => {
    const d = dossierIn(4, { id: 'd1', components });
    const files = [file('f3', 'TP1', 3), file('f1', 'TP1', 1), file('x', 'TP3', 2), file('other', 'TP2', 1, 'd2')];
    expect(toDvcqg(d, [], files).TaiLieuNop).toEqual([
      { TepDinhKemId: 'f1', TenTepDinhKem: 'f1.pdf', MaThanhPhanHoSo: 'TP1', TenThanhPhanHoSo: 'Tờ khai', DuocSoHoa: '1' },
      { TepDinhKemId: 'f3', TenTepDinhKem: 'f3.pdf', MaThanhPhanHoSo: 'TP1', TenThanhPhanHoSo: 'Tờ khai', DuocSoHoa: '1' },
      { TepDinhKemId: '', TenTepDinhKem: 'Bản sao', MaThanhPhanHoSo: 'TP2', TenThanhPhanHoSo: 'Bản sao', DuocSoHoa: '0' },
      { TepDinhKemId: 'x', TenTepDinhKem: 'x.pdf', MaThanhPhanHoSo: 'TP3', TenThanhPhanHoSo: 'Giấy tờ khác', DuocSoHoa: '1' },
    ]);
  });

  it('reports supplement requests after reception and reschedules in DanhSachHoSoBoSung, fees in DanhSachLePhi', () => {
    const d = dossierIn(4, { id: 'd1', supplementRequests: 1, reschedules: 1, appointmentAt: vn(2026, 11, 26, 17) });
    const events = [
      event('received', vn(2026, 11, 16, 9), { from: 5, to: 2, data: { appointmentAt: vn(2026, 11, 19, 17) } }),
      // At the counter check, before reception: not reported.
      event('supplementRequested', vn(2026, 11, 13, 9), { from: 0, to: 5, data: { missing: [{ name: 'Tờ khai' }] } }),
      event('rescheduled', vn(2026, 11, 20, 8), { reason: 'Chờ xác minh', data: { previousAppointmentAt: vn(2026, 11, 20, 17), appointmentAt: vn(2026, 11, 24, 17) } }),
      event('supplementRequested', vn(2026, 11, 17, 10), { from: 4, to: 5, reason: 'Trong 5 ngày', data: { missing: [{ name: 'Bản sao', reason: 'Mờ' }, { name: 'Ảnh' }] } }),
      event('supplemented', vn(2026, 11, 18, 10), { from: 5, to: 4, data: { pausedWorkingMs: 8 * 3_600_000, previousAppointmentAt: vn(2026, 11, 19, 17), appointmentAt: vn(2026, 11, 20, 17) } }),
      event('feeRequested', vn(2026, 11, 21, 9), { reason: 'Lệ phí', data: { amountVnd: 50_000 } }),
      event('supplementRequested', vn(2026, 11, 23, 9), { id: 'second', from: 4, to: 5, data: { missing: [{ name: 'Tờ khai' }] } }),
    ];
    const r = toDvcqg(d, events, []);
    expect(r.DanhSachHoSoBoSung).toEqual([
      {
        HoSoBoSungId: `supplementRequested-${vn(2026, 11, 17, 10)}`,
        LoaiBoSung: '1',
        NguoiYeuCauBoSung: 'officer.ha',
        NoiDungBoSung: 'Bản sao (Mờ); Ảnh. Trong 5 ngày',
        NgayYeuCauBoSung: '20261117100000',
        NgayBoSung: '20261117100000',
        NgayTiepNhanBoSung: '20261118100000',
        TrangThaiBoSung: '1',
        NgayHenTraTruoc: '20261119170000',
        NgayHenTraMoi: '20261120170000',
      },
      {
        HoSoBoSungId: `rescheduled-${vn(2026, 11, 20, 8)}`,
        LoaiBoSung: '2',
        NguoiYeuCauBoSung: 'officer.ha',
        NoiDungBoSung: 'Chờ xác minh',
        NgayYeuCauBoSung: '',
        NgayBoSung: '20261120080000',
        NgayTiepNhanBoSung: '',
        TrangThaiBoSung: '0',
        NgayHenTraTruoc: '20261120170000',
        NgayHenTraMoi: '20261124170000',
      },
      expect.objectContaining({ HoSoBoSungId: 'second', LoaiBoSung: '1', NgayYeuCauBoSung: '20261123090000', NgayTiepNhanBoSung: '', TrangThaiBoSung: '0', NgayHenTraTruoc: '20261124170000', NgayHenTraMoi: '' }),
    ]);
    expect(r.DanhSachLePhi).toEqual([{ TenPhiLePhi: 'Lệ phí', MaPhiLePhi: '', HinhThucThu: '', Gia: '50000', LoaiPhiLePhi: '' }]);
    // Another dossier's events are ignored.
    expect(toDvcqg(d, events.map((e) => ({ ...e, dossierId: 'd2' })), []).DanhSachHoSoBoSung).toEqual([]);
  });
});
