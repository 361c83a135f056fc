/**
 * The dossier record of the national portal's sync (`DongBoHoSoMC`, DOMAIN.md §4), as this app
 * writes it and as it reads it from any other system. Field names are the portal's; docs/dvcqg.md
 * gives every field's source and marks which names were seen in production and which are ours.
 *
 * Codes and flags are strings, as production systems send them ("2", "1"); dates are
 * `yyyyMMddHHmmss` in Vietnam time, `''` when absent (dates.ts).
 */
import { z } from 'zod';

/** One submitted document (thành phần hồ sơ), or one file of it. */
export interface DvcqgTaiLieuNop {
  /** File id in this app's vault; `''` when the component was handed in on paper only. */
  TepDinhKemId: string;
  /** File name; the component's name when there is no file. */
  TenTepDinhKem: string;
  /** Component id of the procedure (mã thành phần hồ sơ). */
  MaThanhPhanHoSo: string;
  /** [U] the component's name, so a reader needs no catalog. */
  TenThanhPhanHoSo: string;
  /** "1" when a scan of the component is attached, else "0". */
  DuocSoHoa: '0' | '1';
}

/** A fee or charge (phí, lệ phí) the applicant was asked to pay. */
export interface DvcqgLePhi {
  TenPhiLePhi: string;
  MaPhiLePhi: string;
  HinhThucThu: string;
  /** Amount in VND. */
  Gia: string;
  LoaiPhiLePhi: string;
}

/** [U] Kind of a DanhSachHoSoBoSung entry: a supplement request (form 02) or a reschedule (form 04). */
export const LOAI_BO_SUNG = { supplement: '1', reschedule: '2' } as const;
export type LoaiBoSung = (typeof LOAI_BO_SUNG)[keyof typeof LOAI_BO_SUNG];

/**
 * An entry of DanhSachHoSoBoSung: one request to supplement the dossier after reception, or one
 * rescheduled appointment (apology and new date). Dates `yyyyMMddHHmmss`.
 */
export interface DvcqgHoSoBoSung {
  /** Id of the event that made the entry. */
  HoSoBoSungId: string;
  /** [U] "1" supplement request, "2" reschedule. */
  LoaiBoSung: LoaiBoSung;
  /** Username of the clerk or officer who made the request or the reschedule. */
  NguoiYeuCauBoSung: string;
  /** What must be supplemented (or the reason for the delay). */
  NoiDungBoSung: string;
  /** [U] When the supplement was requested; `''` for a reschedule. */
  NgayYeuCauBoSung: string;
  /** When the entry was made (the request, or the reschedule): the production name. */
  NgayBoSung: string;
  /** When the supplement was received; `''` while waiting, and for a reschedule. */
  NgayTiepNhanBoSung: string;
  /** "1" once the supplement was received, "0" otherwise (reschedules: "0"). */
  TrangThaiBoSung: '0' | '1';
  /** Appointment before: before the supplement wait, or before the reschedule. */
  NgayHenTraTruoc: string;
  /** Appointment after: moved by the wait (`''` while waiting), or the new date of the reschedule. */
  NgayHenTraMoi: string;
}

/** A result document (giấy tờ kết quả). */
export interface DvcqgGiayToKetQua {
  TenGiayTo: string;
  MaThanhPhanHoSo: string;
  GiayToId: string;
  DuongDanTepTinKetQua: string;
}

/** One dossier as synced to the national portal. */
export interface DongBoHoSoMC {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  TenLinhVuc: string;
  ChuHoSo: string;
  /** "1" citizen (cá nhân), "2" organisation or business. */
  LoaiDoiTuong: '1' | '2';
  SoDienThoai: string;
  Email: string;
  TrichYeuHoSo: string;
  NgayTiepNhan: string;
  NgayHenTra: string;
  /** Status 1–10 (DOMAIN.md §4). */
  TrangThaiHoSo: string;
  NgayTra: string;
  /** How the result is returned: "0" at the counter, "1" by post, "2" electronically ([U]); `''` not yet returned. */
  HinhThuc: string;
  NgayKetThucXuLy: string;
  DonViXuLy: string;
  /** "1" in person, "2" online, "3" public postal service. */
  KenhThucHien: string;
  TaiLieuNop: DvcqgTaiLieuNop[];
  DanhSachLePhi: DvcqgLePhi[];
  DanhSachHoSoBoSung: DvcqgHoSoBoSung[];
  DanhSachGiayToKetQua: DvcqgGiayToKetQua[];
}

// ---- Reading (any system) ----

/** A code or text: other systems send "2" or 2 alike. null counts as absent. */
const text = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? '' : String(v)));
/** A flag: true, 1, "1", "true" (any case) are true; anything else false. */
const flag = z
  .union([z.boolean(), z.string(), z.number()])
  .nullish()
  .transform((v) => v === true || v === 1 || (typeof v === 'string' && (v.trim() === '1' || v.trim().toLowerCase() === 'true')));
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((v) => v ?? []);

/**
 * What `fromDvcqg` needs of a record from any system, tolerantly: numbers or strings, missing
 * optional arrays, extra fields ignored. Dates stay text here (checked by `fromDvcqgDate`).
 * fromDvcqg does the same checks by hand for speed; this schema documents them and serves tools
 * that want a parsed object.
 */
export const dvcqgRecordInputSchema = z.looseObject({
  MaHoSo: z.union([z.string().min(1), z.number()]).transform(String),
  MaTTHC: text,
  TenTTHC: text,
  NgayTiepNhan: z.union([z.string().min(1), z.number()]).transform(String),
  NgayHenTra: text,
  TrangThaiHoSo: z.union([z.string().min(1), z.number()]).transform(String),
  NgayTra: text,
  NgayKetThucXuLy: text,
  KenhThucHien: text,
  TaiLieuNop: list(z.looseObject({ DuocSoHoa: flag })),
  DanhSachHoSoBoSung: list(
    z.looseObject({
      LoaiBoSung: text,
      NgayYeuCauBoSung: text,
      NgayBoSung: text,
      NgayTiepNhanBoSung: text,
      NgayHenTraTruoc: text,
      NgayHenTraMoi: text,
    }),
  ),
});
export type DvcqgRecordInput = z.infer<typeof dvcqgRecordInputSchema>;
