/**
 * A DVCQG `DongBoHoSoMC` record, from this app or any other system, as an indicator record, so the
 * CLI computes the indicators of a file with the same `computeIndicators` as the dashboard and the
 * portal. Tolerant of what other systems send: codes as numbers or strings ("2" or 2), flags as
 * true / 1 / "1" / "true", missing optional arrays, null for absent, extra fields ignored. A record
 * without MaHoSo, NgayTiepNhan or TrangThaiHoSo, or with a malformed date, is refused with its
 * index and the field. The mapping is in docs/dvcqg.md.
 *
 * Checked by hand rather than with dvcqgRecordInputSchema (types.ts): a province's file holds
 * hundreds of thousands of records and this runs once per record.
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import { CHANNEL, type Channel, type DossierStatus } from '../dossier-status';
import type { IndicatorRecord } from '../indicators/record';
import { workingClock, type WorkingClock } from '../indicators/working-clock';
import { fromDvcqgDate } from './dates';
import { LOAI_BO_SUNG } from './types';

/** A record that cannot be read: which one (index in the array, from 0) and which field. */
export class DvcqgRecordError extends Error {
  override name = 'DvcqgRecordError';
  constructor(
    readonly index: number,
    readonly field: string,
    problem: string,
    readonly code = '',
  ) {
    super(`record [${index}]${code ? ` (MaHoSo ${code})` : ''}: ${field} ${problem}`);
  }
}

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const quote = (v: unknown) => JSON.stringify(v)?.slice(0, 60) ?? String(v);

/**
 * Reads the fields of one record at a time (`start` names the next), naming the record and the field
 * in every error. One reader serves a whole file: nothing is allocated per record but the result,
 * and a nested field's path (`DanhSachHoSoBoSung[3].NgayBoSung`) is only spelled out for an error.
 */
class FieldReader {
  index = 0;
  code = '';

  start(index: number): void {
    this.index = index;
    this.code = '';
  }

  fail(field: string, problem: string, list?: string, item?: number): never {
    throw new DvcqgRecordError(this.index, list === undefined ? field : `${list}[${item}].${field}`, problem, this.code);
  }

  /** Text or a number as text; null/undefined → ''. */
  text(o: Obj, key: string, list?: string, item?: number): string {
    const v = o[key];
    if (typeof v === 'string') return v;
    if (v === undefined || v === null) return '';
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return this.fail(key, `must be text, not ${quote(v)}`, list, item);
  }

  required(o: Obj, key: string): string {
    const v = this.text(o, key).trim();
    if (v === '') this.fail(key, 'is missing');
    return v;
  }

  /** Epoch ms of a `yyyyMMddHHmmss` date; 0 when absent. */
  date(o: Obj, key: string, list?: string, item?: number): number {
    const v = o[key];
    // The common case first: a well-formed date string.
    const ms = fromDvcqgDate(typeof v === 'string' && v.length === 14 ? v : this.text(o, key, list, item).trim());
    if (ms === undefined) this.fail(key, `${quote(v)} is not a date yyyyMMddHHmmss`, list, item);
    return ms;
  }

  /** A whole-number code within [min, max] (1–3 digits, or a number); `fallback` when absent. */
  codeNumber(o: Obj, key: string, min: number, max: number, fallback?: number): number {
    const v = o[key];
    let n = NaN;
    if (typeof v === 'number') n = Number.isInteger(v) ? v : NaN;
    else {
      const t = this.text(o, key).trim();
      if (t === '' && fallback !== undefined) return fallback;
      if (t.length >= 1 && t.length <= 3) {
        n = 0;
        for (let i = 0; i < t.length; i++) {
          const d = t.charCodeAt(i) - 48;
          n = d >= 0 && d <= 9 ? n * 10 + d : NaN;
        }
      }
    }
    if (!(n >= min && n <= max)) this.fail(key, `${quote(v)} is not a code ${min}–${max}`);
    return n;
  }

