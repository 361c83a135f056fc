import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANOMALY_KINDS, anomalies, anomalyScope, dayBreakdown, dayGroupFacts, dueLists, type Anomaly, type Breakdown } from '../../../src-shared/domain/review/day-review';
import { useNow, useVnToday } from '../../hooks';
import { useWorkspace } from '../../workspace-context';
import { formatViDateInput, parseViDate } from '../reception/reception-form';
import { FactList } from './FactList';
import { SignoffPanel } from './SignoffPanel';
import type { DossierFact } from '../../supervisor/facts-store';

const BREAKDOWNS: readonly Breakdown[] = ['counter', 'clerk', 'procedure'];

/** The supervisor's end-of-day review: the day per counter, clerk and procedure, what is coming due, anomalies, sign-off. */
export function DayReview({ facts }: { facts: readonly DossierFact[] }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const today = useVnToday();
  const now = useNow(60_000);
  const [dayText, setDayText] = useState(formatViDateInput(today));
  // parseViDate gives '' for an empty field: review today then, as for a malformed date.
  const day = parseViDate(dayText) || today;
  const [by, setBy] = useState<Breakdown>('counter');
  const [selected, setSelected] = useState<string | null>(null);
  const [withinText, setWithinText] = useState('3');
  const within = Math.max(1, Math.min(30, Number.parseInt(withinText, 10) || 3));
  const [openAnomaly, setOpenAnomaly] = useState<Anomaly['kind'] | null>(null);

  const rows = useMemo(() => dayBreakdown(facts, day, by), [facts, day, by]);
  const due = useMemo(() => dueLists(facts, now, ws.calendar, within), [facts, now, ws.calendar, within]);
  // The window is cut once per facts or day, not again on every minute's tick of `now`.
  const scope = useMemo(() => anomalyScope(facts, day), [facts, day]);
  const found = useMemo(() => anomalies(scope, now, ws.calendar), [scope, now, ws.calendar]);
  const groupFacts = useMemo(() => (selected === null ? [] : dayGroupFacts(facts, day, by, selected)), [facts, day, by, selected]);

  return (
    <div className="review" data-testid="day-review">
      <div className="row filters">
        <label>
          {t('supervisor.day')}
          <input name="review-day" value={dayText} placeholder="dd/mm/yyyy" onChange={(e) => setDayText(e.target.value)} aria-invalid={!parseViDate(dayText) || undefined} />
        </label>
        <label>
          {t('supervisor.breakdownBy')}
          <select name="breakdown" value={by} onChange={(e) => { setBy(e.target.value as Breakdown); setSelected(null); }}>
            {BREAKDOWNS.map((b) => (
              <option key={b} value={b}>{t(`supervisor.by.${b}`)}</option>
            ))}
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('supervisor.noneReceived')}</p>
      ) : (
        <table className="list" data-testid="day-breakdown">
          <thead>
            <tr>
              <th>{t(`supervisor.by.${by}`)}</th>
              <th>{t('supervisor.columns.received')}</th>
              <th>{t('supervisor.columns.online')}</th>
              <th>{t('supervisor.columns.digitised')}</th>
              <th>{t('supervisor.columns.notSynced')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} aria-selected={r.key === selected || undefined}>
                <td>
                  <button type="button" className="link" onClick={() => setSelected(r.key === selected ? null : r.key)}>{r.label}</button>
                </td>
                <td>{r.received}</td>
                <td>{r.online}</td>
                <td>{r.digitised}</td>
                <td>{r.notSynced}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected !== null && <FactList facts={groupFacts} testId="day-group-list" />}

      <SignoffPanel day={day} />

      <h2>{t('supervisor.due.title')}</h2>
      <label>
        {t('supervisor.due.within')}
        <input name="due-within" type="number" min={1} max={30} value={withinText} onChange={(e) => setWithinText(e.target.value)} />
      </label>
      {(['overdue', 'dueToday', 'dueSoon'] as const).map((k) => (
        <details key={k} data-testid={`due-${k}`}>
          <summary>{t(`supervisor.due.${k}`, { count: due[k].length })}</summary>
          {due[k].length === 0 ? <p className="muted">{t('supervisor.due.none')}</p> : <FactList facts={due[k]} />}
        </details>
      ))}

      <h2>{t('supervisor.anomalies.title', { count: found.length })}</h2>
      {found.length === 0 && <p className="muted">{t('supervisor.anomalies.none')}</p>}
      {ANOMALY_KINDS.map((kind) => {
        const list = found.filter((a) => a.kind === kind);
        if (list.length === 0) return null;
        const details = new Map(list.map((a) => [a.fact.id, a.detail]));
        return (
          <details key={kind} open={openAnomaly === kind} onToggle={(e) => (e.currentTarget.open ? setOpenAnomaly(kind) : undefined)} data-testid={`anomaly-${kind}`}>
            <summary>
              {t(`supervisor.anomalies.${kind}`)} ({list.length})
            </summary>
            <FactList facts={list.map((a) => a.fact)} extra={(f) => (details.get(f.id) ? t(`supervisor.anomalies.detail.${details.get(f.id)}`) : '')} />
          </details>
        );
      })}
    </div>
  );
}
