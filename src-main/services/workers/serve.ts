/** The worker side of a thread pool: runs the named tasks it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { reviveBuffers, serializeError, type TaskReply, type TaskRequest } from './protocol';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- task signatures vary; the pool's generic types them at the call site
export type TaskTable = Record<string, (...args: any[]) => Promise<unknown>>;

/** Buffers in a result are moved, not copied, when they own their memory. */
function transferables(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (ArrayBuffer.isView(v)) {
      const buffer = v.buffer;
      if (buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === buffer.byteLength) out.add(buffer);
      return;
    }
    for (const item of Array.isArray(v) ? v : Object.values(v)) visit(item, depth + 1);
  };
  visit(value, 0);
  return [...out];
}

export function serveTasks(tasks: TaskTable): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks must run in a worker thread');
  port.on('message', (request: TaskRequest) => {
    const run = tasks[request.task];
    const reply = (message: TaskReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
    if (!run) {
      reply({ id: request.id, ok: false, error: { name: 'Error', message: `unknown task ${request.task}` } });
      return;
    }
    run(...reviveBuffers(request.args)).then(
      (result) => {
        try {
          reply({ id: request.id, ok: true, result }, transferables(result));
        } catch {
          reply({ id: request.id, ok: true, result });
        }
      },
      (error: unknown) => reply({ id: request.id, ok: false, error: serializeError(error) }),
    );
  });
}
