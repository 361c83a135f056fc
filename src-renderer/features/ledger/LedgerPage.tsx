import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { DOSSIER_STATUS_CODES, type DossierStatus } from '../../../src-shared/domain/dossier-status';
import { LEDGER_SCREEN_LIMIT, queryLedger, type LedgerFilter } from '../../dossiers/ledger-query';
import { useObservable, useVnToday } from '../../hooks';
import { useNavigation } from '../../store/navigation';
import { useWorkspace } from '../../workspace-context';
import { formatViDateInput, parseViDate } from '../reception/reception-form';
import { LEDGER_COLUMNS, LEDGER_DATE_GROUP, ledgerRow } from '../../../src-shared/forms/ledger-table';
import { LedgerExport } from './LedgerExport';

/** The ledger of a period, with the official columns, filters and exports. */
export function LedgerPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const open = useNavigation((s) => s.open);
  const today = useVnToday();
  const procedures = useObservable(() => ws.db.procedures.find({ sort: [{ code: 'asc' }] }).$, [], [ws]);
  const [fromText, setFromText] = useState(formatViDateInput(today));
  const [toText, setToText] = useState(formatViDateInput(today));
  const [procedureCode, setProcedureCode] = useState('');
  const [status, setStatus] = useState('');
  const [clerk, setClerk] = useState('');
  const [rows, setRows] = useState<DossierDoc[] | null>(null);
  const from = parseViDate(fromText);
  const to = parseViDate(toText);
  const valid = Boolean(from && to && from <= to);
  const filter: LedgerFilter = {
    from: from || today,
    to: to || today,
    ...(procedureCode ? { procedureCode } : {}),
    ...(status ? { status: Number(status) as DossierStatus } : {}),
    ...(clerk.trim() ? { clerk: clerk.trim() } : {}),
  };
  const key = JSON.stringify(filter);
  const changes = useObservable(() => ws.db.dossiers.$, null, [ws]);

  useEffect(() => {
    if (!valid) return;
    let current = true;
    void queryLedger(ws.db, filter, LEDGER_SCREEN_LIMIT + 1).then((r) => current && setRows(r));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ws, key, valid, changes]);

  const shown = rows?.slice(0, LEDGER_SCREEN_LIMIT) ?? [];
  return (
    <section>
      <h1>{t('ledger.title')}</h1>
      <div className="row filters">
        <label>
          {t('ledger.from')}
          <input name="from" value={fromText} placeholder="dd/mm/yyyy" onChange={(e) => setFromText(e.target.value)} aria-invalid={!from || undefined} />
        </label>
        <label>
          {t('ledger.to')}
          <input name="to" value={toText} placeholder="dd/mm/yyyy" onChange={(e) => setToText(e.target.value)} aria-invalid={!to || undefined} />
        </label>
        <label>
          {t('reception.procedure')}
          <select name="procedure" value={procedureCode} onChange={(e) => setProcedureCode(e.target.value)}>
            <option value="">{t('ledger.all')}</option>
            {procedures.map((p) => (
              <option key={p.code} value={p.code}>
                {p.code} {p.name.slice(0, 60)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dossier.status')}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('ledger.all')}</option>
            {DOSSIER_STATUS_CODES.map((s) => (
              <option key={s} value={s}>
                {t(`statusName.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ledger.clerk')}
          <input name="clerk" value={clerk} onChange={(e) => setClerk(e.target.value)} />
        </label>
      </div>
      {!valid && (
        <p role="alert" className="error">
          {t('ledger.badRange')}
        </p>
      )}
      {valid && <LedgerExport filter={filter} />}
      {rows && rows.length > LEDGER_SCREEN_LIMIT && <p className="muted">{t('ledger.truncated', { count: LEDGER_SCREEN_LIMIT })}</p>}
      <div className="table-scroll">
        <table className="list ledger" data-testid="ledger-table">
          <thead>
            <tr>
              {LEDGER_COLUMNS.map((c, i) =>
                !c.group ? (
                  <th key={c.header} rowSpan={2}>
                    {c.header}
                  </th>
                ) : c.group !== LEDGER_COLUMNS[i - 1]?.group ? (
                  <th key={c.group} colSpan={LEDGER_COLUMNS.filter((x) => x.group === c.group).length}>
                    {c.group}
                  </th>
                ) : null,
              )}
            </tr>
            <tr>
              {LEDGER_COLUMNS.filter((c) => c.group === LEDGER_DATE_GROUP).map((c) => (
                <th key={c.header}>{c.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((d, i) => (
              <tr key={d.id} data-dossier-id={d.id} tabIndex={0} className="clickable" onClick={() => open(d.id)} onKeyDown={(e) => e.key === 'Enter' && open(d.id)}>
                {ledgerRow(d, i).map((cell, j) => (
                  <td key={LEDGER_COLUMNS[j]!.header}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows && rows.length === 0 && <p className="muted">{t('ledger.empty')}</p>}
    </section>
  );
}
