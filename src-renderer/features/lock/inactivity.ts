/**
 * The inactivity lock: after the configured minutes without keyboard, mouse or touch input the
 * screen locks (settings.lockAfterMinutes, changed live). Input anywhere in the window counts,
 * caught in the capture phase so no component can swallow it. The clock is compared on every check,
 * so a computer woken from sleep locks at once if the time has passed while it slept.
 */
import { useEffect } from 'react';
import { LOCK_AFTER_MINUTES_DEFAULT } from '../../../src-shared/contract/desktop';
import { useSettings } from '../../hooks';
import { useSession } from '../../store/session';

declare global {
  interface Window {
    /** e2e only, honoured with __MOTCUA_TEST_HOOKS__: lock after this many ms instead of minutes. */
    __MOTCUA_TEST_LOCK_AFTER_MS__?: number;
  }
}

export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'input'] as const;

/** Calls `onIdle` once after `limitMs` without input; returns the function that stops watching. */
export function watchInactivity(limitMs: number, onIdle: () => void, now: () => number = Date.now): () => void {
  let last = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let done = false;
  const onActivity = () => {
    last = now();
  };
  const check = () => {
    clearTimeout(timer);
    if (done) return;
    const idle = now() - last;
    if (idle >= limitMs) {
      done = true;
      onIdle();
      return;
    }
    timer = setTimeout(check, limitMs - idle);
  };
  const onVisibility = () => document.visibilityState === 'visible' && check();
  for (const event of ACTIVITY_EVENTS) window.addEventListener(event, onActivity, { capture: true, passive: true });
  document.addEventListener('visibilitychange', onVisibility);
  timer = setTimeout(check, limitMs);
  return () => {
    done = true;
    clearTimeout(timer);
    for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity, { capture: true });
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

function testOverrideMs(): number | undefined {
  const ms = window.__MOTCUA_TEST_LOCK_AFTER_MS__;
  return window.__MOTCUA_TEST_HOOKS__ === true && typeof ms === 'number' && ms > 0 ? ms : undefined;
}

/** The lock timeout in ms, following the setting as it changes. */
export function useLockAfterMs(): number {
  const minutes = useSettings()?.lockAfterMinutes ?? LOCK_AFTER_MINUTES_DEFAULT;
  return testOverrideMs() ?? minutes * 60_000;
}

let focusBeforeLock: HTMLElement | null = null;

function rememberFocus(): void {
  focusBeforeLock = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
}

/** Locks now; where the focus was comes back after unlocking (a clerk mid-form goes on typing). */
export function lockScreen(): void {
  rememberFocus();
  useSession.getState().lock();
}

/** Locks and shows the sign-in for another user. */
export function switchUser(): void {
  rememberFocus();
  useSession.getState().beginSwitch();
}

/** After unlocking: back to the field that had the focus, if it still exists (not after a switch). */
export function restoreFocus(): void {
  const element = focusBeforeLock;
  focusBeforeLock = null;
  if (element?.isConnected) element.focus();
}

/** Locks the screen after the configured inactivity while someone is signed in and it is not locked. */
export function useInactivityLock(watching: boolean): void {
  const limitMs = useLockAfterMs();
  useEffect(() => (watching ? watchInactivity(limitMs, lockScreen) : undefined), [watching, limitMs]);
}
