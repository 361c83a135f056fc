/**
 * Runs SANE's `scanimage` in a process group of its own, so cancelling kills it together with the
 * reader process some backends fork (the `test` backend does), and nothing keeps the device open.
 */
import { spawn } from 'node:child_process';
import { ScanError } from './scan-errors';

export interface ScanimageRun {
  /** Exit status; null when a signal ended it. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Ended because the caller's signal aborted or the timeout passed. */
  aborted: boolean;
  timedOut: boolean;
}

export interface ScanimageCall {
  /** Program to run (default `scanimage` on the PATH). */
  bin?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A second is enough for scanimage to cancel the scan and release the device after SIGTERM. */
const KILL_GRACE_MS = 1500;

/** Resolves when scanimage has exited (never while it still runs); ENOENT → ScanError('unavailable'). */
export function runScanimage(args: string[], call: ScanimageCall = {}): Promise<ScanimageRun> {
  return new Promise((resolve, reject) => {
    if (call.signal?.aborted) {
      resolve({ code: null, stdout: '', stderr: '', aborted: true, timedOut: false });
      return;
    }
    const group = process.platform !== 'win32';
    const child = spawn(call.bin ?? 'scanimage', args, {
      env: call.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: group,
      windowsHide: true,
    });
    let stdout = '';
    let stderr = '';
    let aborted = false;
    let timedOut = false;
    let hardKill: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout = (stdout + d).slice(-1_000_000)));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-100_000)));

    const kill = (sig: NodeJS.Signals) => {
      try {
        if (group && child.pid) process.kill(-child.pid, sig);
        else child.kill(sig);
      } catch {
        // Already gone.
      }
    };
    const stop = () => {
      kill('SIGTERM');
      hardKill = setTimeout(() => kill('SIGKILL'), KILL_GRACE_MS);
    };
    const onAbort = () => {
      aborted = true;
      stop();
    };
    call.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = call.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          stop();
        }, call.timeoutMs)
      : undefined;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(hardKill);
      call.signal?.removeEventListener('abort', onAbort);
    };

    child.on('error', (error: NodeJS.ErrnoException) => {
      done();
      if (error.code === 'ENOENT') reject(new ScanError('unavailable', `${call.bin ?? 'scanimage'} not found`));
      else reject(new ScanError('failed', error.message));
    });
    child.on('close', (code) => {
      done();
      // The backend's forked reader may outlive scanimage after a kill: sweep the group once more.
      if (aborted || timedOut) kill('SIGKILL');
      resolve({ code, stdout, stderr, aborted, timedOut });
    });
  });
}
