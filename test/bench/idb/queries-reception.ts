/**
 * The reception screens' queries on the full database: the ledger (`queryLedger`) for today and for
 * a week, and every kind of search (`searchDossiers`), each through the app's own function. Baseline
 * for each: the same rows found without the indexes, by a full `find()` of every dossier filtered,
 * sorted and cut in JavaScript exactly as the app's function defines its result (folding names at
 * query time instead of using the stored keys). One full find() per run is shared by all baselines of
 * that run; each baseline sample is that run's find() plus its own filter.
 */
import { uncacheRxQuery } from 'rxdb';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { addDays } from '../../../src-shared/domain/civil-date';
import { foldVietnamese } from '../../../src-shared/domain/text';
import type { MotcuaDatabase } from '../../../src-renderer/db/database';
import { queryLedger } from '../../../src-renderer/dossiers/ledger-query';
import { classifyQuery, SEARCH_LIMIT, searchDossiers, type SearchKind } from '../../../src-renderer/dossiers/search';
import { BENCH_AGENCY } from './data';
import { capturing, log, measure, now, runsWithin, timing, type Measured } from './measure';
import type { IdbBenchParams, ScanMeasure } from './protocol';

/** The ledger screen asks for one row more than it shows, to know there are more (LedgerPage.tsx). */
const LEDGER_PAGE = 501;

type Filter = (docs: readonly DossierDoc[]) => string[];

const byInvThenId = (a: DossierDoc, b: DossierDoc) => a.receivedInv - b.receivedInv || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** queryLedger's result in JS: day range, index order (day, newest first), limit, then oldest first per day. */
function ledgerInJs(from: string, to: string, limit: number): Filter {
  return (docs) =>
    docs
      .filter((d) => d.receivedDay >= from && d.receivedDay <= to)
      .sort((a, b) => (a.receivedDay === b.receivedDay ? byInvThenId(a, b) : a.receivedDay < b.receivedDay ? -1 : 1))
      .slice(0, limit)
      .sort((a, b) => (a.receivedDay === b.receivedDay ? a.receivedAt - b.receivedAt : a.receivedDay < b.receivedDay ? -1 : 1))
      .map((d) => d.id);
}

/** The values a search kind matches the typed key against, from the raw fields (no stored keys). */
function searchFields(raw: string): { key: string; fields: (docs: readonly DossierDoc[]) => ((d: DossierDoc) => string)[] } {
  const query = classifyQuery(raw);
  if (!query) throw new Error(`not a search: ${raw}`);
  const { kind, key } = query;
  return {
    key,
    fields: (docs) => {
      if (kind === 'code') return [(d) => d.code];
      if (kind === 'id') return [(d) => (d.applicant.kind === 'organisation' ? d.applicant.taxCode : d.applicant.idNumber)];
      if (kind === 'phone') return [(d) => d.applicant.phone.replace(/\D/g, '')];
      const folded = new Map(docs.map((d) => [d.id, foldVietnamese(d.applicant.name)]));
      const full = (d: DossierDoc) => folded.get(d.id)!;
      // One word may be the family name or the given name; several words, the full name.
      return key.includes(' ') ? [full] : [full, (d) => full(d).split(' ').pop() ?? ''];
    },
  };
}

/** searchDossiers' result in JS: per field the first SEARCH_LIMIT matches in key order, merged, newest first. */
function searchInJs(raw: string): Filter {
  const { key, fields } = searchFields(raw);
  return (docs) => {
    const lists = fields(docs).map((value) =>
      docs
        .map((d) => ({ d, v: value(d) }))
        .filter((x) => x.v.startsWith(key))
        .sort((a, b) => (a.v === b.v ? byInvThenId(a.d, b.d) : a.v < b.v ? -1 : 1))
        .slice(0, SEARCH_LIMIT)
        .map((x) => x.d),
    );
    const seen = new Map<string, DossierDoc>();
    for (const d of lists.flat()) seen.set(d.id, d);
    return [...seen.values()].sort((a, b) => a.receivedInv - b.receivedInv).slice(0, SEARCH_LIMIT).map((d) => d.id);
  };
}

