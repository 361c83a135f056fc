/**
 * Dossier numbers that never collide, with workstations offline for days (docs/dossier-codes.md).
 *
 * A code is unique when its (agency, day, sequence) triple is (format.ts is injective). The portal
 * leases each workstation installation ("holder") blocks: a range of sequences that only it may
 * issue, on every day of a validity window. Blocks of one agency never share a (day, sequence) cell,
 * so codes issued from different blocks cannot be equal, whatever the clocks say; a holder issues
 * each (agency, day) in increasing order above a persisted high-water mark, so it never repeats its
 * own. The portal keeps every block it ever allocated and never allocates a day in the past, so a
 * cell is handed out at most once.
 *
 * Pure functions over plain JSON: the portal stores blocks as table rows, the workstation keeps
 * IssuerState in its settings and must persist the new state together with the dossier before the
 * receipt is printed.
 */
import { addDays, formatViDate, isIsoDate } from '../civil-date';
import { compileFormat, formatDossierCode, type DossierCodeFormat } from './format';
import { vnDay } from '../vn-time';

/** `standing`: a small long-lived block (the workstation's reserve); `lease`: the regular several-day
 *  supply; `top-up`: extra numbers for one day, requested online when the day runs low. */
export type BlockKind = 'standing' | 'lease' | 'top-up';

export interface NumberBlock {
  /** Assigned by the portal; primary key. */
  id: string;
  agencyId: string;
  /** The workstation installation that alone may issue from this block. */
  holder: string;
  kind: BlockKind;
  /** Inclusive sequence range. */
  first: number;
  last: number;
  /** Inclusive Vietnam days `yyyy-MM-dd`: the range is the holder's on each of these days. */
  validFrom: string;
  validUntil: string;
  /** Portal time of allocation (epoch ms). */
  allocatedAt: number;
}

export interface BlockRequest {
  agencyId: string;
  holder: string;
  kind: BlockKind;
  /** Numbers per day wanted. */
  size: number;
  /** Accept a smaller block, down to this size, when `size` does not fit (default: `size`). */
  minSize?: number;
  validFrom: string;
  validUntil: string;
}

export interface AllocationContext {
  /** The portal's Vietnam day: no block may start before it (no back-dated numbers). */
  today: string;
  /** The agency format's largest sequence (9999 for four digits). */
  maxSequence: number;
  now: number;
  newId: () => string;
}

export interface AllocationError {
  kind: 'no-space' | 'invalid-request';
  detail: string;
  /** Largest block that would fit (no-space only). */
  largestFree?: number;
  messageVi: string;
  messageEn: string;
}

export type AllocationResult = { ok: true; block: NumberBlock } | { ok: false; error: AllocationError };

const overlapsDays = (b: { validFrom: string; validUntil: string }, from: string, until: string) =>
  b.validFrom <= until && from <= b.validUntil;

function invalid(detail: string): AllocationResult {
  return {
    ok: false,
    error: {
      kind: 'invalid-request',
      detail,
      messageVi: `Yêu cầu cấp dải số hồ sơ không hợp lệ: ${detail}`,
      messageEn: `Invalid request for dossier numbers: ${detail}`,
    },
  };
}

/**
 * PORTAL: a new block for `request`, the lowest free range that overlaps no block of the agency on
 * any shared day and lies above every range the holder already has on those days (so the holder can
 * keep issuing in increasing order). The caller must serialise allocations per agency (one
 * transaction) and store the block; blocks are never deleted while a workstation might still use
 * them, and a past day is never allocated, so no (agency, day, sequence) is ever handed out twice.
 */
