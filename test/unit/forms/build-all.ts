/** Builds every form once for the tests, timing each build. */
import {
  buildApology,
  buildControlSlip,
  buildLedger,
  buildReceipt,
  buildRefusal,
  buildStopNotice,
  buildSupplementRequest,
  type FormBaseInput,
  type FormRegime,
} from '../../../src-shared/forms';
import { AGENCY, APPOINTMENT_AT, PRINTED_AT, USER_NAMES, dossier, events, loadFonts, vn } from './fixtures';
import { writePdf } from './pdf-tools';

export const FONTS = loadFonts();

export function base(regime: FormRegime): FormBaseInput {
  return { regime, fonts: FONTS, agency: AGENCY, printedAt: PRINTED_AT, clerkName: 'Trần Quốc Việt' };
}

export async function timed<T>(label: string, build: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await build();
  console.log(`[forms] ${label}: ${(performance.now() - t0).toFixed(0)} ms`);
  return out;
}

export const SUPPLEMENT_ITEMS = [
  { name: 'Giấy khai sinh của người được đăng ký', reason: 'Bản sao chưa được chứng thực' },
  { name: 'Tờ khai đăng ký (theo mẫu)', reason: 'Chưa ghi rõ nơi cư trú hiện tại, chưa ký tên' },
];
export const REFUSAL_REASONS = [
  'Thủ tục hành chính không thuộc thẩm quyền giải quyết của cơ quan.',
  'Hồ sơ đã được giải quyết theo quy định; không có căn cứ giải quyết lại.',
];
export const NEW_APPOINTMENT_AT = vn('2026-12-11T16:30');
export const DELAY_REASON = 'Cần xác minh thông tin tại Ủy ban nhân dân phường Điện Biên';
export const STOP_REASON = 'Người nộp hồ sơ đề nghị dừng giải quyết bằng văn bản';

/** Every form of a regime, as PDF files in the temp dir (name → path). */
export async function buildAll(regime: FormRegime): Promise<Record<string, string>> {
  const b = base(regime);
  const d = dossier();
  const files: Record<string, string> = {};
  const put = async (name: string, build: () => Promise<Uint8Array>) => {
    files[name] = writePdf(`${regime}-${name}`, await timed(`${regime} ${name}`, build));
  };
  await put('receipt', () => buildReceipt({ ...b, dossier: d, fee: { amountVnd: 50000 } }));
  await put('supplement', () => buildSupplementRequest({ ...b, dossier: dossier({ code: '', status: 5 }), items: SUPPLEMENT_ITEMS }));
  await put('refusal', () => buildRefusal({ ...b, dossier: dossier({ code: '', status: 3 }), reasons: REFUSAL_REASONS }));
  await put('apology', () =>
    buildApology({ ...b, dossier: d, reason: DELAY_REASON, previousAppointmentAt: APPOINTMENT_AT, newAppointmentAt: NEW_APPOINTMENT_AT, signer: { title: 'GIÁM ĐỐC', name: 'Lê Văn Hùng' } }),
  );
  if (regime === '2025') await put('stop', () => buildStopNotice({ ...b, dossier: dossier({ status: 8 }), reason: STOP_REASON }));
  await put('slip', () => buildControlSlip({ ...b, dossier: d, events: events(d), userNames: USER_NAMES }));
  await put('ledger', () => buildLedger({ ...b, volume: '03', from: '2026-11-01', to: '2026-11-30', dossiers: [d] }));
  return files;
}
