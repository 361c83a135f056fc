/** What to tell the user about a failed sign-in, unlock or re-sign-in (strings in i18n/auth.ts). */
import type { TFunction } from 'i18next';
import type { AuthFailure } from './sign-in';

export function authFailureMessage(t: TFunction, failure: AuthFailure): string {
  switch (failure.reason) {
    case 'empty':
      return t('auth.errors.empty');
    case 'invalid':
      return t('login.invalid');
    case 'wrongOffline':
      return failure.retryAfterSeconds > 0
        ? t('auth.errors.wrongWait', { seconds: failure.retryAfterSeconds })
        : t('auth.errors.wrongOffline');
    case 'wrongPassword':
      return failure.retryAfterSeconds > 0 ? t('auth.errors.wrongWait', { seconds: failure.retryAfterSeconds }) : t('auth.errors.wrong');
    case 'firstSignInOnline':
      return t('login.portalDown');
    case 'throttled':
      return t('auth.errors.throttled', { seconds: failure.retryAfterSeconds });
    case 'unreachable':
      return t('auth.errors.unreachable');
    case 'failed':
      return t('login.failed', { message: failure.message });
  }
}
