import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { LifecycleError } from '../../../src-shared/domain/lifecycle/errors';
import type { Procedure } from '../../../src-shared/domain/procedure';
import { checklist, ReceptionError, type CheckOutcome } from '../../../src-shared/domain/reception';
import { saveCheck } from '../../dossiers/actions';
import { NumbersExhaustedError } from '../../dossiers/numbers';
import { useObservable } from '../../hooks';
import { useLocalize } from '../../localize';
import { useWorkspace } from '../../workspace-context';
import { ApplicantFields } from './ApplicantFields';
import { ComponentChecklist } from './ComponentChecklist';
import { NumbersLeft } from './NumbersLeft';
import { OutcomePanel } from './OutcomePanel';
import { ProcedurePicker } from './ProcedurePicker';
import { ReceptionResult } from './ReceptionResult';
import { emptyForm, fillRequired, toReceptionInput, type ReceptionForm } from './reception-form';
import { TodayList } from './TodayList';

/** The counter check: procedure, applicant, checklist, then receive / request a supplement / refuse. */
export function ReceptionPage({ resume }: { resume?: DossierDoc }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const ws = useWorkspace();
  const procedures = useObservable(() => ws.db.procedures.find({ sort: [{ code: 'asc' }] }).$, [], [ws]);
  const [form, setForm] = useState<ReceptionForm>(() => (resume ? formOf(resume) : emptyForm()));
  const [existing, setExisting] = useState<DossierDoc | undefined>(resume);
  const [panel, setPanel] = useState<'supplement' | 'refuse' | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<DossierDoc | null>(null);
  const [busy, setBusy] = useState(false);
  /** Changing it remounts the form: a clean procedure search with the focus in it. */
  const [formKey, setFormKey] = useState(0);
  const applicantStart = useRef<HTMLDivElement>(null);

  async function record(outcome: CheckOutcome) {
    if (!form.procedure) return setErrors({ procedure: t('reception.chooseProcedure') });
    setBusy(true);
    setFailure(null);
    try {
      const dossier = await saveCheck(ws, toReceptionInput(form), outcome, existing);
      setSaved(dossier);
      setErrors({});
      setPanel(null);
    } catch (error) {
      if (error instanceof ReceptionError) {
        setErrors(Object.fromEntries(error.errors.map((e) => [e.field, localize(e)])));
        setPanel(null);
      } else if (error instanceof LifecycleError) setFailure(localize(error));
      else if (error instanceof NumbersExhaustedError) setFailure(localize(error.detail));
      else setFailure(t('reception.saveFailed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void record({ kind: 'receive' });
  }

  function startOver() {
    setFormKey((k) => k + 1);
    setForm(emptyForm());
    setExisting(undefined);
    setSaved(null);
    setErrors({});
    setFailure(null);
  }

  if (saved)
    return (
      <section>
        <ReceptionResult dossier={saved} onNext={startOver} />
        <TodayList />
      </section>
    );

  /** Function keys for the busiest actions; Enter in any field receives (the form's submit). */
  function shortcuts(event: KeyboardEvent<HTMLFormElement>) {
    if (!form.procedure || busy) return;
    const key = event.key;
    if (key === 'F7') {
      setForm({ ...form, submitted: fillRequired(form.procedure, form.submitted) });
    } else if (key === 'F8') setPanel('supplement');
    else if (key === 'F9') setPanel('refuse');
    else return;
    event.preventDefault();
  }

  const errorList = Object.entries(errors);
  return (
    <section>
      <div className="title-row">
        <h1>{existing ? t('reception.resumeTitle') : t('reception.title')}</h1>
        <NumbersLeft />
      </div>
      <form key={formKey} onSubmit={submit} onKeyDown={shortcuts} className="reception-form" aria-busy={busy}>
        <ProcedurePicker
          procedures={procedures.map((d) => d.toJSON() as Procedure)}
          value={form.procedure}
          onChange={(p) => {
            setForm({ ...form, procedure: p, submitted: {} });
            requestAnimationFrame(() => applicantStart.current?.querySelector<HTMLInputElement>('input[name="qr"]')?.focus());
          }}
        />
        {form.procedure && (
          <p data-testid="chosen-procedure" className="chosen">
            <span className="code">{form.procedure.code}</span> {form.procedure.name} · {t(`limit.${form.procedure.limit.unit}`, { count: form.procedure.limit.value })}
          </p>
        )}
        <div ref={applicantStart}>
          <ApplicantFields applicant={form.applicant} onChange={(applicant) => setForm({ ...form, applicant })} errors={errors} />
        </div>
        <div className="row">
          <label>
            {t('reception.channel')}
            <select name="channel" value={form.channel} onChange={(e) => setForm({ ...form, channel: Number(e.target.value) as ReceptionForm['channel'] })}>
              <option value={1}>{t('channel.1')}</option>
              <option value={3}>{t('channel.3')}</option>
            </select>
          </label>
          <label className={errors.sets ? 'invalid' : undefined}>
            {t('reception.sets')}
            <input name="sets" type="number" min={1} max={99} value={form.sets} onChange={(e) => setForm({ ...form, sets: Number(e.target.value) || 0 })} />
            {errors.sets && <span className="field-error">{errors.sets}</span>}
          </label>
        </div>
        {form.procedure && (
          <ComponentChecklist procedure={form.procedure} submitted={form.submitted} onChange={(submitted) => setForm({ ...form, submitted })} error={errors.components} />
        )}
        <label>
          {t('reception.notes')}
          <textarea name="notes" rows={2} maxLength={2000} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
        </label>
        {errorList.length > 0 && (
          <div role="alert" className="error" data-testid="reception-errors">
            <p>{t('reception.fixErrors')}</p>
            <ul>
              {errorList.map(([field, message]) => (
                <li key={field}>{message}</li>
              ))}
            </ul>
          </div>
        )}
        {failure && (
          <p role="alert" className="error">
            {failure}
          </p>
        )}
        {panel ? (
          <OutcomePanel kind={panel} components={form.procedure ? checklist(form.procedure, form.submitted) : []} onConfirm={(o) => void record(o)} onCancel={() => setPanel(null)} busy={busy} />
        ) : (
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('reception.receive')} (Enter)
            </button>
            <button type="button" className="secondary" onClick={() => setPanel('supplement')} disabled={busy || !form.procedure}>
              {t('reception.requestSupplement')} (F8)
            </button>
            <button type="button" className="danger" onClick={() => setPanel('refuse')} disabled={busy || !form.procedure}>
              {t('reception.refuse')} (F9)
            </button>
            <button type="button" className="link" onClick={startOver} disabled={busy}>
              {t('reception.clear')}
            </button>
          </div>
        )}
      </form>
      {!existing && <TodayList />}
    </section>
  );
}

/**
 * A dossier that came back after a supplement request at the counter, loaded into the form. Its
 * procedure is taken from the dossier itself: what the applicant was told, even if the catalog changed.
 */
function formOf(dossier: DossierDoc): ReceptionForm {
  const procedure: Procedure = {
    code: dossier.procedureCode,
    name: dossier.procedureName,
    field: dossier.procedureField,
    processingBody: dossier.processingBody,
    limit: dossier.limit,
    components: dossier.components.map(({ id, name, form, quantity, optional }) => ({ id, name, form, quantity, optional })),
    fee: { amountVnd: 0 },
    paperResult: true,
  };
  return {
    procedure,
    applicant: dossier.applicant,
    channel: dossier.channel,
    sets: dossier.sets,
    submitted: Object.fromEntries(dossier.components.map((c) => [c.id, c.submitted])),
    notes: dossier.notes,
  };
}
