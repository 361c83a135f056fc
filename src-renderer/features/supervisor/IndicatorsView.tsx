import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeIndicators } from '../../../src-shared/domain/indicators/compute';
import { drillDown } from '../../../src-shared/domain/indicators/drill-down';
import type { DrillDown, IndicatorFilter, IndicatorGrouping, IndicatorMetric, IndicatorRow, IndicatorValues, Period } from '../../../src-shared/domain/indicators/record';
import { useVnToday } from '../../hooks';
import { useWorkspace } from '../../workspace-context';
import { formatViDateInput, parseViDate } from '../reception/reception-form';
import type { DossierFact } from '../../supervisor/facts-store';
import { FactList } from './FactList';
import { TrendChart, type Series } from './TrendChart';
import { percentText, ratePercent } from './use-facts';
import { IndicatorExport } from './IndicatorExport';

type GroupTab = 'procedure' | 'counter' | 'clerk';
const GROUP_TABS: readonly GroupTab[] = ['procedure', 'counter', 'clerk'];
const ROWS_OF: Record<GroupTab, 'byProcedure' | 'byCounter' | 'byClerk'> = { procedure: 'byProcedure', counter: 'byCounter', clerk: 'byClerk' };
type CountColumn = 'received' | 'onTime' | 'late' | 'digitised' | 'online' | 'processed';
const COUNT_COLUMNS: readonly CountColumn[] = ['received', 'onTime', 'late', 'digitised', 'online', 'processed'];

const uniqueSorted = (values: Iterable<string>) => [...new Set(values)].filter(Boolean).sort();

