/** Messages between a thread pool and its workers, and how errors cross the thread boundary. */
import { InputError } from '../digitize/types';
import type { InputErrorCode } from '../../../src-shared/contract/digitize';

export interface TaskRequest {
  id: number;
  task: string;
  args: unknown[];
}

export type TaskReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

/** InputError keeps its class (callers branch on it); anything else becomes a plain Error. */
export function deserializeError(error: SerializedError): Error {
  if (error.name === 'InputError' && error.code) return new InputError(error.code as InputErrorCode, error.message);
  const out = new Error(error.message);
  out.name = error.name;
  return out;
}

/**
 * Structured clone turns a Buffer into a plain Uint8Array; callers on both sides expect Buffers
 * (sharp, base64), so byte arrays are re-wrapped (no copy) in place, a few levels deep.
 */
export function reviveBuffers<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object' || depth > 5) return value;
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength) as T;
  if (ArrayBuffer.isView(value) || value instanceof Date) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveBuffers(value[i], depth + 1);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = reviveBuffers(record[key], depth + 1);
  return value;
}
