import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkingCalendar } from '../../../src-shared/domain/calendar/working-calendar';
import { anomalies, anomalyScope, dayBreakdown, dayGroupFacts, dueLists, type ReviewFact } from '../../../src-shared/domain/review/day-review';
import { recordMaker } from '../indicators/fixtures';
import { officialCalendar } from '../lifecycle/fixtures';

/** Vietnam wall-clock time on a November 2026 day as epoch ms. */
const vn = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 7, minute);

let calendar: WorkingCalendar;
beforeAll(async () => {
  calendar = await officialCalendar();
});

const record = recordMaker(
  { procedureCode: '2.000815', procedureName: 'Chứng thực bản sao từ bản chính', clerk: 'clerk.an', receivedAt: vn(16, 9), dueAt: vn(19, 17) },
  (n) => `000.17.22.H56-261116-${String(n).padStart(4, '0')}`,
);

/** A review fact: open, received Mon 16/11 09:00 at ws-1 and transferred a minute later, due Thu 19/11 17:00. */
function fact(patch: Partial<ReviewFact> = {}): ReviewFact {
  const r = record(patch);
  return { ...r, appointmentAt: vn(19, 17), transferredAt: r.receivedAt + 60_000, ledgerNumber: 1, receivedDay: '2026-11-16', ...patch };
}

describe('day breakdown', () => {
  it('groups the day\'s received dossiers by counter, clerk and procedure with their counts', () => {
    const facts = [
      fact({ counter: 'ws-1', channel: 2 }),
      fact({ counter: 'ws-1', digitised: false }),
      fact({ counter: 'ws-2', clerk: 'clerk.binh', synced: false, procedureCode: '1.004873', procedureName: 'Xác nhận tình trạng hôn nhân' }),
      fact({ receivedDay: '2026-11-17' }),
      fact({ code: '', ledgerNumber: 0 }), // refused at the counter: not in the ledger
    ];
    expect(dayBreakdown(facts, '2026-11-16', 'counter')).toEqual([
      { key: 'ws-1', label: 'ws-1', received: 2, online: 1, digitised: 1, notSynced: 0 },
      { key: 'ws-2', label: 'ws-2', received: 1, online: 0, digitised: 1, notSynced: 1 },
    ]);
    expect(dayBreakdown(facts, '2026-11-16', 'clerk').map((r) => [r.key, r.received])).toEqual([['clerk.an', 2], ['clerk.binh', 1]]);
    expect(dayBreakdown(facts, '2026-11-16', 'procedure').map((r) => [r.label, r.received])).toEqual([
      ['Chứng thực bản sao từ bản chính', 2],
      ['Xác nhận tình trạng hôn nhân', 1],
    ]);
    expect(dayBreakdown(facts, '2026-11-18', 'counter')).toEqual([]);
  });

  it('opens the dossiers behind one row, in reception order', () => {
    const later = fact({ counter: 'ws-1', receivedAt: vn(16, 11) });
    const earlier = fact({ counter: 'ws-1', receivedAt: vn(16, 8) });
    const other = fact({ counter: 'ws-2' });
    const facts = [later, other, fact({ counter: 'ws-1', receivedDay: '2026-11-17' }), fact({ counter: 'ws-1', code: '' }), earlier];
    expect(dayGroupFacts(facts, '2026-11-16', 'counter', 'ws-1').map((f) => f.id)).toEqual([earlier.id, later.id]);
    expect(dayGroupFacts(facts, '2026-11-16', 'counter', 'ws-2').map((f) => f.id)).toEqual([other.id]);
    // The row's count is the number of dossiers it opens.
    for (const row of dayBreakdown(facts, '2026-11-16', 'counter')) expect(dayGroupFacts(facts, '2026-11-16', 'counter', row.key)).toHaveLength(row.received);
  });
});