export function allocateBlock(existing: readonly NumberBlock[], request: BlockRequest, ctx: AllocationContext): AllocationResult {
  const { agencyId, holder, size, validFrom, validUntil } = request;
  const minSize = request.minSize ?? size;
  if (!agencyId || !holder) return invalid('agency and holder are required');
  if (!Number.isInteger(size) || !Number.isInteger(minSize) || minSize < 1 || minSize > size) {
    return invalid(`size ${size} / minimum ${minSize}`);
  }
  if (!isIsoDate(validFrom) || !isIsoDate(validUntil) || validFrom > validUntil) return invalid(`days ${validFrom}..${validUntil}`);
  if (validFrom < ctx.today) return invalid(`${validFrom} is before today (${ctx.today})`);

  const shared = existing.filter((b) => b.agencyId === agencyId && overlapsDays(b, validFrom, validUntil));
  let cursor = 1;
  for (const b of shared) if (b.holder === holder) cursor = Math.max(cursor, b.last + 1);
  const taken = shared.map((b) => [b.first, b.last] as const).sort((a, b) => a[0] - b[0]);

  // Free gaps above the holder's floor, lowest first: take the first that fits, else the largest.
  const gaps: [number, number][] = [];
  for (const [first, last] of taken) {
    if (first > cursor) gaps.push([cursor, first - 1]);
    cursor = Math.max(cursor, last + 1);
  }
  gaps.push([cursor, ctx.maxSequence]);
  let found: number | null = null;
  let largest = 0;
  let largestStart = 0;
  for (const [start, end] of gaps) {
    const free = Math.min(end, ctx.maxSequence) - start + 1;
    if (free >= size) {
      found = start;
      break;
    }
    if (free > largest) [largest, largestStart] = [free, start];
  }

  let first: number;
  let count: number;
  if (found !== null) [first, count] = [found, size];
  else if (largest >= minSize) [first, count] = [largestStart, largest];
  else {
    const days = validFrom === validUntil ? formatViDate(validFrom) : `${formatViDate(validFrom)}–${formatViDate(validUntil)}`;
    return {
      ok: false,
      error: {
        kind: 'no-space',
        detail: `no ${minSize} free numbers for ${agencyId} on ${validFrom}..${validUntil}`,
        largestFree: largest,
        messageVi: `Cơ quan không còn đủ số hồ sơ trống cho ngày ${days} (mỗi ngày tối đa ${ctx.maxSequence} số). Hãy báo quản trị hệ thống.`,
        messageEn: `The agency has not enough free dossier numbers for ${days} (at most ${ctx.maxSequence} a day). Tell the system administrator.`,
      },
    };
  }
  return {
    ok: true,
    block: { id: ctx.newId(), agencyId, holder, kind: request.kind, first, last: first + count - 1, validFrom, validUntil, allocatedAt: ctx.now },
  };
}

// ---------------------------------------------------------------------------------------------
// WORKSTATION side

export interface IssuerState {
  /** This installation's holder id. A re-imaged or restored workstation enrols as a NEW holder. */
  holder: string;
  blocks: NumberBlock[];
  /** Highest sequence issued per agency and day, keyed `markKey(agencyId, day)`. */
  issued: Record<string, number>;
  /** Days before this were pruned: never issued again, and blocks ending before it are refused. */
  prunedBefore?: string;
}

export interface IssuedSequence {
  agencyId: string;
  day: string;
  sequence: number;
}

export interface ExhaustedError {
  kind: 'exhausted';
  /** `day-used-up`: every number held for the day was issued; `no-numbers-for-day`: no block is
   *  valid on that day (never received, expired, or the computer's date is wrong). */
  reason: 'day-used-up' | 'no-numbers-for-day';
  agencyId: string;
  day: string;
  messageVi: string;
  messageEn: string;
}

export interface Issued {
  ok: true;
  code: string;
  sequence: number;
  day: string;
  blockId: string;
  /** Numbers still available to this workstation for this agency and day (warn when low). */
  remainingToday: number;
  newState: IssuerState;
}

export type IssueResult = Issued | { ok: false; error: ExhaustedError };

export const markKey = (agencyId: string, day: string) => `${agencyId} ${day}`;

export function newIssuerState(holder: string): IssuerState {
  return { holder, blocks: [], issued: {} };
}

/** Adds blocks received from the portal (other holders' blocks, duplicates and pruned days ignored). */
export function acceptBlocks(state: IssuerState, blocks: readonly NumberBlock[]): IssuerState {
  const known = new Set(state.blocks.map((b) => b.id));
  const fresh = blocks.filter(
    (b) => b.holder === state.holder && !known.has(b.id) && !(state.prunedBefore && b.validUntil < state.prunedBefore),
  );
  return fresh.length ? { ...state, blocks: [...state.blocks, ...fresh] } : state;
}

