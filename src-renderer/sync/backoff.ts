/**
 * Exponential backoff with jitter for attempts over a bad link: 1 s, 2 s, 4 s … up to a cap, each
 * delay randomised by ±25 % so many workstations coming back at once do not hit the portal together.
 * `reset()` (the network came back) ends any wait at once.
 */
export interface Backoff {
  /** Waits as long as the failures so far call for (not at all after a success). */
  wait(): Promise<void>;
  failed(): void;
  succeeded(): void;
  reset(): void;
  /** The delay the next wait() would take, in ms (0 after a success). */
  nextDelay(): number;
}

export function createBackoff(baseMs = 1000, maxMs = 60_000, random: () => number = Math.random): Backoff {
  let failures = 0;
  const waking = new Set<() => void>();
  const nextDelay = () => (failures === 0 ? 0 : Math.min(maxMs, baseMs * 2 ** (failures - 1)) * (0.75 + random() * 0.5));
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
