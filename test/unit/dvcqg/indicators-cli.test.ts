/** `motcua indicators --dvcqg <file>`: reading any system's file, the table, and every refusal. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIndicatorsCommand } from '../../../src-main/cli/indicators';
import type { IndicatorReport } from '../../../src-shared/domain/indicators/record';
import { RESOURCES } from '../lifecycle/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'motcua-indicators-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runIndicatorsCommand(args, {}, (l) => out.push(l), (l) => err.push(l), RESOURCES);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const period = ['--from', '2026-11-01', '--to', '2026-11-30'];

/** Records as another province's system writes them: numbers, missing arrays, extra fields. */
const foreign = [
  { MaHoSo: 'H56.22-261102-0001', MaTTHC: '1.004873', TenTTHC: 'Xác nhận tình trạng hôn nhân', NgayTiepNhan: '20261102080000', NgayHenTra: '20261105170000', NgayKetThucXuLy: '20261104100000', TrangThaiHoSo: 10, KenhThucHien: 2, TaiLieuNop: [{ DuocSoHoa: true }], GhiChu: 'x' },
  { MaHoSo: 'H56.22-261103-0001', MaTTHC: '1.004873', TenTTHC: 'Xác nhận tình trạng hôn nhân', NgayTiepNhan: '20261103080000', NgayHenTra: '20261106170000', NgayKetThucXuLy: '20261110100000', TrangThaiHoSo: '9', KenhThucHien: '1', TaiLieuNop: [{ DuocSoHoa: '0' }] },
  { MaHoSo: 'H56.22-261104-0001', MaTTHC: '2.000815', TenTTHC: 'Chứng thực bản sao', NgayTiepNhan: '20261104080000', NgayHenTra: '20261104170000', TrangThaiHoSo: '4' },
  // Received before the period: not counted.
  { MaHoSo: 'H56.22-261031-0001', MaTTHC: '2.000815', NgayTiepNhan: '20261031080000', TrangThaiHoSo: '4' },
];

describe('motcua indicators', () => {
  it('computes the indicators of another system\'s file', async () => {
    const res = await run(['--dvcqg', file('foreign.json', foreign), ...period, '--json']);
    expect(res.code, res.err).toBe(0);
    const report = JSON.parse(res.out) as IndicatorReport;
    expect(report.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(report.totals).toMatchObject({ received: 3, onTime: 1, late: 2, onTimeRate: 1 / 3, digitised: 1, online: 1, synced: null, syncRate: null, processed: 2 });
    expect(report.byProcedure.map((r) => [r.key, r.label, r.received])).toEqual([
      ['1.004873', 'Xác nhận tình trạng hôn nhân', 2],
      ['2.000815', 'Chứng thực bản sao', 1],
    ]);
    const one = JSON.parse((await run(['--dvcqg', file('foreign.json', foreign), ...period, '--procedure', '2.000815', '--json'])).out) as IndicatorReport;
    expect(one.filter).toEqual({ procedureCode: '2.000815' });
    expect(one.totals.received).toBe(1);
    // A byte-order mark (Windows editors) is fine.
    expect((await run(['--dvcqg', file('bom.json', `\ufeff${JSON.stringify(foreign)}`), ...period, '--json'])).code).toBe(0);
  });

  it('prints a table without --json, and the timings with --timing', async () => {
    const res = await run(['--dvcqg', file('foreign.json', foreign), ...period, '--timing']);
    expect(res.code).toBe(0);
    const lines = res.out.split('\n');
    expect(lines[0]).toBe('Service-quality indicators, dossiers received 2026-11-01 – 2026-11-30');
    expect(lines[3]).toMatch(/^Procedure +Received +On time +Late +Digitised +Online +Synced +Avg days$/);
    expect(lines[4]).toMatch(/^All procedures +3 +33\.3% +2 +33\.3% +33\.3% +— +\d+\.\d\d$/);
    expect(lines[5]).toMatch(/^1\.004873 Xác nhận tình trạng hôn nhân +2 +50\.0% +1 /);
    expect(res.err).toMatch(/^4 records, \d+ characters: read \d+ ms, JSON\.parse \d+ ms, check and map \d+ ms, compute \d+ ms$/);
  });

  it('refuses a bad file with the record and field, exit 1', async () => {
    const cases: [unknown, RegExp][] = [
      ['{"MaHoSo": ', /bad\.json is not a JSON file: /],
      [{ records: foreign }, /bad\.json: A DVCQG file holds a JSON array of DongBoHoSoMC records, not object/],
      [[...foreign.slice(0, 2), { ...foreign[2], NgayTiepNhan: '04/11/2026' }], /bad\.json: record \[2\] \(MaHoSo H56\.22-261104-0001\): NgayTiepNhan "04\/11\/2026" is not a date yyyyMMddHHmmss/],
      [[foreign[0], { MaTTHC: '1.004873' }], /record \[1\]: MaHoSo is missing/],
      [[foreign[0], null], /record \[1\]: \(record\) must be an object, not null/],
    ];
    for (const [content, message] of cases) {
      const res = await run(['--dvcqg', file('bad.json', content), ...period]);
      expect(res.code).toBe(1);
      expect(res.err).toMatch(message);
      expect(res.out).toBe('');
    }
    expect(await run(['--dvcqg', join(dir, 'none.json'), ...period])).toMatchObject({ code: 1, err: expect.stringMatching(/cannot read .*none\.json: no such file/) });
  });

  it('refuses bad arguments, exit 2', async () => {
    const good = file('foreign.json', foreign);
    for (const [args, message] of [
      [period, /--dvcqg/],
      [['--dvcqg', good, '--from', '2026-11-01'], /--to: give a date yyyy-MM-dd/],
      [['--dvcqg', good, '--from', '2026-11-01', '--to', '2026-02-30'], /--to: "2026-02-30" is not a date/],
      [['--dvcqg', good, '--from', '2026-01-01', '--to', '2027-06-30'], /at most 366 days/],
      [['--dvcqg', good, ...period, '--procedure', ' '], /--procedure/],
      [['--dvcqg', good, ...period, 'extra'], /extra/],
    ] as [string[], RegExp][]) {
      const res = await run(args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.err).toMatch(message);
      expect(res.err).toMatch(/Usage: indicators --dvcqg/);
    }
  });
});
