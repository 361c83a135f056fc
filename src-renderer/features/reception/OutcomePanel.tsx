import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierComponent } from '../../../src-shared/contract/documents';
import type { MissingItem } from '../../../src-shared/domain/lifecycle/apply';
import type { CheckOutcome } from '../../../src-shared/domain/reception';
import { missingComponents } from '../../../src-shared/domain/reception';

interface Props {
  kind: 'supplement' | 'refuse';
  components: DossierComponent[];
  onConfirm: (outcome: CheckOutcome) => void;
  onCancel: () => void;
  busy: boolean;
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** Details of a supplement request (form 02: what is missing) or a refusal (form 03: why). */
export function OutcomePanel({ kind, components, onConfirm, onCancel, busy }: Props) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState<MissingItem[]>(() => missingComponents(components));
  const [extra, setExtra] = useState('');
  const [reason, setReason] = useState('');

  function confirm() {
    if (kind === 'refuse') onConfirm({ kind: 'refuse', reasons: lines(reason) });
    else onConfirm({ kind: 'supplement', missing: [...missing, ...lines(extra).map((name) => ({ name, reason: '' }))], reason });
  }

  return (
    <section className="outcome" aria-labelledby="outcome-title" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h2 id="outcome-title">{kind === 'refuse' ? t('outcome.refuseTitle') : t('outcome.supplementTitle')}</h2>
      {kind === 'supplement' && (
        <>
          {missing.length > 0 && (
            <ol className="missing">
              {missing.map((m, i) => (
                <li key={m.componentId ?? i}>
                  <label>
                    {m.name}
                    <input
                      name={`missing-reason-${i}`}
                      value={m.reason}
                      onChange={(e) => setMissing(missing.map((x, j) => (j === i ? { ...x, reason: e.target.value } : x)))}
                    />
                  </label>
                </li>
              ))}
            </ol>
          )}
          <label>
            {t('outcome.extraItems')}
            <textarea name="extraItems" value={extra} rows={3} onChange={(e) => setExtra(e.target.value)} />
          </label>
        </>
      )}
      <label>
        {kind === 'refuse' ? t('outcome.refuseReasons') : t('outcome.supplementNote')}
        <textarea name="outcomeReason" value={reason} rows={3} autoFocus={kind === 'refuse' || missing.length === 0} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="actions">
        <button type="button" onClick={confirm} disabled={busy}>
          {kind === 'refuse' ? t('outcome.confirmRefuse') : t('outcome.confirmSupplement')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
