import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../src-shared/domain/procedure';
import { ReceptionError } from '../../../src-shared/domain/reception';
import { useObservable } from '../../hooks';
import { useWorkspace } from '../../workspace-context';
import { ProcedurePicker } from './ProcedurePicker';
import { saveReception } from './save-reception';
import { TodayList } from './TodayList';

export function ReceptionPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const procedures = useObservable(() => ws.db.procedures.find({ sort: [{ code: 'asc' }] }).$, [], [ws]);
  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const [kind, setKind] = useState<'individual' | 'organisation'>('individual');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!procedure) return setMessage({ kind: 'error', text: t('reception.chooseProcedure') });
    try {
      const dossier = await saveReception(ws, { procedure, applicant: { kind, name } });
      setMessage({ kind: 'ok', text: t('reception.saved', { name: dossier.applicant.name }) });
      setName('');
      nameInput.current?.focus();
    } catch (error) {
      const text = error instanceof ReceptionError && error.field === 'applicantName' ? t('reception.enterName') : t('reception.saveFailed', { message: (error as Error).message });
      setMessage({ kind: 'error', text });
    }
  }

  return (
    <section>
      <h1>{t('reception.title')}</h1>
      <form onSubmit={submit} className="reception-form">
        <ProcedurePicker
          procedures={procedures.map((d) => d.toJSON() as Procedure)}
          value={procedure}
          onChange={(p) => {
            setProcedure(p);
            nameInput.current?.focus();
          }}
        />
        {procedure && (
          <p data-testid="chosen-procedure" className="chosen">
            <span className="code">{procedure.code}</span> {procedure.name}
          </p>
        )}
        <label>
          {t('reception.applicantKind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as 'individual' | 'organisation')}>
            <option value="individual">{t('reception.individual')}</option>
            <option value="organisation">{t('reception.organisation')}</option>
          </select>
        </label>
        <label>
          {t('reception.applicantName')}
          <input ref={nameInput} name="applicantName" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">{t('reception.save')}</button>
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
            {message.text}
          </p>
        )}
      </form>
      <TodayList />
    </section>
  );
}