  /** An optional array of objects ([] when absent). */
  list(o: Obj, key: string): Obj[] {
    const v = o[key];
    if (v === undefined || v === null) return NONE;
    if (!Array.isArray(v)) return this.fail(key, 'must be an array');
    for (let i = 0; i < v.length; i++) if (!isObject(v[i])) this.fail(`${key}[${i}]`, 'must be an object');
    return v as Obj[];
  }
}

const NONE: Obj[] = [];

/** true, 1, "1", "true" (any case, spaces ignored). */
export function dvcqgFlag(v: unknown): boolean {
  if (v === true || v === 1 || v === '1') return true;
  if (typeof v !== 'string' || v === '0') return false;
  const t = v.trim().toLowerCase();
  return t === '1' || t === 'true';
}

const AGENCY_LIKE = /^[0-9A-Za-z]{1,6}(\.[0-9A-Za-z]{1,6}){1,5}$/;
/** Prefixes already judged: a file holds few agencies and many dossiers. */
const agencyLike = new Map<string, boolean>();
/** The last agency found, checked first (consecutive records are usually of one agency). */
let lastAgency = '\u0000';

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return false;
  }
  return true;
}

/**
 * The agency of a dossier code `<agency>-<yyMMdd or yyyyMMdd>-<sequence>`: the part before the
 * first '-' when it looks like a dotted agency identifier (000.17.22.H56) and a date follows; else ''.
 */
export function agencyOfCode(code: string): string {
  const dash = code.indexOf('-');
  if (dash <= 0) return '';
  const next = code.indexOf('-', dash + 1);
  const dateEnd = next < 0 ? code.length : next;
  const dateLength = dateEnd - dash - 1;
  if ((dateLength !== 6 && dateLength !== 8) || !isDigits(code, dash + 1, dateEnd)) return '';
  if (dash === lastAgency.length && code.startsWith(lastAgency)) return lastAgency;
  const agency = code.slice(0, dash);
  let ok = agencyLike.get(agency);
  if (ok === undefined) {
    ok = AGENCY_LIKE.test(agency);
    if (agencyLike.size < 10_000) agencyLike.set(agency, ok);
  }
  if (!ok) return '';
  lastAgency = agency;
  return agency;
}

interface Supplement {
  requestAt: number;
  /** 0 while waiting. */
  receivedAt: number;
}

interface Reschedule {
  /** When it was made (NgayBoSung); 0 when the other system did not say. */
  at: number;
  before: number;
}

/** Reads one record; `index` (its place in the file) names it in errors. */
export function fromDvcqg(raw: unknown, calendar: WorkingCalendar, index = 0): IndicatorRecord {
  const reader = new FieldReader();
  reader.start(index);
  return readRecord(raw, workingClock(calendar), reader);
}

const SUPPLEMENTS = 'DanhSachHoSoBoSung';
const NO_SUPPLEMENTS: Supplement[] = [];
const NO_RESCHEDULES: Reschedule[] = [];

