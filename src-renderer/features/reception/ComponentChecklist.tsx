import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../src-shared/domain/procedure';
import { fillRequired } from './reception-form';

interface Props {
  procedure: Procedure;
  submitted: Record<string, number>;
  onChange: (submitted: Record<string, number>) => void;
  error?: string;
}

/** What the procedure asks for, and how many copies of each the applicant actually handed in. */
export function ComponentChecklist({ procedure, submitted, onChange, error }: Props) {
  const { t } = useTranslation();
  const allRequired = () => onChange(fillRequired(procedure, submitted));
  return (
    <fieldset className="checklist">
      <legend>{t('checklist.title')}</legend>
      <table className="list" data-testid="checklist">
        <thead>
          <tr>
            <th>{t('checklist.component')}</th>
            <th>{t('checklist.form')}</th>
            <th>{t('checklist.required')}</th>
            <th>{t('checklist.submitted')}</th>
          </tr>
        </thead>
        <tbody>
          {procedure.components.map((c) => (
            <tr key={c.id}>
              <td>
                {c.name}
                {c.optional && <span className="muted"> ({t('checklist.optional')})</span>}
              </td>
              <td>{t(`componentForm.${c.form}`)}</td>
              <td>{c.quantity}</td>
              <td>
                <input
                  type="number"
                  min={0}
                  max={99}
                  name={`submitted-${c.id}`}
                  aria-label={t('checklist.submittedOf', { name: c.name })}
                  value={submitted[c.id] ?? 0}
                  onChange={(e) => onChange({ ...submitted, [c.id]: Math.max(0, Math.min(99, Number(e.target.value) || 0)) })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={allRequired}>
        {t('checklist.all')} (F7)
      </button>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
