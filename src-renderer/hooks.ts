import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';
import { vnDay } from '../src-shared/domain/vn-time';

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