/** What a clerk would expect of a search: the newest SEARCH_LIMIT matches. */
function newestMatches(raw: string): Filter {
  const { key, fields } = searchFields(raw);
  return (docs) => {
    const values = fields(docs);
    return docs
      .filter((d) => values.some((value) => value(d).startsWith(key)))
      .sort(byInvThenId)
      .slice(0, SEARCH_LIMIT)
      .map((d) => d.id);
  };
}

/** What the ledger screen should show: the first entries of the period in ledger (reception) order. */
function firstLedgerEntries(from: string, to: string, limit: number): Filter {
  return (docs) =>
    docs
      .filter((d) => d.receivedDay >= from && d.receivedDay <= to)
      .sort((a, b) => (a.receivedDay === b.receivedDay ? a.receivedAt - b.receivedAt : a.receivedDay < b.receivedDay ? -1 : 1))
      .slice(0, limit)
      .map((d) => d.id);
}

interface Case {
  id: string;
  label: string;
  query: string;
  /** A search: what is typed and the kind the app must take it for. */
  search?: { raw: string; kind: SearchKind };
  run: () => Promise<string[]>;
  baseline: { label: string; filter: Filter };
  /** The rows a user would expect, and how to say it when the app's differ (a finding, not a failure). */
  expected?: { filter: Filter; differs: (appRows: number, expected: number, overlap: number) => string };
}

/** Values to search for, taken from one of today's dossiers. */
export interface SearchSample {
  code: string;
  idNumber: string;
  phone: string;
}

export async function pickSearchSample(db: MotcuaDatabase, today: string): Promise<SearchSample> {
  const rows = await queryLedger(db, { from: today, to: today, receivedOnly: true }, 200);
  const row = rows.find((d, i) => i >= rows.length / 2 && d.applicant.kind === 'individual' && d.applicant.idNumber && d.applicant.phone);
  if (!row) throw new Error(`no received individual with an ID and a phone on ${today}`);
  return { code: row.code, idNumber: row.applicant.idNumber, phone: row.applicant.phone };
}

