import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { searchProcedures } from '../../../src-shared/domain/procedure-search';
import type { Procedure } from '../../../src-shared/domain/procedure';

const MAX_SHOWN = 20;

/** Diacritics-insensitive search over the catalog, usable from the keyboard alone. */
export function ProcedurePicker({ procedures, value, onChange }: { procedures: Procedure[]; value: Procedure | null; onChange: (p: Procedure) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const matches = useMemo(() => searchProcedures(procedures, query, MAX_SHOWN), [procedures, query]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') setHighlight((h) => Math.min(h + 1, matches.length - 1));
    else if (event.key === 'ArrowUp') setHighlight((h) => Math.max(h - 1, 0));
    else if (event.key === 'Enter') {
      const chosen = matches[highlight];
      if (chosen) onChange(chosen);
    } else return;
    event.preventDefault();
  }

  return (
    <fieldset className="picker">
      <legend>{t('reception.procedure')}</legend>
      <input
        aria-label={t('reception.procedureSearch')}
        placeholder={t('reception.procedureSearch')}
        role="combobox"
        aria-expanded="true"
        aria-controls="procedure-options"
        value={query}
        autoFocus
        onChange={(e) => {
          setQuery(e.target.value);
          setHighlight(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="procedure-options" role="listbox" aria-label={t('reception.procedure')}>
        {matches.map((p, i) => (
          <li
            key={p.code}
            role="option"
            aria-selected={value?.code === p.code}
            className={i === highlight ? 'highlight' : undefined}
            onClick={() => onChange(p)}
          >
            <span className="code">{p.code}</span> {p.name} <span className="muted">· {p.field}</span>
          </li>
        ))}
        {matches.length === 0 && <li className="muted">{t('reception.noProcedure')}</li>}
      </ul>
    </fieldset>
  );
}
