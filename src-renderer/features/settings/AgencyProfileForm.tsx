import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FORM_REGIMES, type FormRegime } from '../../../src-shared/forms/templates';
import type { FormAgency } from '../../../src-shared/forms/types';
import { AGENCY_PROFILE_KEY, FORM_REGIME_KEY, readAgencyProfile, readFormRegime } from '../../print/agency-profile';
import { useWorkspace } from '../../workspace-context';

const FIELDS = ['parentName', 'name', 'address', 'phone', 'place', 'lookupUrlTemplate'] as const;

/** How the agency appears on printed forms, and which form numbering (2025 or 2018) is used. */
export function AgencyProfileForm() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [profile, setProfile] = useState<FormAgency | null>(null);
  const [regime, setRegime] = useState<FormRegime>('2025');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void Promise.all([readAgencyProfile(ws.db, ws.user.agencyId), readFormRegime(ws.db)]).then(([p, r]) => {
      setProfile(p);
      setRegime(r);
    });
  }, [ws]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!profile) return;
    await ws.db.settings.upsert({ id: AGENCY_PROFILE_KEY, value: profile });
    await ws.db.settings.upsert({ id: FORM_REGIME_KEY, value: regime });
    setSaved(true);
  }

  if (!profile) return null;
  return (
    <form onSubmit={save} className="agency-profile" data-testid="agency-profile">
      <h2>{t('agencyProfile.title')}</h2>
      {FIELDS.map((field) => (
        <label key={field}>
          {t(`agencyProfile.${field}`)}
          <input
            name={field}
            value={profile[field] ?? ''}
            maxLength={300}
            onChange={(e) => {
              setSaved(false);
              setProfile({ ...profile, [field]: e.target.value });
            }}
          />
        </label>
      ))}
      <label>
        {t('agencyProfile.regime')}
        <select name="regime" value={regime} onChange={(e) => setRegime(e.target.value as FormRegime)}>
          {FORM_REGIMES.map((r) => (
            <option key={r} value={r}>
              {t(`agencyProfile.regime${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('agencyProfile.save')}</button>
      {saved && (
        <span role="status" className="ok">
          {t('agencyProfile.saved')}
        </span>
      )}
    </form>
  );
}
