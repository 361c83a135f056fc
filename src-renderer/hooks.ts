import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';
import type { Settings } from '../src-shared/contract/desktop';
import { vnDay } from '../src-shared/domain/vn-time';
import { desktop } from './bridge';

/** Subscribes to an observable for the component's lifetime; re-subscribes when `deps` change. */
export function useObservable<T>(factory: () => Observable<T> | undefined, initial: T, deps: unknown[]): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = factory()?.subscribe(setValue);
    return () => subscription?.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

/** Today's date in Vietnam (`yyyy-MM-dd`), updated when the day changes while the app stays open. */
export function useVnToday(): string {
  const [today, setToday] = useState(() => vnDay(Date.now()));
  useEffect(() => {
    const timer = setInterval(() => setToday(vnDay(Date.now())), 30_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

/** The current time, refreshed every `intervalMs`: for due-soon and overdue badges. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The workstation's settings, following every change (this page or another); null until read. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    void desktop()
      .invoke('settings.get', {})
      .then((s) => live && setSettings(s))
      .catch(() => undefined);
    const off = desktop().on('settings.changed', setSettings);
    return () => {
      live = false;
      off();
    };
  }, []);
  return settings;
}
