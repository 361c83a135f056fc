import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import type { ReviewFact } from '../../../src-shared/domain/review/day-review';
import { vnDateTimeText } from '../../format';
import { useNavigation } from '../../store/navigation';
import { useWorkspace } from '../../workspace-context';

/** Rows shown at once; the rest is counted (the list is a drill-down, not an export). */
export const FACT_LIST_LIMIT = 200;

/**
 * Dossiers behind a number: facts carry no citizen data, so the applicant's name is read from the
 * database for the rows shown. A row opens the dossier with its timeline (the control slip).
 */
export function FactList({ facts, extra, testId }: { facts: readonly ReviewFact[]; extra?: (f: ReviewFact) => string; testId?: string }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const open = useNavigation((s) => s.open);
  const shown = facts.slice(0, FACT_LIST_LIMIT);
  const ids = shown.map((f) => f.id).join(',');
  const [docs, setDocs] = useState<Map<string, DossierDoc>>(new Map());

  useEffect(() => {
    let current = true;
    const list = ids ? ids.split(',') : [];
    void ws.db.dossiers.findByIds(list).exec().then((found) => {
      if (current) setDocs(new Map([...found].map(([id, d]) => [id, d.toJSON() as DossierDoc])));
    });
    return () => {
      current = false;
    };
  }, [ws, ids]);

  return (
    <div data-testid={testId}>
      <table className="list">
        <thead>
          <tr>
            <th>{t('supervisor.columns.code')}</th>
            <th>{t('supervisor.columns.applicant')}</th>
            <th>{t('supervisor.columns.procedure')}</th>
            <th>{t('supervisor.columns.appointment')}</th>
            <th>{t('supervisor.columns.status')}</th>
            {extra && <th>{t('supervisor.columns.reason')}</th>}
          </tr>
        </thead>
        <tbody>
          {shown.map((f) => (
            <tr key={f.id + (extra?.(f) ?? '')}>
              <td>
                <button type="button" className="link code" onClick={() => open(f.id)}>
                  {f.code || f.id.slice(0, 8)}
                </button>
              </td>
              <td>{docs.get(f.id)?.applicant.name ?? ''}</td>
              <td>{f.procedureName}</td>
              <td>{vnDateTimeText(f.appointmentAt)}</td>
              <td>{t(`statusName.${f.status}`)}</td>
              {extra && <td>{extra(f)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {facts.length > shown.length && <p className="muted">{t('supervisor.more', { count: facts.length - shown.length })}</p>}
    </div>
  );
}
