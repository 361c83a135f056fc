import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vnDateTimeText } from '../../format';
import { enrollWorkstation, EnrollmentError, readEnrollment, type Enrollment } from '../../sync/enrollment';
import { PortalError, PortalUnreachableError } from '../../sync/portal-client';
import { useWorkspace } from '../../workspace-context';
import { ErrorAlert } from '../shell/ErrorAlert';

/** Enrolls the workstation with a one-time code from an administrator; shows the identity once enrolled. */
export function EnrollmentForm() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [enrollment, setEnrollment] = useState<Enrollment | null | undefined>(undefined);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void readEnrollment(ws).then(setEnrollment), [ws]);
  if (enrollment === undefined) return null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setEnrollment(await enrollWorkstation(ws, code, name.trim()));
    } catch (err) {
      if (err instanceof EnrollmentError) setError(t(`enrollment.errors.${err.reason}`));
      else if (err instanceof PortalUnreachableError) setError(t('enrollment.errors.offline'));
      else if (err instanceof PortalError) setError(t(`enrollment.errors.${err.code}`, { defaultValue: t('enrollment.errors.other', { message: err.message }) }));
      else setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="enrollment-title" data-testid="enrollment">
      <h2 id="enrollment-title">{t('enrollment.title')}</h2>
      {enrollment ? (
        <p data-testid="enrolled" data-workstation-id={enrollment.workstationId}>
          {t('enrollment.done', { name: enrollment.name, time: vnDateTimeText(enrollment.enrolledAt) })} <code>{enrollment.workstationId}</code>
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p className="muted">{t('enrollment.explain')}</p>
          <label>
            {t('enrollment.code')}
            <input name="enrollmentCode" value={code} onChange={(e) => setCode(e.target.value)} placeholder="XXXX-XXXX-XXXX" autoComplete="off" required />
          </label>
          <label>
            {t('enrollment.name')}
            <input name="workstationName" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
          </label>
          <ErrorAlert message={error} />
          <button type="submit" disabled={busy}>
            {t('enrollment.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
