/** Memory sampling from /proc (Linux): a process's RSS and its high-water mark. */
import { readFileSync } from 'node:fs';

const MiB = 1024 * 1024;

/** A field of /proc/<pid>/status in MiB (VmRSS, VmHWM), 0 when the process is gone. */
export function procStatusMiB(pid: number | 'self', field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Direct children of a process (the tesseract under /usr/bin/time). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Calls `sample` every `ms` and keeps the largest value it returns. */
export function peakSampler(sample: () => number, ms = 100): { stop(): number } {
  let peak = sample();
  const timer = setInterval(() => (peak = Math.max(peak, sample())), ms);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, sample());
      return peak;
    },
  };
}

export const rssMiB = (): number => process.memoryUsage().rss / MiB;
