/**
 * Validates and runs one contract call. Used by Electron IPC and by the browser host alike, so both
 * transports reject malformed or unknown messages in exactly the same way, before any handler runs.
 */
import {
  desktopMethods,
  isDesktopMethod,
  type DesktopMethod,
  type MethodRequest,
  type MethodResponse,
} from '../../src-shared/contract/desktop';
import { describeZodError } from '../../src-shared/contract/zod-issues';
import type { Outcome } from '../../src-shared/contract/transport';

export type Handlers = { [M in DesktopMethod]: (request: MethodRequest<M>) => Promise<MethodResponse<M>> };

export type Dispatch = (method: unknown, params: unknown) => Promise<Outcome<unknown>>;

/**
 * Thrown by a handler when a request is well-formed but names something that does not exist (an
 * unknown fileId, a hash not in the vault): the caller gets invalid_request with this message.
 */
export class RequestError extends Error {
  override name = 'RequestError';
}

export function createDispatcher(handlers: Handlers, log: (message: string) => void = () => {}): Dispatch {
  return async (method, params) => {
    if (!isDesktopMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 100)}` } };
    }
    const parsed = desktopMethods[method].request.safeParse(params ?? {});
    if (!parsed.success) {
      const issues = describeZodError(parsed.error, { root: '(root)', max: Infinity });
      return { ok: false, error: { code: 'invalid_request', message: `Invalid request for ${method}: ${issues}` } };
    }
    try {
      const handler = handlers[method] as (request: unknown) => Promise<unknown>;
      return { ok: true, result: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof RequestError) return { ok: false, error: { code: 'invalid_request', message: `${method}: ${error.message}` } };
      // The message is logged for support; the caller gets no stack trace.
      log(`contract method ${method} failed: ${(error as Error).message}`);
      return { ok: false, error: { code: 'internal', message: `${method} failed` } };
    }
  };
}