/** Raises the high-water marks to cover sequences known to be issued (from the workstation's own
 *  dossiers or the portal's copy of them); never lowers one. */
export function mergeIssuedMarks(state: IssuerState, issued: readonly IssuedSequence[]): IssuerState {
  const marks = { ...state.issued };
  for (const s of issued) {
    const k = markKey(s.agencyId, s.day);
    if ((marks[k] ?? 0) < s.sequence) marks[k] = s.sequence;
  }
  return { ...state, issued: marks };
}

/** PORTAL: the sequences (of synced dossiers) that fall in `holder`'s blocks, i.e. that it issued. */
export function issuedByHolder(holder: string, blocks: readonly NumberBlock[], issued: readonly IssuedSequence[]): IssuedSequence[] {
  const mine = blocks.filter((b) => b.holder === holder);
  return issued.filter((s) =>
    mine.some((b) => b.agencyId === s.agencyId && b.validFrom <= s.day && s.day <= b.validUntil && b.first <= s.sequence && s.sequence <= b.last),
  );
}

function usable(state: IssuerState, agencyId: string, day: string): NumberBlock[] {
  if (state.prunedBefore && day < state.prunedBefore) return [];
  return state.blocks.filter((b) => b.holder === state.holder && b.agencyId === agencyId && b.validFrom <= day && day <= b.validUntil);
}

/** Numbers this workstation can still issue for `agencyId` on `day`. */
export function remainingFor(state: IssuerState, agencyId: string, day: string, maxSequence: number): number {
  const mark = state.issued[markKey(agencyId, day)] ?? 0;
  let n = 0;
  for (const b of usable(state, agencyId, day)) n += Math.max(0, Math.min(b.last, maxSequence) - Math.max(b.first, mark + 1) + 1);
  return n;
}

function exhausted(reason: ExhaustedError['reason'], agencyId: string, day: string): { ok: false; error: ExhaustedError } {
  const d = formatViDate(day);
  const [messageVi, messageEn] =
    reason === 'day-used-up'
      ? [
          `Đã hết số hồ sơ được cấp cho máy này trong ngày ${d}; hãy kết nối mạng để nhận thêm số.`,
          `This workstation has used every dossier number it was given for ${d}; connect to the network to receive more.`,
        ]
      : [
          `Máy này chưa được cấp số hồ sơ cho ngày ${d}; hãy kết nối mạng để nhận số và kiểm tra ngày giờ của máy tính.`,
          `This workstation holds no dossier numbers for ${d}; connect to the network to receive some and check the computer's date and time.`,
        ];
  return { ok: false, error: { kind: 'exhausted', reason, agencyId, day, messageVi, messageEn } };
}

/**
 * The next code for `agencyId` at `now` (the local clock; the day is taken in Vietnam time): the
 * lowest held sequence above the day's high-water mark. Persist `newState` with the dossier before
 * printing; if that write fails, the code was never shown and the old state stays valid.
 */
export function issueNext(state: IssuerState, input: { agencyId: string; now: number; format: DossierCodeFormat }): IssueResult {
  const { agencyId, format } = input;
  const day = vnDay(input.now);
  const { maxSequence } = compileFormat(format);
  const key = markKey(agencyId, day);
  const mark = state.issued[key] ?? 0;
  const blocks = usable(state, agencyId, day);
  let best: { seq: number; block: NumberBlock } | undefined;
  for (const block of blocks) {
    const seq = Math.max(block.first, mark + 1);
    if (seq <= Math.min(block.last, maxSequence) && (!best || seq < best.seq)) best = { seq, block };
  }
  if (!best) return exhausted(blocks.length ? 'day-used-up' : 'no-numbers-for-day', agencyId, day);
  const newState: IssuerState = { ...state, issued: { ...state.issued, [key]: best.seq } };
  return {
    ok: true,
    code: formatDossierCode(format, { agencyId, day, sequence: best.seq }),
    sequence: best.seq,
    day,
    blockId: best.block.id,
    remainingToday: remainingFor(newState, agencyId, day, maxSequence),
    newState,
  };
}

