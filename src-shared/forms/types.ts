/**
 * Inputs of the form builders. Everything a form prints comes in here: the builders read no clock,
 * no time zone, no file and no global state, so the same input always gives the same bytes.
 */
import type { DossierDoc, DossierEventDoc } from '../contract/documents';
import type { FormRegime } from './templates';

/** TrueType bytes of the three faces (DejaVu Serif in resources/fonts); embedded as subsets. */
export interface FormFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
}

export interface FormAgency {
  /** Governing body (cơ quan chủ quản), e.g. "UBND TỈNH THANH HÓA"; printed upper-case. */
  parentName: string;
  /** The agency (cơ quan, đơn vị), e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH"; printed upper-case, bold, underlined. */
  name: string;
  address: string;
  /** Hotline / contact phone. */
  phone?: string;
  /** Place name of the date line (địa danh), e.g. "Thanh Hóa". */
  place?: string;
  /** Lookup address for the receipt's QR code; `{code}` is replaced by the dossier code. */
  lookupUrlTemplate?: string;
}

/** Fields every form shares. */
export interface FormBaseInput {
  regime: FormRegime;
  fonts: FormFonts;
  agency: FormAgency;
  /** Instant of printing (epoch ms): the PDF's creation and modification dates. */
  printedAt: number;
  /** The clerk printing the form (signs as receiver / guide). */
  clerkName: string;
  /** A specific template version (e.g. '2025.1'); default: the newest of the regime. */
  templateVersion?: string;
}

/** Forms about one dossier. */
export interface DossierFormInput extends FormBaseInput {
  dossier: DossierDoc;
  /**
   * Date printed on the document's date line. Default: the reception time for the receipt,
   * `printedAt` for the others.
   */
  issuedAt?: number;
}

export interface ReceiptInput extends DossierFormInput {
  /** Fee of the procedure (catalog `Procedure.fee`); omitted: the fee line is not printed. */
  fee?: { amountVnd: number; note?: string };
  /** Where to collect the result; default: by return method, else the agency and its address. */
  collectAt?: string;
}

/** One thing to supplement or complete (same shape as the lifecycle's MissingItem). */
export interface SupplementItem {
  name: string;
  reason: string;
}

export interface SupplementRequestInput extends DossierFormInput {
  items: SupplementItem[];
  /** Whom to contact with questions; default: the clerk and the agency phone. */
  contact?: string;
}

export interface RefusalInput extends DossierFormInput {
  reasons: string[];
}

/** Who signs for the agency (forms 04, 05). */
export interface FormSigner {
  /** Upper-case title, e.g. "GIÁM ĐỐC"; default: the template's ("THỦ TRƯỞNG CƠ QUAN"). */
  title?: string;
  name?: string;
}

export interface ApologyInput extends DossierFormInput {
  /** Reason for the delay. */
  reason: string;
  previousAppointmentAt: number;
  newAppointmentAt: number;
  signer?: FormSigner;
}

export interface StopNoticeInput extends DossierFormInput {
  reason: string;
  signer?: FormSigner;
}

export type StepResult = 'early' | 'onTime' | 'late';

export interface ControlSlipInput extends DossierFormInput {
  /** The dossier's events (others are ignored); printed in time order. */
  events: DossierEventDoc[];
  /** Display names of the `by` user ids. */
  userNames?: Record<string, string>;
  /**
   * Result per event id where the caller knows it. Otherwise `data.timeliness` of the event, and for
   * the end of processing (result received, returned) the comparison with the appointment.
   */
  stepResults?: Record<string, StepResult>;
}

export interface LedgerInput extends FormBaseInput {
  /** Volume (quyển số) of the ledger. */
  volume: string;
  /** Period covered, `yyyy-MM-dd` (Vietnam days), both included. */
  from: string;
  to: string;
  /** Entries, printed in ledger order (ledgerNumber, then reception time). */
  dossiers: DossierDoc[];
}
