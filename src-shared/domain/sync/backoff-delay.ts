/** Exponential backoff with jitter: 1 s, 2 s, 4 s … capped at 60 s, each drawn in [half, full]. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Injected so tests are repeatable. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 60_000, random: Math.random };

/** Delay before retry number `level + 1` (level 0 = after the first failure). */
export function backoffDelay(level: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(level, 30));
  // Jitter spreads the retries of many workstations after an outage; half of it is kept so the delay still grows.
  return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}
