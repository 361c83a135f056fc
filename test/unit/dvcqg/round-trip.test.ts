/**
 * For our own dossiers, the indicators computed from the documents (recordFromDossier) and from their
 * DVCQG export (fromDvcqg ∘ toDvcqg) are the same: the export carries every fact the rules need.
 * Only what DVCQG has no field for differs: synced, counter, clerk (and the record id, MaHoSo).
 */
import { describe, expect, it } from 'vitest';
import type { IndicatorRecord, IndicatorReport, IndicatorValues } from '../../../src-shared/domain/indicators/record';
import { computeIndicators } from '../../../src-shared/domain/indicators/compute';
import { recordFromDossier } from '../../../src-shared/domain/indicators/from-dossier';
import { dvcqgRecordInputSchema } from '../../../src-shared/domain/dvcqg/types';
import { fromDvcqg, fromDvcqgArray } from '../../../src-shared/domain/dvcqg/from-dvcqg';
import { isExportable, toDvcqg } from '../../../src-shared/domain/dvcqg/to-dvcqg';
import { officialCalendar } from '../lifecycle/fixtures';
import { buildScenarios, PERIOD, SCENARIO_KINDS, type Built } from './scenarios';

const comparable = ({ id: _id, synced: _s, counter: _c, clerk: _k, ...rest }: IndicatorRecord) => rest;
const withoutSync = ({ synced: _s, syncRate: _r, ...rest }: IndicatorValues) => rest;
const rows = (r: IndicatorReport) => ({
  totals: withoutSync(r.totals),
  byProcedure: r.byProcedure.map((row) => ({ ...withoutSync(row), key: row.key, label: row.label })),
  byDay: r.byDay.map(withoutSync),
  byWeek: r.byWeek.map(withoutSync),
});

describe('DVCQG round trip', async () => {
  const calendar = await officialCalendar();
  const built = buildScenarios(calendar, SCENARIO_KINDS.length * 4);
  const ours = (b: Built) =>
    recordFromDossier(b.dossier, { events: b.events, fileComponentIds: new Set(b.files.map((f) => f.componentId)), synced: true }, calendar);
  const exported = built.filter((b) => isExportable(b.dossier));

  it('covers every status and kind of story', () => {
    expect(new Set(built.map((b) => b.dossier.status))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(new Set(built.map((b) => b.kind))).toEqual(new Set(SCENARIO_KINDS));
    expect(exported.length).toBeLessThan(built.length); // refusals and counter-check supplements are not exported
    expect(built.filter((b) => !isExportable(b.dossier)).every((b) => b.dossier.code === '')).toBe(true);
    // Both sides of every edge are present.
    const records = built.map(ours);
    expect(records.some((r) => r.supplementRequests === 2)).toBe(true);
    expect(records.some((r) => r.pausedSince > 0)).toBe(true);
    expect(records.some((r) => r.reschedules === 1)).toBe(true);
    expect(records.some((r) => r.digitised) && records.some((r) => r.receivedAt > 0 && !r.digitised)).toBe(true);
  });

  it('gives the same indicator record for every exported dossier', () => {
    for (const b of exported) {
      const record = toDvcqg(b.dossier, b.events, b.files);
      const back = fromDvcqg(JSON.parse(JSON.stringify(record)), calendar);
      expect(comparable(back), `${b.kind} ${b.dossier.code}`).toEqual(comparable(ours(b)));
      expect(back).toMatchObject({ id: b.dossier.code, synced: null, counter: '', clerk: '' });
    }
  });

  it('gives the same report (totals, by procedure, by day and week)', () => {
    const fromDocs = computeIndicators(built.map(ours), PERIOD, calendar);
    const fromFile = computeIndicators(fromDvcqgArray(JSON.parse(JSON.stringify(exported.map((b) => toDvcqg(b.dossier, b.events, b.files)))), calendar), PERIOD, calendar);
    expect(rows(fromFile)).toEqual(rows(fromDocs));
    expect(fromDocs.totals.received).toBeGreaterThan(20);
    expect(fromDocs.totals.late).toBeGreaterThan(0);
    expect(fromDocs.totals.onTime).toBeGreaterThan(0);
    expect(fromFile.totals.synced).toBeNull();
    expect(fromDocs.totals.syncRate).toBe(1);
    // Filtering by procedure works the same on both.
    const filter = { procedureCode: '2.000815' };
    expect(rows(computeIndicators(fromDvcqgArray(exported.map((b) => toDvcqg(b.dossier, b.events, b.files)), calendar), PERIOD, calendar, filter))).toEqual(
      rows(computeIndicators(built.map(ours), PERIOD, calendar, filter)),
    );
  });

  it('writes records the reading schema accepts', () => {
    for (const b of exported) expect(dvcqgRecordInputSchema.safeParse(toDvcqg(b.dossier, b.events, b.files)).success).toBe(true);
  });
});