/** Service-quality indicators (Decision 766) for any range and scope, with trends and a drill-down behind every number. */
export function IndicatorsView({ facts }: { facts: readonly DossierFact[] }) {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const today = useVnToday();
  const [fromText, setFromText] = useState(formatViDateInput(`${today.slice(0, 8)}01`));
  const [toText, setToText] = useState(formatViDateInput(today));
  const [filter, setFilter] = useState<IndicatorFilter>({});
  const [tab, setTab] = useState<GroupTab>('procedure');
  const [trend, setTrend] = useState<'day' | 'week'>('day');
  const [drill, setDrill] = useState<(DrillDown & { label: string }) | null>(null);
  // The charts' canvases, for the PDF export: a stable map the charts register into.
  const [canvases] = useState(() => new Map<string, HTMLCanvasElement>());
  const from = parseViDate(fromText);
  const to = parseViDate(toText);
  const valid = Boolean(from && to && from <= to);
  const period: Period = useMemo(() => ({ from: from ?? today, to: to ?? today }), [from, to, today]);

  const options = useMemo(
    () => ({
      counters: uniqueSorted(facts.map((f) => f.counter)),
      clerks: uniqueSorted(facts.map((f) => f.clerk)),
      procedures: [...new Map(facts.map((f) => [f.procedureCode, f.procedureName])).entries()].sort((a, b) => a[0].localeCompare(b[0])),
    }),
    [facts],
  );
  const report = useMemo(() => (valid ? computeIndicators(facts, period, ws.calendar, filter) : null), [facts, period, ws.calendar, filter, valid]);
  const drilled = useMemo(
    () => (drill && valid ? drillDown(facts, period, ws.calendar, filter, drill) : []),
    [drill, facts, period, ws.calendar, filter, valid],
  );

  const trendRows = useMemo(() => (report ? (trend === 'day' ? report.byDay : report.byWeek) : []), [report, trend]);
  const labels = useMemo(() => trendRows.map((r) => r.label), [trendRows]);
  const rateSeries: Series[] = useMemo(
    () => [
      { label: t('supervisor.columns.onTimeRate'), values: trendRows.map((r) => ratePercent(r.onTimeRate)), color: '#1b7f3b' },
      { label: t('supervisor.columns.digitisedRate'), values: trendRows.map((r) => ratePercent(r.digitisedRate)), color: '#1f5fae' },
    ],
    [trendRows, t],
  );
  const receivedSeries: Series[] = useMemo(() => [{ label: t('supervisor.columns.received'), values: trendRows.map((r) => r.received), color: '#8a5a00' }], [trendRows, t]);
  const rateCanvas = useCallback((c: HTMLCanvasElement | null) => (c ? canvases.set('rates', c) : canvases.delete('rates')), [canvases]);
  const receivedCanvas = useCallback((c: HTMLCanvasElement | null) => (c ? canvases.set('received', c) : canvases.delete('received')), [canvases]);

  const open = (metric: IndicatorMetric, label: string, group?: { by: IndicatorGrouping; key: string }) => setDrill({ metric, label, ...(group ? { group } : {}) });
  const number = (value: number | null, metric: IndicatorMetric, label: string, group?: { by: IndicatorGrouping; key: string }) =>
    value === null ? '—' : (
      <button type="button" className="link number" data-metric={metric} data-group={group?.key ?? 'total'} onClick={() => open(metric, label, group)}>
        {value}
      </button>
    );
  const setFilterField = (field: keyof IndicatorFilter, value: string) => {
    setFilter((f) => {
      const next = { ...f };
      if (value) next[field] = value;
      else delete next[field];
      return next;
    });
  };
  const totals: IndicatorValues | undefined = report?.totals;

  return (
    <div className="indicators" data-testid="indicators">
      <div className="row filters">
        <label>
          {t('supervisor.indicators.from')}
          <input name="from" value={fromText} placeholder="dd/mm/yyyy" onChange={(e) => setFromText(e.target.value)} aria-invalid={!from || undefined} />
        </label>
        <label>
          {t('supervisor.indicators.to')}
          <input name="to" value={toText} placeholder="dd/mm/yyyy" onChange={(e) => setToText(e.target.value)} aria-invalid={!to || undefined} />
        </label>
        <label>
          {t('supervisor.indicators.counter')}
          <select name="counter" value={filter.counter ?? ''} onChange={(e) => setFilterField('counter', e.target.value)}>
            <option value="">{t('supervisor.indicators.all')}</option>
            {options.counters.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label>
          {t('supervisor.indicators.clerk')}
          <select name="clerk" value={filter.clerk ?? ''} onChange={(e) => setFilterField('clerk', e.target.value)}>
            <option value="">{t('supervisor.indicators.all')}</option>
            {options.clerks.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label>
          {t('supervisor.indicators.procedure')}
          <select name="procedure" value={filter.procedureCode ?? ''} onChange={(e) => setFilterField('procedureCode', e.target.value)}>
            <option value="">{t('supervisor.indicators.all')}</option>
            {options.procedures.map(([code, name]) => <option key={code} value={code}>{code} – {name}</option>)}
          </select>
        </label>
      </div>
      {!valid && <p role="alert" className="error">{t('supervisor.indicators.invalidRange')}</p>}
      {report && totals && (
        <>
          <h2>{t('supervisor.indicators.totals')}</h2>
          <dl className="facts totals" data-testid="indicator-totals">
            <dt>{t('supervisor.columns.received')}</dt>
            <dd data-testid="total-received">{number(totals.received, 'received', t('supervisor.metric.received'))}</dd>
            <dt>{t('supervisor.columns.onTime')} / {t('supervisor.columns.late')}</dt>
            <dd>
              {number(totals.onTime, 'onTime', t('supervisor.metric.onTime'))} / {number(totals.late, 'late', t('supervisor.metric.late'))}
            </dd>
            <dt>{t('supervisor.columns.onTimeRate')}</dt>
            <dd data-testid="total-onTimeRate">{percentText(totals.onTimeRate, i18n.language)}</dd>
            <dt>{t('supervisor.columns.digitisedRate')}</dt>
            <dd data-testid="total-digitisedRate">
              {percentText(totals.digitisedRate, i18n.language)} ({number(totals.digitised, 'digitised', t('supervisor.metric.digitised'))})
            </dd>
            <dt>{t('supervisor.columns.onlineRate')}</dt>
            <dd>
              {percentText(totals.onlineRate, i18n.language)} ({number(totals.online, 'online', t('supervisor.metric.online'))})
            </dd>
            <dt>{t('supervisor.columns.syncRate')}</dt>
            <dd data-testid="total-syncRate">
              {percentText(totals.syncRate, i18n.language)} ({number(totals.synced, 'synced', t('supervisor.metric.synced'))})
            </dd>
            <dt>{t('supervisor.columns.averageDays')}</dt>
            <dd data-testid="total-averageDays">{totals.averageProcessingDays ?? '—'} ({number(totals.processed, 'processed', t('supervisor.metric.processed'))})</dd>
          </dl>
          <p className="muted">{t('supervisor.indicators.rules')}</p>

          <div className="row" role="tablist">
            {GROUP_TABS.map((g) => (
              <button key={g} type="button" role="tab" aria-selected={g === tab} className={g === tab ? '' : 'secondary'} onClick={() => setTab(g)}>
                {t(`supervisor.indicators.by${g[0]!.toUpperCase()}${g.slice(1)}`)}
              </button>
            ))}
          </div>
          <GroupTable rows={report[ROWS_OF[tab]]} tab={tab} number={number} language={i18n.language} />

          <h2>{t('supervisor.indicators.trend')}</h2>
          <div className="row" role="tablist">
            {(['day', 'week'] as const).map((k) => (
              <button key={k} type="button" role="tab" aria-selected={k === trend} className={k === trend ? '' : 'secondary'} onClick={() => setTrend(k)}>
                {t(`supervisor.indicators.by${k === 'day' ? 'Day' : 'Week'}`)}
              </button>
            ))}
          </div>
          <TrendChart kind="line" title={t('supervisor.indicators.chartRates')} labels={labels} series={rateSeries} max={100} onCanvas={rateCanvas} testId="chart-rates" />
          <TrendChart kind="bar" title={t('supervisor.indicators.chartReceived')} labels={labels} series={receivedSeries} onCanvas={receivedCanvas} testId="chart-received" />
          <IndicatorExport report={report} canvases={canvases} />
        </>
      )}
      {drill && (
        <section data-testid="drill-down" data-count={drilled.length}>
          <h2>
            {t('supervisor.indicators.drill', { label: drill.label, count: drilled.length })}{' '}
            <button type="button" className="secondary" onClick={() => setDrill(null)}>{t('common.close')}</button>
          </h2>
          <FactList facts={drilled} />
        </section>
      )}
    </div>
  );
}

function GroupTable({ rows, tab, number, language }: {
  rows: IndicatorRow[];
  tab: GroupTab;
  number: (value: number | null, metric: IndicatorMetric, label: string, group?: { by: IndicatorGrouping; key: string }) => React.ReactNode;
  language: string;
}) {
  const { t } = useTranslation();
  return (
    <table className="list" data-testid={`indicator-by-${tab}`}>
      <thead>
        <tr>
          <th>{t(`supervisor.by.${tab}`)}</th>
          {COUNT_COLUMNS.map((m) => <th key={m}>{t(`supervisor.metric.${m}`)}</th>)}
          <th>{t('supervisor.columns.onTimeRate')}</th>
          <th>{t('supervisor.columns.digitisedRate')}</th>
          <th>{t('supervisor.columns.averageDays')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <td>{tab === 'procedure' ? <><span className="code">{r.key}</span> {r.label}</> : r.label}</td>
            {COUNT_COLUMNS.map((m) => (
              <td key={m}>{number(r[m], m, `${r.label} – ${t(`supervisor.metric.${m}`)}`, { by: tab, key: r.key })}</td>
            ))}
            <td>{percentText(r.onTimeRate, language)}</td>
            <td>{percentText(r.digitisedRate, language)}</td>
            <td>{r.averageProcessingDays ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
