import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Applicant } from '../../../src-shared/contract/documents';
import { parseCccdQr, type CccdQrParsed } from '../../../src-shared/domain/applicant/cccd-qr';
import { applicantFromCard } from '../../digitize/id-card';
import { useLocalize } from '../../localize';
import { IdCardImageReader } from '../scan/IdCardImageReader';
import { formatViDateInput, parseViDate } from './reception-form';

interface Props {
  applicant: Applicant;
  onChange: (a: Applicant) => void;
  /** Field name → message, shown next to the field. */
  errors: Record<string, string>;
}

/** The applicant (chủ hồ sơ): typed, or pre-filled from the QR code of the chip ID card. */
export function ApplicantFields({ applicant, onChange, errors }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [qr, setQr] = useState('');
  const [qrMessage, setQrMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [birthText, setBirthText] = useState(formatViDateInput(applicant.birthDate));
  const set = (patch: Partial<Applicant>) => onChange({ ...applicant, ...patch });
  const isOrg = applicant.kind === 'organisation';

  function readQr(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const result = parseCccdQr(qr);
    if (!result.ok) {
      setQrMessage({ ok: false, text: result.errors.map(localize).join(' ') });
      return;
    }
    fillFromCard(result);
    setQr('');
    setQrMessage({ ok: true, text: t('applicant.qrRead', { name: result.name }) });
  }

  /** The card's details into the form: from the USB reader's text or, once confirmed, from a card image. */
  function fillFromCard(card: CccdQrParsed) {
    onChange(applicantFromCard(applicant, card));
    setBirthText(formatViDateInput(card.birthDate));
  }

  const field = (name: keyof Applicant, label: string, extra: Record<string, unknown> = {}) => (
    <label className={errors[name] ? 'invalid' : undefined}>
      {label}
      <input
        name={name}
        value={applicant[name]}
        aria-invalid={errors[name] ? true : undefined}
        onChange={(e) => set({ [name]: e.target.value } as Partial<Applicant>)}
        {...extra}
      />
      {errors[name] && <span className="field-error">{errors[name]}</span>}
    </label>
  );

  return (
    <fieldset className="applicant">
      <legend>{t('applicant.title')}</legend>
      <label>
        {t('applicant.qr')}
        <input name="qr" value={qr} placeholder={t('applicant.qrHint')} onChange={(e) => setQr(e.target.value)} onKeyDown={readQr} autoComplete="off" />
        {qrMessage && <span className={qrMessage.ok ? 'ok' : 'field-error'} role="status">{qrMessage.text}</span>}
      </label>
      <div className="row">
        <label>
          {t('applicant.kind')}
          <select name="kind" value={applicant.kind} onChange={(e) => set({ kind: e.target.value as Applicant['kind'] })}>
            <option value="individual">{t('applicant.individual')}</option>
            <option value="organisation">{t('applicant.organisation')}</option>
          </select>
        </label>
        {field('name', isOrg ? t('applicant.orgName') : t('applicant.name'), { maxLength: 200 })}
      </div>
      <div className="row">
        {isOrg ? field('taxCode', t('applicant.taxCode'), { inputMode: 'numeric', maxLength: 14 }) : field('idNumber', t('applicant.idNumber'), { inputMode: 'numeric', maxLength: 14 })}
        {!isOrg && (
          <label className={errors.birthDate ? 'invalid' : undefined}>
            {t('applicant.birthDate')}
            <input
              name="birthDate"
              value={birthText}
              placeholder="dd/mm/yyyy"
              aria-invalid={errors.birthDate ? true : undefined}
              onChange={(e) => {
                setBirthText(e.target.value);
                const iso = parseViDate(e.target.value);
                set({ birthDate: iso === null ? e.target.value : iso });
              }}
            />
            {errors.birthDate && <span className="field-error">{errors.birthDate}</span>}
          </label>
        )}
        {!isOrg && (
          <label>
            {t('applicant.gender')}
            <select name="gender" value={applicant.gender} onChange={(e) => set({ gender: e.target.value as Applicant['gender'] })}>
              <option value="">—</option>
              <option value="male">{t('applicant.male')}</option>
              <option value="female">{t('applicant.female')}</option>
            </select>
          </label>
        )}
      </div>
      <div className="row">
        {field('phone', t('applicant.phone'), { inputMode: 'tel', maxLength: 20 })}
        {field('email', t('applicant.email'), { type: 'email', maxLength: 254 })}
      </div>
      {field('address', t('applicant.address'), { maxLength: 500 })}
      {/* Last in the tab order: the keyboard path QR field → phone stays as clerks learnt it. */}
      <IdCardImageReader onFill={fillFromCard} />
    </fieldset>
  );
}
