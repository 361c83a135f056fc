import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { SEARCH_LIMIT, searchDossiers, type SearchKind } from '../../dossiers/search';
import { useWorkspace } from '../../workspace-context';
import { DossierTable } from '../dossier/DossierTable';
import { StatusSummary } from './StatusSummary';

/** One box for every kind of lookup: code, name, ID number or phone (the kind is recognised). */
export function SearchPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<{ query: string; kind: SearchKind; results: DossierDoc[] } | null>(null);
  const found = query.trim() && answer?.query === query ? answer : null;

  useEffect(() => {
    if (!query.trim()) return;
    let current = true;
    const timer = setTimeout(() => void searchDossiers(ws.db, query).then((r) => current && setAnswer({ query, ...r })), 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [ws, query]);

  return (
    <section>
      <h1>{t('search.title')}</h1>
      <StatusSummary />
      <input name="search" autoFocus value={query} placeholder={t('search.placeholder')} aria-label={t('search.title')} onChange={(e) => setQuery(e.target.value)} />
      {found && (
        <p className="muted" role="status" data-testid="search-summary">
          {t('search.summary', { count: found.results.length, kind: t(`search.kind.${found.kind}`) })}
        </p>
      )}
      {found && found.results.length >= SEARCH_LIMIT && <p className="muted">{t('search.narrow', { count: SEARCH_LIMIT })}</p>}
      {found && found.results.length > 0 && <DossierTable dossiers={found.results} testId="search-results" />}
    </section>
  );
}