export async function measureReceptionQueries(
  db: MotcuaDatabase,
  p: IdbBenchParams,
  today: string,
  sample: SearchSample,
): Promise<{ queries: Measured[]; scan: ScanMeasure; findings: string[] }> {
  const D = db.dossiers;
  const weekStart = addDays(today, -6);
  const codeDay = `${BENCH_AGENCY}-${today.slice(2).replaceAll('-', '')}`;
  const search = (raw: string) => async () => (await searchDossiers(db, raw)).results.map((d) => d.id);
  const ledger = (from: string, to: string) => async () => (await queryLedger(db, { from, to }, LEDGER_PAGE)).map((d) => d.id);
  const jsScan = 'full find() + JS filter';
  const cases: Case[] = [
    {
      id: 'ledgerToday',
      label: "today's ledger page (queryLedger, 501)",
      query: `queryLedger(db, {from:'${today}', to:'${today}'}, 501)`,
      run: ledger(today, today),
      baseline: { label: jsScan, filter: ledgerInJs(today, today, LEDGER_PAGE) },
      expected: { filter: firstLedgerEntries(today, today, LEDGER_PAGE), differs: ledgerDiffers(`today (${today})`) },
    },
    {
      id: 'ledgerWeek',
      label: 'ledger, last 7 days (queryLedger, 501)',
      query: `queryLedger(db, {from:'${weekStart}', to:'${today}'}, 501)`,
      run: ledger(weekStart, today),
      baseline: { label: jsScan, filter: ledgerInJs(weekStart, today, LEDGER_PAGE) },
      expected: { filter: firstLedgerEntries(weekStart, today, LEDGER_PAGE), differs: ledgerDiffers(`${weekStart}..${today}`) },
    },
    ...(
      [
        ['searchCode', 'search: full dossier code', sample.code, 'code'],
        ['searchCodePrefix', 'search: code prefix (one day)', codeDay, 'code'],
        ['searchName', 'search: name prefix "nguyen van"', 'nguyen van', 'name'],
        ['searchGiven', 'search: given name "an"', 'an', 'name'],
        ['searchId', 'search: ID number (12 digits)', sample.idNumber, 'id'],
        ['searchPhone', 'search: phone', sample.phone, 'phone'],
      ] as const
    ).map(([id, label, raw, kind]) => ({
      id,
      label,
      query: `searchDossiers(db, '${raw}')`,
      search: { raw, kind },
      run: search(raw),
      baseline: { label: `${jsScan} (${kind === 'name' ? 'names folded at query time' : 'raw fields'})`, filter: searchInJs(raw) },
      expected: {
        filter: newestMatches(raw),
        differs: (app: number, expected: number, overlap: number) =>
          `searchDossiers(db, '${raw}') returns the first ${SEARCH_LIMIT} matches in ${kind === 'name' ? 'name' : kind} key order, re-sorted newest first, ` +
          `not the newest ${SEARCH_LIMIT}: only ${overlap} of its ${app} rows are among the ${expected} newest matches`,
      },
    })),
  ];

  const figures: Measured[] = [];
  for (const c of cases) {
    const kind = c.search && classifyQuery(c.search.raw)?.kind;
    if (c.search && kind !== c.search.kind) throw new Error(`${c.id}: the app takes '${c.search.raw}' for a ${kind} search, not ${c.search.kind}`);
    log(`reception query ${c.id}`);
    figures.push(
      await measure({ id: c.id, label: c.label, query: c.query, runs: p.runs }, async () => {
        const { value, queries } = await capturing(D, c.run);
        return { result: value, queries };
      }),
    );
  }

  // Baselines: one full find() per run, shared; each sample is that find() plus the case's filter.
  const scanSamples: number[] = [];
  const filterSamples = cases.map(() => [] as number[]);
  const results: string[][] = [];
  const findings: string[] = [];
  let docs = 0;
  let runs = p.slowRuns;
  for (let run = 0; run <= runs; run++) {
    const query = D.find();
    const t0 = now();
    const all = (await query.exec()).map((d) => d._data as unknown as DossierDoc);
    const scanMs = now() - t0;
    uncacheRxQuery(D._queryCache, query);
    docs = all.length;
    cases.forEach((c, i) => {
      const t1 = now();
      const ids = c.baseline.filter(all);
      if (run > 0) return void filterSamples[i]!.push(scanMs + now() - t1);
      results[i] = ids;
      const app = figures[i]!.ids as string[];
      const expected = c.expected?.filter(all);
      if (c.expected && expected && JSON.stringify(expected) !== JSON.stringify(app)) {
        const wanted = new Set(expected);
        findings.push(c.expected.differs(app.length, expected.length, app.filter((id) => wanted.has(id)).length));
      }
    });
    if (run > 0) scanSamples.push(scanMs);
    else {
      runs = runsWithin(p.scanBudgetMs, scanMs, p.slowRuns);
      log(`reception baselines: full find() of every dossier, warm-up (${Math.round(scanMs)} ms) + ${runs} runs`);
    }
  }
  const measured: Measured[] = [];
  cases.forEach((c, i) => {
    const figure = figures[i]!;
    const ids = results[i]!;
    measured.push(figure, {
      id: `${c.id}.jsScan`,
      label: c.baseline.label,
      query: 'find().exec() → filter, sort, limit in JS',
      plan: null,
      resultSize: ids.length,
      timing: timing(filterSamples[i]!),
      ids,
      sameResultAsFigure: JSON.stringify(ids) === JSON.stringify(figure.ids),
    });
  });
  return { queries: measured, scan: { docs, timing: timing(scanSamples) }, findings };
}

function ledgerDiffers(period: string) {
  return (app: number, expected: number, overlap: number) =>
    `queryLedger(db, ${period}, ${LEDGER_PAGE}) takes the newest ${LEDGER_PAGE} of each day from the [receivedDay, receivedInv] index and then sorts them oldest first: ` +
    `the ledger screen does not start at the day's first entry (${overlap} of its ${app} rows are among the first ${expected} in ledger order)`;
}
