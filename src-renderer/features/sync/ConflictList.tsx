import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOSSIER_FIELD_GROUPS, type DossierFieldGroup } from '../../../src-shared/domain/sync/dossier-merge';
import { jsonEqual } from '../../../src-shared/domain/sync/json-equal';
import type { ConflictDoc } from '../../db/local-schemas';
import { vnDateTimeText } from '../../format';
import { useObservable } from '../../hooks';
import { keepLocalVersion, keepPortalVersion } from '../../sync/outbox-actions';
import { useWorkspace } from '../../workspace-context';
import { ErrorAlert } from '../shell/ErrorAlert';

/** The fields where the two versions differ, with both values, for a person to compare. */
function differences(c: ConflictDoc): { field: string; local: string; portal: string }[] {
  const fields = c.groups.flatMap((g) => (g in DOSSIER_FIELD_GROUPS ? [...DOSSIER_FIELD_GROUPS[g as DossierFieldGroup]] : Object.keys(c.local)));
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  return fields.filter((f) => !jsonEqual(c.local[f], c.portal[f])).map((f) => ({ field: f, local: show(c.local[f]), portal: show(c.portal[f]) }));
}

/** Conflicts no rule could settle: both versions side by side, and the person's choice. */
export function ConflictList() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [error, setError] = useState<string | null>(null);
  const open = useObservable(() => ws.db.conflicts.find({ selector: { state: 'open' }, sort: [{ state: 'asc' }, { detectedAt: 'asc' }] }).$, [], [ws]);
  if (open.length === 0) return null;

  async function choose(run: () => Promise<void>) {
    setError(null);
    try {
      await run();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="conflicts-title" data-testid="conflicts">
      <h2 id="conflicts-title">{t('conflicts.title', { count: open.length })}</h2>
      <p className="muted">{t('conflicts.explain')}</p>
      <ErrorAlert message={error} />
      {open.map((doc) => {
        const c = doc.toMutableJSON() as ConflictDoc;
        return (
          <article key={c.id} className="conflict" data-conflict-id={c.id}>
            <h3>
              {t(`outbox.targets.${c.target}`)} · <span className="code">{String(c.portal.code ?? c.docId)}</span> · {vnDateTimeText(c.detectedAt)}
            </h3>
            <table className="list">
              <thead>
                <tr>
                  <th>{t('conflicts.field')}</th>
                  <th>{t('conflicts.local')}</th>
                  <th>{t('conflicts.portal')}</th>
                </tr>
              </thead>
              <tbody>
                {differences(c).map((d) => (
                  <tr key={d.field}>
                    <td className="code">{d.field}</td>
                    <td>{d.local}</td>
                    <td>{d.portal}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="actions">
              <button type="button" className="secondary" onClick={() => void choose(() => keepPortalVersion(ws, c))}>
                {t('conflicts.keepPortal')}
              </button>
              {c.target === 'dossiers' && (
                <button type="button" className="secondary" onClick={() => void choose(() => keepLocalVersion(ws, c))}>
                  {t('conflicts.keepLocal')}
                </button>
              )}
            </div>
          </article>
        );
      })}
    </section>
  );
}