/**
 * Drops blocks that ended more than `keepDays` before `today` and the marks of those days; such days
 * can never be issued again by this holder. Pass the PORTAL's day (seen at the last sync), never the
 * local clock: a clock far ahead would otherwise retire days that are still to come.
 */
export function pruneIssuerState(state: IssuerState, today: string, keepDays = 31): IssuerState {
  const cut = addDays(today, -keepDays);
  if (state.prunedBefore && cut <= state.prunedBefore) return state;
  const issued: Record<string, number> = {};
  for (const [k, v] of Object.entries(state.issued)) if (k.slice(k.lastIndexOf(' ') + 1) >= cut) issued[k] = v;
  return { ...state, blocks: state.blocks.filter((b) => b.validUntil >= cut), issued, prunedBefore: cut };
}

// ---------------------------------------------------------------------------------------------
// What to ask for when online

export interface LeasePolicy {
  /** Size and validity of the standing (reserve) block, renewed before it runs out. */
  standingSize: number;
  standingDays: number;
  /** Numbers per day and days per regular lease. */
  leaseSize: number;
  leaseDays: number;
  /** Keep every day from today to today + horizonDays − 1 covered: the longest safe offline stretch. */
  horizonDays: number;
  /** Online with fewer than this left today: ask for a one-day top-up of `leaseSize`. */
  topUpBelow: number;
}

/** 50 + 100 numbers per day offline for two weeks; ~66 such workstations fit in 9999 a day. */
export const DEFAULT_LEASE_POLICY: LeasePolicy = {
  standingSize: 50,
  standingDays: 90,
  leaseSize: 100,
  leaseDays: 7,
  horizonDays: 14,
  topUpBelow: 20,
};

/** Last day of the unbroken coverage by `blocks` starting at `from` (the day before `from` if none). */
function coveredUntil(blocks: readonly NumberBlock[], from: string): string {
  let end = addDays(from, -1);
  let next = from;
  for (const b of [...blocks].sort((x, y) => (x.validFrom < y.validFrom ? -1 : 1))) {
    if (b.validFrom > next) break;
    if (b.validUntil > end) [end, next] = [b.validUntil, addDays(b.validUntil, 1)];
  }
  return end;
}

/** The requests a workstation should send for `agencyId` while online (`today`: its Vietnam day). */
export function blocksToRequest(
  state: IssuerState,
  agencyId: string,
  today: string,
  maxSequence: number,
  policy: LeasePolicy = DEFAULT_LEASE_POLICY,
): BlockRequest[] {
  const mine = state.blocks.filter((b) => b.agencyId === agencyId && b.holder === state.holder);
  const horizonEnd = addDays(today, policy.horizonDays - 1);
  const base = { agencyId, holder: state.holder };
  const requests: BlockRequest[] = [];

  const standingEnd = coveredUntil(mine.filter((b) => b.kind === 'standing'), today);
  if (standingEnd < horizonEnd) {
    requests.push({ ...base, kind: 'standing', size: policy.standingSize, minSize: 1, validFrom: addDays(standingEnd, 1), validUntil: addDays(standingEnd, policy.standingDays) });
  }
  for (let end = coveredUntil(mine.filter((b) => b.kind === 'lease'), today); end < horizonEnd; end = addDays(end, policy.leaseDays)) {
    requests.push({ ...base, kind: 'lease', size: policy.leaseSize, minSize: 1, validFrom: addDays(end, 1), validUntil: addDays(end, policy.leaseDays) });
  }
  const comingToday = requests.filter((r) => r.validFrom <= today).reduce((n, r) => n + r.size, 0);
  if (remainingFor(state, agencyId, today, maxSequence) + comingToday < policy.topUpBelow) {
    requests.push({ ...base, kind: 'top-up', size: policy.leaseSize, minSize: 1, validFrom: today, validUntil: today });
  }
  return requests;
}
