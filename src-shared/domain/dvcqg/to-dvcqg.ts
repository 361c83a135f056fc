/**
 * Our dossier (with its events and file metadata) as a DVCQG `DongBoHoSoMC` record. Pure; the
 * mapping of every field is in docs/dvcqg.md. Only received dossiers (with a dossier code) are
 * exported: a dossier refused at the counter or withdrawn before reception never had a code and
 * the national portal has nothing to match it with.
 */
import type { DossierDoc, DossierEventDoc, FileMetaDoc, ReturnMethod } from '../../contract/documents';
import { toDvcqgDate } from './dates';
import { LOAI_BO_SUNG, type DongBoHoSoMC, type DvcqgHoSoBoSung, type DvcqgLePhi, type DvcqgTaiLieuNop } from './types';

/** Whether the dossier belongs in a DVCQG export: it was validly received (it has a code). */
export function isExportable(d: Pick<DossierDoc, 'code' | 'receivedAt'>): boolean {
  return d.code !== '' && d.receivedAt > 0;
}

const RETURN_FORM: Readonly<Record<ReturnMethod, string>> = { inPerson: '0', postal: '1', electronic: '2' };

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Events in the order they happened (a stable sort: equal times keep the order given). */
function chronological(events: readonly DossierEventDoc[]): DossierEventDoc[] {
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i).map((x) => x.e);
}

/** What a supplement request asked for: the missing items, then the clerk's note. */
function requestContent(e: DossierEventDoc): string {
  const missing = Array.isArray(e.data.missing) ? (e.data.missing as unknown[]) : [];
  const items = missing
    .map((m) => {
      const item = (m ?? {}) as { name?: unknown; reason?: unknown };
      const name = typeof item.name === 'string' ? item.name : '';
      const why = typeof item.reason === 'string' && item.reason ? ` (${item.reason})` : '';
      return name ? `${name}${why}` : '';
    })
    .filter(Boolean)
    .join('; ');
  return [items, e.reason].filter(Boolean).join('. ');
}

/** The appointment as given at reception; when that event is missing, the earliest one any later event recorded. */
function initialAppointment(d: DossierDoc, events: readonly DossierEventDoc[]): number {
  for (const e of events) {
    if (e.type === 'received') return num(e.data.appointmentAt);
    if (e.type === 'supplemented' || e.type === 'rescheduled') return num(e.data.previousAppointmentAt);
  }
  return d.appointmentAt;
}

/**
 * DanhSachHoSoBoSung: one entry per supplement request made after reception (paired with the
 * supplement that answered it) and one per reschedule, in the order they were made.
 */
export function supplementEntries(d: DossierDoc, events: readonly DossierEventDoc[]): DvcqgHoSoBoSung[] {
  const ordered = chronological(events);
  const entries: DvcqgHoSoBoSung[] = [];
  let appointment = initialAppointment(d, ordered);
  let open: DvcqgHoSoBoSung | null = null;
  for (const e of ordered) {
    switch (e.type) {
      case 'supplementRequested': {
        // A request at the counter check (before reception, from 0) pauses no clock and is not reported.
        if (e.from === 0) break;
        const at = toDvcqgDate(e.at);
        open = {
          HoSoBoSungId: e.id,
          LoaiBoSung: LOAI_BO_SUNG.supplement,
          NguoiYeuCauBoSung: e.by,
          NoiDungBoSung: requestContent(e),
          NgayYeuCauBoSung: at,
          NgayBoSung: at,
          NgayTiepNhanBoSung: '',
          TrangThaiBoSung: '0',
          NgayHenTraTruoc: toDvcqgDate(appointment),
          NgayHenTraMoi: '',
        };
        entries.push(open);
        break;
      }
      case 'supplemented': {
        appointment = num(e.data.appointmentAt);
        if (open) {
          open.NgayTiepNhanBoSung = toDvcqgDate(e.at);
          open.TrangThaiBoSung = '1';
          open.NgayHenTraMoi = toDvcqgDate(appointment);
          open = null;
        }
        break;
      }
      case 'rescheduled': {
        appointment = num(e.data.appointmentAt);
        entries.push({
          HoSoBoSungId: e.id,
          LoaiBoSung: LOAI_BO_SUNG.reschedule,
          NguoiYeuCauBoSung: e.by,
          NoiDungBoSung: e.reason,
          NgayYeuCauBoSung: '',
          NgayBoSung: toDvcqgDate(e.at),
          NgayTiepNhanBoSung: '',
          TrangThaiBoSung: '0',
          NgayHenTraTruoc: toDvcqgDate(num(e.data.previousAppointmentAt)),
          NgayHenTraMoi: toDvcqgDate(appointment),
        });
        break;
      }
      default:
        break;
    }
  }
  return entries;
}

