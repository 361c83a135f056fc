/**
 * The object the preload exposes as `window.motcua`: exactly the DesktopApi shape, nothing else.
 * Pure (takes the ipcRenderer as a parameter) so a unit test can drive it with a fake.
 */
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, isDesktopEvent, isDesktopMethod } from '../../src-shared/contract/desktop-names';
import type { DesktopApi } from '../../src-shared/contract/desktop';
import { ContractCallError, type EventEnvelope, type Outcome } from '../../src-shared/contract/transport';

/** The part of Electron's ipcRenderer the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function isOutcome(value: unknown): value is Outcome<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'result' in v;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

function isEventEnvelope(value: unknown): value is EventEnvelope {
  return typeof value === 'object' && value !== null && typeof (value as { event?: unknown }).event === 'string';
}

export function createPreloadApi(ipc: IpcRendererLike): DesktopApi {
  const invoke = async (method: unknown, request: unknown): Promise<never> => {
    // Refuse before sending: the main side validates too, but unknown names never leave the page.
    if (!isDesktopMethod(method)) {
      throw new ContractCallError('unknown_method', `Unknown method: ${String(method).slice(0, 100)}`);
    }
    let outcome: unknown;
    try {
      outcome = await ipc.invoke(IPC_INVOKE_CHANNEL, method, request ?? {});
    } catch {
      throw new ContractCallError('internal', `${method} failed`);
    }
    if (!isOutcome(outcome)) throw new ContractCallError('invalid_message', `${method}: malformed reply`);
    if (!outcome.ok) throw new ContractCallError(outcome.error.code, outcome.error.message);
    return outcome.result as never;
  };

  const on = (event: unknown, listener: unknown): (() => void) => {
    if (!isDesktopEvent(event)) throw new ContractCallError('invalid_request', `Unknown event: ${String(event).slice(0, 100)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    // Wrapped so the page never sees Electron's IpcRendererEvent (it carries the sender object).
    const wrapped = (_event: unknown, envelope: unknown) => {
      if (isEventEnvelope(envelope) && envelope.event === event) (listener as (payload: unknown) => void)(envelope.payload);
    };
    ipc.on(IPC_EVENT_CHANNEL, wrapped);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      ipc.removeListener(IPC_EVENT_CHANNEL, wrapped);
    };
  };

  // A frozen plain object: contextBridge copies it, and nothing can be added on this side either.
  return Object.freeze({ invoke, on }) as DesktopApi;
}
