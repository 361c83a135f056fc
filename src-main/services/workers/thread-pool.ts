/**
 * A small pool of worker threads that run named async tasks (image preparation, PDF assembly, QR
 * reading), so CPU-heavy JavaScript never runs on the main process's thread, which in Electron
 * serves the windows' IPC. A worker that dies is replaced; its running task rejects.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { deserializeError, reviveBuffers, type TaskReply } from './protocol';
import type { TaskTable } from './serve';

export interface ThreadPool<T extends TaskTable> {
  readonly size: number;
  run<K extends keyof T & string>(task: K, ...args: Parameters<T[K]>): Promise<Awaited<ReturnType<T[K]>>>;
  close(): Promise<void>;
}

/**
 * Where a worker module is, in source (`.ts`, run through tsx in development and tests) and when
 * bundled (`<name>.cjs` beside the bundle that starts it, see scripts/build-main.mjs).
 */
export function workerEntry(callerUrl: string, sourceRelative: string, bundledName: string): { file: string; workerData: Record<string, unknown> } {
  const caller = fileURLToPath(callerUrl);
  if (caller.endsWith('.cjs')) return { file: path.join(path.dirname(caller), bundledName), workerData: {} };
  const bootstrap = fileURLToPath(new URL('./tsx-bootstrap.mjs', import.meta.url));
  return { file: bootstrap, workerData: { __entry: new URL(sourceRelative, callerUrl).href } };
}

interface Job {
  id: number;
  task: string;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export function createThreadPool<T extends TaskTable>(entry: { file: string; workerData: Record<string, unknown> }, size: number): ThreadPool<T> {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let started = 0;
  let nextId = 1;
  let closed = false;

  function spawn(): Worker {
    const worker = new Worker(entry.file, { workerData: entry.workerData });
    started++;
    worker.on('message', (reply: TaskReply) => {
      const job = busy.get(worker);
      if (!job || job.id !== reply.id) return;
      busy.delete(worker);
      if (reply.ok) job.resolve(reviveBuffers(reply.result));
      else job.reject(deserializeError(reply.error));
      idle.push(worker);
      pump();
    });
    let gone = false;
    const lost = (error: Error) => {
      // 'error' is followed by 'exit': count the loss once.
      if (gone) return;
      gone = true;
      const job = busy.get(worker);
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      started--;
      job?.reject(error);
      if (!closed) pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`worker thread exited (${code})`)));
    // An idle pool must not keep the process (a CLI run) alive.
    worker.unref();
    return worker;
  }

  function pump(): void {
    while (queue.length > 0 && !closed) {
      const worker = idle.pop() ?? (started < size ? spawn() : undefined);
      if (!worker) return;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.ref();
      worker.postMessage({ id: job.id, task: job.task, args: job.args });
    }
    for (const worker of idle) worker.unref();
  }

  return {
    size,
    run(task, ...args) {
      if (closed) return Promise.reject(new Error('thread pool closed'));
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, task, args, resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('thread pool closed'));
      const all = [...idle, ...busy.keys()];
      idle.length = 0;
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