/**
 * TaiLieuNop: one entry per component handed in, one per file when it has several scans
 * (DuocSoHoa "1"), or one without a file (DuocSoHoa "0"). Files attached to a component that was
 * not handed in (or not in the checklist) are listed too, after the checklist, so every scan is
 * reported and a dossier is digitised exactly when isDigitised (indicators/from-dossier.ts) says so.
 */
export function submittedDocuments(d: DossierDoc, files: readonly FileMetaDoc[]): DvcqgTaiLieuNop[] {
  const byComponent = new Map<string, FileMetaDoc[]>();
  for (const f of [...files].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const list = byComponent.get(f.componentId);
    if (list) list.push(f);
    else byComponent.set(f.componentId, [f]);
  }
  const names = new Map(d.components.map((c) => [c.id, c.name]));
  const entry = (f: FileMetaDoc): DvcqgTaiLieuNop => ({
    TepDinhKemId: f.id,
    TenTepDinhKem: f.name,
    MaThanhPhanHoSo: f.componentId,
    TenThanhPhanHoSo: names.get(f.componentId) ?? '',
    DuocSoHoa: '1',
  });
  const out: DvcqgTaiLieuNop[] = [];
  for (const c of d.components) {
    if (c.submitted <= 0) continue;
    const scans = byComponent.get(c.id);
    byComponent.delete(c.id);
    if (scans) out.push(...scans.map(entry));
    else out.push({ TepDinhKemId: '', TenTepDinhKem: c.name, MaThanhPhanHoSo: c.id, TenThanhPhanHoSo: c.name, DuocSoHoa: '0' });
  }
  for (const rest of byComponent.values()) out.push(...rest.map(entry));
  return out;
}

/** DanhSachLePhi: the fees the applicant was asked to pay (feeRequested events). */
function fees(events: readonly DossierEventDoc[]): DvcqgLePhi[] {
  return chronological(events)
    .filter((e) => e.type === 'feeRequested')
    .map((e) => ({ TenPhiLePhi: e.reason, MaPhiLePhi: '', HinhThucThu: '', Gia: String(num(e.data.amountVnd)), LoaiPhiLePhi: '' }));
}

/**
 * The DVCQG record of a received dossier. `events` and `files` are the dossier's own (others are
 * ignored). Throws for a dossier that was never received (see isExportable).
 */
export function toDvcqg(d: DossierDoc, events: readonly DossierEventDoc[], files: readonly FileMetaDoc[]): DongBoHoSoMC {
  if (!isExportable(d)) throw new Error(`Dossier ${d.id} was never received (no dossier code): it is not exported to DVCQG`);
  const own = events.filter((e) => e.dossierId === d.id);
  return {
    MaHoSo: d.code,
    MaTTHC: d.procedureCode,
    TenTTHC: d.procedureName,
    MaLinhVuc: '',
    TenLinhVuc: d.procedureField,
    ChuHoSo: d.applicant.name,
    LoaiDoiTuong: d.applicant.kind === 'organisation' ? '2' : '1',
    SoDienThoai: d.applicant.phone,
    Email: d.applicant.email,
    TrichYeuHoSo: d.procedureName,
    NgayTiepNhan: toDvcqgDate(d.receivedAt),
    NgayHenTra: toDvcqgDate(d.appointmentAt),
    TrangThaiHoSo: String(d.status),
    NgayTra: toDvcqgDate(d.returnedAt),
    HinhThuc: d.returnMethod ? RETURN_FORM[d.returnMethod] : '',
    NgayKetThucXuLy: toDvcqgDate(d.finishedAt),
    DonViXuLy: d.processingBody,
    KenhThucHien: String(d.channel),
    TaiLieuNop: submittedDocuments(d, files.filter((f) => f.dossierId === d.id)),
    DanhSachLePhi: fees(own),
    DanhSachHoSoBoSung: supplementEntries(d, own),
    DanhSachGiayToKetQua: [],
  };
}
