import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authFailureMessage } from '../../auth/messages';
import type { AuthResult } from '../../auth/sign-in';

/**
 * A form that checks a password (sign-in, unlock, sign in again to sync): the password typed, busy
 * while it is checked, and a failure said plainly with the password cleared. On success the form
 * stays busy: the session store changed and it goes away (`onSuccess` for one that must be closed).
 */
export function usePasswordAttempt(attempt: (password: string) => Promise<AuthResult>, onSuccess?: () => void) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await attempt(password);
    if (result.ok) {
      onSuccess?.();
      return;
    }
    setError(authFailureMessage(t, result));
    setPassword('');
    setBusy(false);
  }

  return { password, setPassword, busy, error, setError, submit: (event: FormEvent) => void submit(event) };
}
