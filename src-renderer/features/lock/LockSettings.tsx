import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCK_AFTER_MINUTES_MAX, LOCK_AFTER_MINUTES_MIN, settingsSchema, type KnownUser, type Settings } from '../../../src-shared/contract/desktop';
import { desktop } from '../../bridge';
import { vnDateTimeText } from '../../format';
import { useSession } from '../../store/session';
import { canSetLockTimeout } from '../../supervisor/roles';


const bounds = { min: LOCK_AFTER_MINUTES_MIN, max: LOCK_AFTER_MINUTES_MAX };

/** The screen-lock timeout: a field for supervisors and administrators, read-only for the others. */
export function LockSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const [value, setValue] = useState(String(settings.lockAfterMinutes));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // A value stored meanwhile (here or on another page) replaces the field's; the message stays.
  const [stored, setStored] = useState(settings.lockAfterMinutes);
  if (stored !== settings.lockAfterMinutes) {
    setStored(settings.lockAfterMinutes);
    setValue(String(settings.lockAfterMinutes));
  }

  if (!canSetLockTimeout(role)) {
    return (
      <section aria-labelledby="lock-settings-title" data-testid="lock-settings">
        <h2 id="lock-settings-title">{t('auth.settings.lockAfter')}</h2>
        <p>
          <output data-testid="lock-after" data-minutes={settings.lockAfterMinutes}>
            {t('auth.settings.minutes', { count: settings.lockAfterMinutes })}
          </output>
        </p>
        <p className="muted">{t('auth.settings.lockAfterReadOnly')}</p>
      </section>
    );
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const minutes = Number(value.trim());
    // The contract's own rule (a whole number of minutes within bounds); '' would read as 0.
    if (!value.trim() || !settingsSchema.shape.lockAfterMinutes.safeParse(minutes).success) {
      setMessage({ ok: false, text: t('auth.settings.lockAfterInvalid', bounds) });
      return;
    }
    setBusy(true);
    try {
      await desktop().invoke('settings.update', { lockAfterMinutes: minutes });
      setMessage({ ok: true, text: t('auth.settings.saved') });
    } catch (error) {
      setMessage({ ok: false, text: t('common.error', { message: (error as Error).message }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-labelledby="lock-settings-title" data-testid="lock-settings">
      <h2 id="lock-settings-title">{t('auth.settings.lockAfter')}</h2>
      <label>
        {t('auth.settings.lockAfter')}
        <input
          name="lockAfterMinutes"
          type="number"
          inputMode="numeric"
          min={bounds.min}
          max={bounds.max}
          step={1}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setMessage(null);
          }}
          aria-invalid={message && !message.ok ? true : undefined}
          aria-describedby="lock-after-hint"
        />
      </label>
      <p id="lock-after-hint" className="muted">
        {t('auth.settings.lockAfterHint', bounds)}
      </p>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('auth.settings.save')}
      </button>
    </form>
  );
}

/** Users who can sign in offline here; the administrator can remove one (their next sign-in is online). */
export function KnownUsers() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const [users, setUsers] = useState<KnownUser[] | null>(null);
  useEffect(() => {
    let live = true;
    void desktop()
      .invoke('auth.knownUsers', {})
      .then((r) => live && setUsers(r.users))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!canSetLockTimeout(role) || !users) return null;

  async function forget(username: string) {
    await desktop().invoke('auth.forget', { username });
    setUsers((await desktop().invoke('auth.knownUsers', {})).users);
  }

  return (
    <section aria-labelledby="known-users-title" data-testid="known-users">
      <h2 id="known-users-title">{t('auth.settings.knownUsers')}</h2>
      <p className="muted">{t('auth.settings.knownUsersHint')}</p>
      {users.length === 0 ? (
        <p>{t('auth.settings.noKnownUsers')}</p>
      ) : (
        <table className="list">
          <tbody>
            {users.map((u) => (
              <tr key={u.username} data-username={u.username}>
                <td>
                  {u.displayName || u.username} <span className="muted">({u.username})</span>
                </td>
                <td>{t(`auth.roles.${u.role}`)}</td>
                <td className="muted" title={t('auth.settings.lastOnline')}>
                  {vnDateTimeText(Date.parse(u.updatedAt))}
                </td>
                <td>
                  {role === 'admin' && (
                    <button type="button" className="danger" onClick={() => void forget(u.username)}>
                      {t('auth.settings.forget')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
