/** The shared backoff: delays grow and cap, jitter stays within bounds, reset ends a wait at once. */
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src-shared/domain/sync/backoff-delay';
import { createBackoff } from '../../../src-renderer/sync/backoff';

describe('backoff', () => {
  it('doubles from 1 s to a 60 s cap, each delay between half and all of its ceiling', () => {
    const lowest = [0, 1, 2, 3, 10].map((l) => backoffDelay(l, { baseMs: 1000, maxMs: 60_000, random: () => 0 }));
    const highest = [0, 1, 2, 3, 10].map((l) => backoffDelay(l, { baseMs: 1000, maxMs: 60_000, random: () => 1 }));
    expect(lowest).toEqual([500, 1000, 2000, 4000, 30_000]);
    expect(highest).toEqual([1000, 2000, 4000, 8000, 60_000]);
  });

  it('does not wait after a success, waits after failures, and reset() ends the wait', async () => {
    const backoff = createBackoff(1000, 60_000, () => 1);
    expect(backoff.nextDelay()).toBe(0);
    backoff.failed();
    backoff.failed();
    expect(backoff.nextDelay()).toBe(2000);
    const started = Date.now();
    const waiting = backoff.wait();
    backoff.reset();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(backoff.nextDelay()).toBe(0);
  });
});