function readRecord(raw: unknown, clock: WorkingClock, r: FieldReader): IndicatorRecord {
  if (!isObject(raw)) r.fail('(record)', `must be an object, not ${quote(raw)}`);
  const code = r.required(raw, 'MaHoSo');
  r.code = code;
  if (r.text(raw, 'NgayTiepNhan').trim() === '') r.fail('NgayTiepNhan', 'is missing');
  const receivedAt = r.date(raw, 'NgayTiepNhan');
  if (r.text(raw, 'TrangThaiHoSo').trim() === '') r.fail('TrangThaiHoSo', 'is missing');
  const status = r.codeNumber(raw, 'TrangThaiHoSo', 1, 10) as DossierStatus;
  const channel = r.codeNumber(raw, 'KenhThucHien', 1, 3, CHANNEL.inPerson) as Channel;
  const appointment = r.date(raw, 'NgayHenTra');
  const finishedAt = r.date(raw, 'NgayKetThucXuLy') || r.date(raw, 'NgayTra');

  const documents = r.list(raw, 'TaiLieuNop');
  let digitised = documents.length > 0;
  for (let i = 0; i < documents.length && digitised; i++) digitised = dvcqgFlag(documents[i]!.DuocSoHoa);

  const entries = r.list(raw, SUPPLEMENTS);
  // Most records have no entry: share the empty lists rather than allocate two per record.
  const supplements: Supplement[] = entries.length ? [] : NO_SUPPLEMENTS;
  const reschedules: Reschedule[] = entries.length ? [] : NO_RESCHEDULES;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const kind = r.text(e, 'LoaiBoSung', SUPPLEMENTS, i).trim();
    const requested = r.date(e, 'NgayYeuCauBoSung', SUPPLEMENTS, i);
    const made = r.date(e, 'NgayBoSung', SUPPLEMENTS, i);
    const received = r.date(e, 'NgayTiepNhanBoSung', SUPPLEMENTS, i);
    const before = r.date(e, 'NgayHenTraTruoc', SUPPLEMENTS, i);
    const after = r.date(e, 'NgayHenTraMoi', SUPPLEMENTS, i);
    // Other systems do not say which kind an entry is: a supplement has a request or receipt
    // date; an entry that only moves the appointment later is a reschedule.
    const isReschedule =
      kind === LOAI_BO_SUNG.reschedule || (kind !== LOAI_BO_SUNG.supplement && !requested && !received && before > 0 && after > before);
    if (isReschedule) {
      reschedules.push({ at: made, before });
      continue;
    }
    const requestAt = requested || made;
    if (!requestAt) r.fail('NgayYeuCauBoSung', 'is missing (neither NgayYeuCauBoSung nor NgayBoSung says when the supplement was requested)', SUPPLEMENTS, i);
    supplements.push({ requestAt, receivedAt: received });
  }

  let supplementWaitMs = 0;
  let pausedSince = 0;
  for (const s of supplements) {
    if (s.receivedAt > 0) supplementWaitMs += clock.between(s.requestAt, s.receivedAt);
    // A wait still open on a finished (stopped, withdrawn) dossier ended with it: no clock is paused.
    else if (finishedAt === 0 && s.requestAt > pausedSince) pausedSince = s.requestAt;
  }

  return {
    id: code,
    code,
    agencyId: agencyOfCode(code),
    procedureCode: r.text(raw, 'MaTTHC').trim(),
    procedureName: r.text(raw, 'TenTTHC').trim(),
    counter: '',
    clerk: '',
    channel,
    status,
    receivedAt,
    dueAt: deadline(appointment, supplements, reschedules, clock),
    pausedSince,
    supplementWaitMs,
    finishedAt,
    supplementRequests: supplements.length,
    reschedules: reschedules.length,
    digitised,
    synced: null,
  };
}

/**
 * The deadline for the on-time rule (indicators/record.ts): the appointment before the first
 * reschedule, moved by every supplement wait completed after that reschedule (waits completed
 * before it are already in that date); without a reschedule, NgayHenTra.
 */
function deadline(appointment: number, supplements: readonly Supplement[], reschedules: readonly Reschedule[], clock: WorkingClock): number {
  // The earliest by date; entries without a date (another system's) count in their list order.
  let first: Reschedule | undefined;
  for (const x of reschedules) {
    if (x.before <= 0) continue;
    if (!first || (x.at > 0 && (first.at === 0 || x.at < first.at))) first = x;
  }
  if (!first) return appointment;
  if (first.at === 0) return first.before;
  let laterWaitMs = 0;
  for (const s of supplements) if (s.receivedAt > first.at) laterWaitMs += clock.between(s.requestAt, s.receivedAt);
  return laterWaitMs > 0 ? clock.advance(first.before, laterWaitMs) : first.before;
}

/** Every record of a parsed DVCQG file (a JSON array); throws DvcqgRecordError naming the first bad one. */
export function fromDvcqgArray(rows: unknown, calendar: WorkingCalendar): IndicatorRecord[] {
  if (!Array.isArray(rows)) throw new TypeError(`A DVCQG file holds a JSON array of DongBoHoSoMC records, not ${rows === null ? 'null' : typeof rows}`);
  const clock = workingClock(calendar);
  const reader = new FieldReader();
  const out = new Array<IndicatorRecord>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    reader.start(i);
    out[i] = readRecord(rows[i], clock, reader);
  }
  return out;
}
