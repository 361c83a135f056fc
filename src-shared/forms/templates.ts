/**
 * Versioned templates of the printed forms (DOMAIN.md §1). Form numbers, titles, legal citations and
 * the fixed sentences belong here, never in the builders, because they change with the regulation.
 *
 * Certainty (DOMAIN.md tags):
 * - Regime '2018': Decree 61/2018/NĐ-CP [V]; Circular 01/2018/TT-VPCP of 23/11/2018 [M], 6 forms [M].
 * - Regime '2025': Decree 118/2025/NĐ-CP (09/06/2025, in force 01/07/2025) [V]. The guiding circular is
 *   REPORTED as Circular 03/2025/TT-VPCP with 7 forms [U]: its number, date, form numbering, titles
 *   and wording are not verified against the published text. Re-check and add a new template
 *   version ('2025.2' …) rather than editing '2025.1' in place once a printed form has used it.
 * See docs/forms.md for how to add a template version.
 */

export const FORM_REGIMES = ['2025', '2018'] as const;
export type FormRegime = (typeof FORM_REGIMES)[number];

export const FORM_KINDS = ['receipt', 'supplementRequest', 'refusal', 'apology', 'stopNotice', 'controlSlip', 'ledger'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export interface SignatureSpec {
  /** Upper-case role, e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ". */
  title: string;
  /** Italic line under it, e.g. "(Ký và ghi rõ họ tên)". */
  note: string;
}

/** Fixed sentences of a template; builders never hard-code wording that a regulation sets. */
export interface TemplatePhrases {
  /** Name of the reception unit as the regime calls it. */
  receptionUnit: string;
  /** Form 02: the "request everything once" rule. */
  oneTimeRule: string;
  /** Form 02: closing sentence before the contact. */
  supplementContact: string;
  /** Form 03: sentence before the reasons. */
  refusalIntro: string;
  /** Form 04: apology sentence (before the new appointment). */
  apology: string;
  /** Form 05: closing sentence. */
  stopClosing: string;
}

export interface FormTemplate {
  regime: FormRegime;
  kind: FormKind;
  /** Template version id, `<regime>.<n>`, printed in the footer and the PDF keywords. */
  version: string;
  /** Form number within the regime, e.g. '01'. */
  number: string;
  /** "Mẫu số 01". */
  label: string;
  title: string;
  /** Legal citation line printed under the form label. */
  citation: string;
  orientation: 'portrait' | 'landscape';
  /** Signature blocks, left to right. */
  signatures: readonly SignatureSpec[];
  /** Fixed sentences of this version. */
  phrases: TemplatePhrases;
  /** True when the template's wording or numbering is not verified against the published text. */
  uncertain: boolean;
}

export interface RegimeInfo {
  regime: FormRegime;
  decree: string;
  circular: string;
  circularUncertain: boolean;
  /** `yyyy-MM-dd` (Vietnam) from which the regime applies. */
  effectiveFrom: string;
}

const SIGN = '(Ký và ghi rõ họ tên)';
const SIGN_SEAL = '(Ký, ghi rõ họ tên và đóng dấu)';
const APPLICANT: SignatureSpec = { title: 'NGƯỜI NỘP HỒ SƠ', note: SIGN };
const RECEIVER: SignatureSpec = { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: SIGN };
const GUIDE: SignatureSpec = { title: 'NGƯỜI HƯỚNG DẪN', note: SIGN };
const HEAD: SignatureSpec = { title: 'THỦ TRƯỞNG CƠ QUAN', note: SIGN_SEAL };

export const REGIMES: Readonly<Record<FormRegime, RegimeInfo>> = {
  '2025': {
    regime: '2025',
    decree: 'Nghị định số 118/2025/NĐ-CP',
    // [U] reported number; not verified against the published circular.
    circular: 'Thông tư số 03/2025/TT-VPCP',
    circularUncertain: true,
    effectiveFrom: '2025-07-01',
  },
  '2018': {
    regime: '2018',
    decree: 'Nghị định số 61/2018/NĐ-CP',
    circular: 'Thông tư số 01/2018/TT-VPCP',
    circularUncertain: false,
    effectiveFrom: '2018-06-21',
  },
};

const PHRASES_2025_1: TemplatePhrases = {
  receptionUnit: 'Bộ phận Một cửa',
  oneTimeRule:
    'Bộ phận Một cửa hướng dẫn đầy đủ các nội dung cần bổ sung, hoàn thiện trong một lần; hồ sơ sẽ được tiếp nhận khi đã bổ sung, hoàn thiện đủ các nội dung nêu trên.',
  supplementContact: 'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ',
  refusalIntro: 'Qua xem xét, Bộ phận Một cửa thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
  apology:
    'Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi thành thật xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ; thời gian trả kết quả mới:',
  stopClosing: 'Xin thông báo để Ông/Bà được biết.',
};

const PHRASES_2018_1: TemplatePhrases = {
  receptionUnit: 'Bộ phận tiếp nhận và trả kết quả',
  oneTimeRule:
    'Bộ phận tiếp nhận và trả kết quả hướng dẫn đầy đủ, một lần các nội dung cần bổ sung, hoàn thiện; hồ sơ sẽ được tiếp nhận khi đã bổ sung, hoàn thiện đủ các nội dung nêu trên.',
  supplementContact: 'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ',
  refusalIntro:
    'Qua xem xét, Bộ phận tiếp nhận và trả kết quả thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
  apology:
    'Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại cho Ông/Bà. Chúng tôi thành thật xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả:',
  stopClosing: 'Xin thông báo để Ông/Bà được biết.',
};

const CITATION_2025 = 'Kèm theo Thông tư số 03/2025/TT-VPCP hướng dẫn Nghị định số 118/2025/NĐ-CP';
const CITATION_2018 = 'Ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ';

type Spec = Omit<FormTemplate, 'regime' | 'version' | 'label' | 'citation' | 'phrases' | 'uncertain'>;

interface VersionSpec {
  regime: FormRegime;
  version: string;
  citation: string;
  phrases: TemplatePhrases;
  uncertain: boolean;
}

function versioned(v: VersionSpec, specs: Spec[]): FormTemplate[] {
  return specs.map((s) => ({ ...s, ...v, label: `Mẫu số ${s.number}` }));
}

const TITLE = {
  receipt: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  supplementRequest: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  refusal: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  controlSlip: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  ledger: 'SỔ THEO DÕI HỒ SƠ',
} as const;

/**
 * Every template version ever shipped, oldest first within a regime. Never edit a version that
 * has been printed: append a new one (see docs/forms.md).
 */
export const TEMPLATES: readonly FormTemplate[] = [
  // [U] the 2025 circular is reported, not verified: numbering, titles and citation may change.
  ...versioned({ regime: '2025', version: '2025.1', citation: CITATION_2025, phrases: PHRASES_2025_1, uncertain: true }, [
    { kind: 'receipt', number: '01', title: TITLE.receipt, orientation: 'portrait', signatures: [APPLICANT, RECEIVER] },
    { kind: 'supplementRequest', number: '02', title: TITLE.supplementRequest, orientation: 'portrait', signatures: [APPLICANT, GUIDE] },
    { kind: 'refusal', number: '03', title: TITLE.refusal, orientation: 'portrait', signatures: [APPLICANT, RECEIVER] },
    {
      kind: 'apology',
      number: '04',
      title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
      orientation: 'portrait',
      signatures: [HEAD],
    },
    { kind: 'stopNotice', number: '05', title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', orientation: 'portrait', signatures: [HEAD] },
    { kind: 'controlSlip', number: '06', title: TITLE.controlSlip, orientation: 'portrait', signatures: [] },
    { kind: 'ledger', number: '07', title: TITLE.ledger, orientation: 'landscape', signatures: [] },
  ]),
  // [M] numbers and titles as commonly quoted; the fixed sentences are paraphrases (docs/forms.md).
  ...versioned({ regime: '2018', version: '2018.1', citation: CITATION_2018, phrases: PHRASES_2018_1, uncertain: false }, [
    { kind: 'receipt', number: '01', title: TITLE.receipt, orientation: 'portrait', signatures: [APPLICANT, RECEIVER] },
    { kind: 'supplementRequest', number: '02', title: TITLE.supplementRequest, orientation: 'portrait', signatures: [APPLICANT, GUIDE] },
    { kind: 'refusal', number: '03', title: TITLE.refusal, orientation: 'portrait', signatures: [APPLICANT, RECEIVER] },
    { kind: 'apology', number: '04', title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', orientation: 'portrait', signatures: [HEAD] },
    { kind: 'controlSlip', number: '05', title: TITLE.controlSlip, orientation: 'portrait', signatures: [] },
    { kind: 'ledger', number: '06', title: TITLE.ledger, orientation: 'landscape', signatures: [] },
  ]),
];

export class FormTemplateError extends Error {
  override name = 'FormTemplateError';
}

const KIND_VI: Readonly<Record<FormKind, string>> = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  supplementRequest: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  apology: 'Phiếu xin lỗi',
  stopNotice: 'Thông báo dừng giải quyết hồ sơ',
  controlSlip: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  ledger: 'Sổ theo dõi hồ sơ',
};

/**
 * The template of `kind` under `regime`: the given version, else the newest. Throws a
 * FormTemplateError (Vietnamese and English message) when the regime has no such form — e.g. the
 * stop notice, which only the 2025 regime has.
 */
export function formTemplate(regime: FormRegime, kind: FormKind, version?: string): FormTemplate {
  if (!FORM_REGIMES.includes(regime)) throw new FormTemplateError(`Unknown form regime '${String(regime)}'`);
  const candidates = TEMPLATES.filter((t) => t.regime === regime && t.kind === kind);
  if (candidates.length === 0) {
    throw new FormTemplateError(
      `Chế độ biểu mẫu ${regime} không có mẫu "${KIND_VI[kind]}" / ` +
        `The ${regime} form regime (${REGIMES[regime].circular}) has no '${kind}' form` +
        (kind === 'stopNotice' ? ': the stop notice exists only in the 2025 regime' : ''),
    );
  }
  if (version === undefined) return candidates[candidates.length - 1] as FormTemplate;
  const found = candidates.find((t) => t.version === version);
  if (!found) throw new FormTemplateError(`No template version '${version}' of '${kind}' in regime ${regime}`);
  return found;
}

/** Kinds of form available under a regime. */
export function formKinds(regime: FormRegime): FormKind[] {
  return FORM_KINDS.filter((k) => TEMPLATES.some((t) => t.regime === regime && t.kind === k));
}

/** The regime in force on a Vietnam calendar day (`yyyy-MM-dd`). */
export function regimeOn(day: string): FormRegime {
  return day >= REGIMES['2025'].effectiveFrom ? '2025' : '2018';
}
