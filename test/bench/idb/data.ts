/**
 * Realistic dossiers for the IndexedDB bench, built by the app's own `receiveDossier()` and then aged:
 * one centre, counter hours on working days, a skewed mix of procedures, and statuses that depend on
 * how old the dossier is (recent ones are still open, old ones returned). Deterministic for a seed.
 */
import type { DossierDoc, DossierEventDoc } from '../../../src-shared/contract/documents';
import { CHANNEL, DOSSIER_STATUS, type Channel, type DossierStatus } from '../../../src-shared/domain/dossier-status';
import { receiveDossier } from '../../../src-shared/domain/reception';
import { VN_OFFSET_MS } from '../../../src-shared/domain/vn-time';
import seed from '../../../resources/seed/procedures.json';

export const BENCH_AGENCY = '000.17.22.H56';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The five bundled procedures plus one more, with the share of dossiers each gets. */
export const BENCH_PROCEDURES: { code: string; name: string; weight: number }[] = [
  ...seed.procedures.map((p) => ({ code: p.code, name: p.name, weight: ({ '2.000815': 40, '2.000908': 22, '1.001193': 12, '1.000894': 5, '2.000635': 15 } as Record<string, number>)[p.code] ?? 5 })),
  { code: '1.000656', name: 'Đăng ký khai tử', weight: 6 },
];

const FAMILY = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thu', 'Xuân', 'Thị Thu', 'Văn Minh'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Phong', 'Phúc', 'Quân', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Trang', 'Tuấn', 'Vy', 'Yến'];
const COMPANY = ['Thành Công', 'Phú Quý', 'An Phát', 'Minh Long', 'Sao Việt', 'Hòa Bình', 'Đại Dương', 'Tân Tiến'];
const CLERKS = ['clerk.an', 'clerk.binh', 'clerk.chau', 'clerk.dung'];

/** mulberry32: small, fast, good enough to spread test data. */
export function prng(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function weighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** A random (seeded) UUID v4, as `crypto.randomUUID()` gives the UI: ids land all over the primary index. */
function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Midnight (UTC ms) of the Vietnam day `yyyy-MM-dd`. */
export function vnDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS;
}

/** The last `count` working days (Monday–Friday) up to and including `lastDay`, oldest first. */
export function workingDays(lastDay: string, count: number): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${lastDay}T00:00:00Z`); days.length < count; t -= DAY_MS) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days.reverse();
}

/** Status of a dossier received `age` working days before the newest day. */
function statusForAge(rand: () => number, age: number): DossierStatus {
  const S = DOSSIER_STATUS;
  if (age === 0) return weighted(rand, [[S.received, 85], [S.processing, 10], [S.notReceived, 5]]);
  if (age <= 10) {
    return weighted(rand, [[S.processing, 50], [S.received, 20], [S.supplementRequested, 10], [S.processed, 15], [S.returned, 5]]);
  }
  return weighted(rand, [[S.returned, 85], [S.processed, 5], [S.withdrawn, 3], [S.stopped, 2], [S.notReceived, 3], [S.supplementRequested, 2]]);
}

export interface Generator {
  /** The next `count` dossiers (oldest first) with their `received` events. */
  next(count: number): { dossiers: DossierDoc[]; events: DossierEventDoc[] };
}

/**
 * `size` dossiers spread evenly over `days` (oldest first), received between 07:30 and 17:00
 * Vietnam time, in chronological order as a centre would have received them.
 */
export function createGenerator(size: number, days: string[], seedValue: number): Generator {
  const rand = prng(seedValue);
  const procedureWeights = BENCH_PROCEDURES.map((p) => [p, p.weight] as const);
  let produced = 0;
  let dayIndex = 0;
  let dayTimes: number[] = [];
  let seqInDay = 0;

  const startDay = (i: number) => {
    const day = days[i]!;
    const perDay = Math.floor(size / days.length) + (i >= days.length - (size % days.length) ? 1 : 0);
    const open = vnDayStart(day) + 7.5 * 60 * 60 * 1000;
    const span = 9.5 * 60 * 60 * 1000;
    dayTimes = Array.from({ length: perDay }, () => open + Math.floor(rand() * span)).sort((a, b) => a - b);
    seqInDay = 0;
  };
  startDay(0);

  return {
    next(count) {
      const dossiers: DossierDoc[] = [];
      const events: DossierEventDoc[] = [];
      while (dossiers.length < count && produced < size) {
        while (seqInDay >= dayTimes.length) startDay(++dayIndex);
        const now = dayTimes[seqInDay++]!;
        const age = days.length - 1 - dayIndex;
        const procedure = weighted(rand, procedureWeights);
        const organisation = rand() < 0.08;
        const name = organisation
          ? `Công ty TNHH ${pick(rand, COMPANY)} ${pick(rand, GIVEN)}`
          : `${pick(rand, FAMILY)} ${pick(rand, MIDDLE)} ${pick(rand, GIVEN)}`;
        const channel = weighted<Channel>(rand, [[CHANNEL.inPerson, 70], [CHANNEL.online, 25], [CHANNEL.postal, 5]]);
        const { dossier, event } = receiveDossier(
          { procedure, applicant: { kind: organisation ? 'organisation' : 'individual', name }, channel },
          { agencyId: BENCH_AGENCY, workstationId: `WS-0${1 + Math.floor(rand() * 3)}`, clerk: pick(rand, CLERKS), now, newId: () => uuid(rand) },
        );
        const status = statusForAge(rand, age);
        dossier.status = status;
        dossier.code = status === DOSSIER_STATUS.notReceived ? '' : `${BENCH_AGENCY}-${dossier.receivedDay.replaceAll('-', '').slice(2)}-${String(seqInDay).padStart(4, '0')}`;
        dossier.updatedAt = status === DOSSIER_STATUS.received ? now : Math.min(now + Math.floor(rand() * Math.min(age + 1, 15)) * DAY_MS, now + age * DAY_MS);
        dossiers.push(dossier);
        events.push(event);
        produced++;
      }
      return { dossiers, events };
    },
  };
}
