import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDoc, DossierEventType, ReturnMethod } from '../../../src-shared/contract/documents';
import type { LifecycleAction } from '../../../src-shared/domain/lifecycle/apply';
import { parseVnDateTime } from '../../../src-shared/domain/vn-time';
import { parseViDate } from '../reception/reception-form';

type ActionType = Exclude<DossierEventType, 'received'>;

interface Props {
  type: ActionType;
  dossier: DossierDoc;
  onSubmit: (action: LifecycleAction) => void;
  onCancel: () => void;
  busy: boolean;
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The details one action needs (reason, recipient, new date …), then the action itself. */
export function ActionForm({ type, dossier, onSubmit, onCancel, busy }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [items, setItems] = useState('');
  const [to, setTo] = useState(dossier.processingBody);
  const [amount, setAmount] = useState('0');
  const [method, setMethod] = useState<ReturnMethod>('inPerson');
  const [signedBy, setSignedBy] = useState(dossier.applicant.name);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('17:00');
  const [error, setError] = useState<string | null>(null);

  function build(): LifecycleAction | null {
    switch (type) {
      case 'supplementRequested':
        return { type, missing: lines(items).map((name) => ({ name, reason: '' })), reason };
      case 'refused':
        return { type, reasons: lines(reason) };
      case 'transferred':
        return { type, to, reason };
      case 'feeRequested':
        return { type, amountVnd: Number(amount.replace(/\D/g, '')) || 0, reason };
      case 'returned':
        return { type, method, signedBy, reason };
      case 'rescheduled': {
        const iso = parseViDate(date);
        const at = iso ? parseVnDateTime(`${iso}T${time}`) : undefined;
        if (!at) {
          setError(t('action.badDate'));
          return null;
        }
        return { type, appointmentAt: at, reason };
      }
      case 'supplemented':
      case 'feePaid':
      case 'resultReceived':
      case 'withdrawn':
      case 'stopped':
        return { type, reason };
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const action = build();
    if (action) onSubmit(action);
  }

  const reasonLabel = type === 'refused' ? t('action.reasonsPerLine') : ['withdrawn', 'stopped', 'rescheduled', 'feeRequested'].includes(type) ? t('action.reason') : t('action.note');
  return (
    <form className="action-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()} data-testid={`action-form-${type}`}>
      <h3>{t(`actions.${type}`)}</h3>
      {type === 'supplementRequested' && (
        <label>
          {t('action.itemsPerLine')}
          <textarea name="items" rows={3} value={items} onChange={(e) => setItems(e.target.value)} autoFocus />
        </label>
      )}
      {type === 'transferred' && (
        <label>
          {t('action.to')}
          <input name="to" value={to} onChange={(e) => setTo(e.target.value)} autoFocus />
        </label>
      )}
      {type === 'feeRequested' && (
        <label>
          {t('action.amount')}
          <input name="amount" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} autoFocus />
        </label>
      )}
      {type === 'returned' && (
        <div className="row">
          <label>
            {t('action.method')}
            <select name="method" value={method} onChange={(e) => setMethod(e.target.value as ReturnMethod)} autoFocus>
              <option value="inPerson">{t('returnMethod.inPerson')}</option>
              <option value="postal">{t('returnMethod.postal')}</option>
              <option value="electronic">{t('returnMethod.electronic')}</option>
            </select>
          </label>
          <label>
            {t('action.signedBy')}
            <input name="signedBy" value={signedBy} onChange={(e) => setSignedBy(e.target.value)} />
          </label>
        </div>
      )}
      {type === 'rescheduled' && (
        <div className="row">
          <label>
            {t('action.newDate')}
            <input name="newDate" placeholder="dd/mm/yyyy" value={date} onChange={(e) => setDate(e.target.value)} autoFocus />
          </label>
          <label>
            {t('action.newTime')}
            <input name="newTime" placeholder="HH:mm" value={time} onChange={(e) => setTime(e.target.value)} />
          </label>
        </div>
      )}
      <label>
        {reasonLabel}
        <textarea
          name="reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoFocus={['supplemented', 'refused', 'feePaid', 'resultReceived', 'withdrawn', 'stopped'].includes(type)}
        />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('action.confirm')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
