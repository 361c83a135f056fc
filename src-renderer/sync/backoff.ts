/**
 * A waiting room for attempts over a bad link, spaced by the shared backoff delay (1 s doubling to
 * 60 s, with jitter so many workstations coming back at once do not hit the portal together).
 * `reset()` (the network came back) ends any wait at once.
 */
import { backoffDelay, DEFAULT_BACKOFF } from '../../src-shared/domain/sync/backoff-delay';

export interface Backoff {
  /** Waits as long as the failures so far call for (not at all after a success). */
  wait(): Promise<void>;
  failed(): void;
  succeeded(): void;
  reset(): void;
  /** The delay the next wait() would take, in ms (0 after a success). */
  nextDelay(): number;
}

export function createBackoff(baseMs = DEFAULT_BACKOFF.baseMs, maxMs = DEFAULT_BACKOFF.maxMs, random: () => number = Math.random): Backoff {
  let failures = 0;
  const waking = new Set<() => void>();
  const nextDelay = () => (failures === 0 ? 0 : backoffDelay(failures - 1, { baseMs, maxMs, random }));
  return {
    nextDelay,
    wait() {
      const ms = nextDelay();
      if (ms === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waking.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        waking.add(wake);
      });
    },
    failed() {
      failures = Math.min(failures + 1, 30);
    },
    succeeded() {
      failures = 0;
    },
    reset() {
      failures = 0;
      for (const wake of [...waking]) wake();
    },
  };
}