describe('due lists', () => {
  it('sorts open dossiers into overdue, due today and due within N working days', () => {
    const now = vn(19, 10); // Thu 19/11 10:00
    const overdue = fact({ appointmentAt: vn(18, 17) });
    const today = fact({ appointmentAt: vn(19, 17) });
    const monday = fact({ appointmentAt: vn(23, 17) }); // Mon: 2 working days after Thu (Fri, Mon)
    const later = fact({ appointmentAt: vn(30, 17) });
    const finished = fact({ appointmentAt: vn(18, 17), finishedAt: vn(18, 16), status: 9 });
    const waiting = fact({ appointmentAt: vn(19, 11), pausedSince: vn(18, 9), status: 5 }); // clock stopped before it was due
    const lateWaiting = fact({ appointmentAt: vn(17, 17), pausedSince: vn(18, 9), status: 5 }); // already overdue when the wait began
    const lists = dueLists([later, monday, today, overdue, finished, waiting, lateWaiting], now, calendar, 2);
    expect(lists.overdue.map((f) => f.id)).toEqual([lateWaiting.id, overdue.id]);
    expect(lists.dueToday.map((f) => f.id)).toEqual([today.id]);
    expect(lists.dueSoon.map((f) => f.id)).toEqual([monday.id]);
    expect(dueLists([later], now, calendar, 10).dueSoon.map((f) => f.id)).toEqual([later.id]);
  });
});

describe('anomalies', () => {
  it('are looked for among the dossiers received in the window up to the reviewed day', () => {
    const facts = [fact({ receivedDay: '2026-08-17' }), fact({ receivedDay: '2026-08-18' }), fact({ receivedDay: '2026-11-16' }), fact({ receivedDay: '2026-11-17' })];
    expect(anomalyScope(facts, '2026-11-16').map((f) => f.receivedDay)).toEqual(['2026-08-18', '2026-11-16']);
    expect(anomalyScope(facts, '2026-11-16', 0).map((f) => f.receivedDay)).toEqual(['2026-11-16']);
  });

  it('flags a dossier received but not transferred after the paper-transfer deadline (15:00 rule)', () => {
    const morning = fact({ status: 2, transferredAt: 0, receivedAt: vn(16, 14) });
    const afterCutoff = fact({ status: 2, transferredAt: 0, receivedAt: vn(16, 15, 30) });
    const transferred = fact({ status: 4, receivedAt: vn(16, 9) });
    const at = (now: number) => anomalies([morning, afterCutoff, transferred], now, calendar).filter((a) => a.kind === 'notTransferred').map((a) => a.fact.id);
    expect(at(vn(16, 16))).toEqual([]);
    expect(at(vn(16, 18))).toEqual([morning.id]);
    expect(at(vn(17, 18))).toEqual([morning.id, afterCutoff.id]);
  });

  it('flags more than one supplement request, two reschedules and records not yet at the portal', () => {
    const twice = fact({ supplementRequests: 2 });
    const once = fact({ supplementRequests: 1 });
    const rescheduled = fact({ reschedules: 2 });
    const unsynced = fact({ synced: false });
    const unknown = fact({ synced: null });
    const kinds = anomalies([twice, once, rescheduled, unsynced, unknown], vn(16, 10), calendar).map((a) => [a.kind, a.fact.id]);
    expect(kinds).toEqual([
      ['multipleSupplements', twice.id],
      ['rescheduledTwice', rescheduled.id],
      ['notSynced', unsynced.id],
    ]);
  });

  it('flags codes out of sequence: wrong date, lower number than an earlier one of the counter, duplicates, unknown format', () => {
    const first = fact({ code: '000.17.22.H56-261116-0005', receivedAt: vn(16, 8) });
    const lower = fact({ code: '000.17.22.H56-261116-0003', receivedAt: vn(16, 9) });
    const otherCounter = fact({ code: '000.17.22.H56-261116-0001', receivedAt: vn(16, 10), counter: 'ws-2' });
    const wrongDate = fact({ code: '000.17.22.H56-261115-0009', receivedAt: vn(16, 11) });
    const duplicate = fact({ code: '000.17.22.H56-261116-0005', receivedAt: vn(16, 12), counter: 'ws-3' });
    const garbled = fact({ code: 'HS-001' });
    const fine = fact({ code: '000.17.22.H56-20261116-0000010', receivedAt: vn(16, 13) }); // the 7-digit form
    const found = anomalies([first, lower, otherCounter, wrongDate, duplicate, garbled, fine], vn(16, 14), calendar)
      .filter((a) => a.kind === 'codeOutOfSequence')
      .map((a) => [a.fact.id, a.detail]);
    expect(found).toEqual(
      expect.arrayContaining([
        [duplicate.id, 'duplicate'],
        [garbled.id, 'format'],
        [wrongDate.id, 'date'],
        [lower.id, 'order'],
      ]),
    );
    expect(found).toHaveLength(4);
  });
});
