/**
 * The desktop contract over the browser host's loopback WebSocket. Same `DesktopApi` as Electron's
 * preload, so the rest of the renderer never knows which host it runs in.
 */
import type { DesktopApi, DesktopEvent, DesktopMethod, EventPayload, MethodRequest, MethodResponse } from '../../src-shared/contract/desktop';
import { isDesktopEvent, isDesktopMethod } from '../../src-shared/contract/desktop-names';
import type { EventEnvelope, ResponseEnvelope } from '../../src-shared/contract/transport';
import { ContractCallError } from '../../src-shared/contract/transport';

export function connectWebSocketBridge(url: string): DesktopApi {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: Promise<WebSocket> | undefined;

  function open(): Promise<WebSocket> {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new Error('Cannot reach the local host'));
      ws.onclose = () => {
        socket = undefined; // the next call reconnects
        for (const call of pending.values()) call.reject(new Error('Connection to the local host closed'));
        pending.clear();
      };
      ws.onmessage = (message) => dispatch(JSON.parse(String(message.data)) as ResponseEnvelope | EventEnvelope);
    });
    return socket;
  }

  function dispatch(message: ResponseEnvelope | EventEnvelope): void {
    if ('event' in message) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      return;
    }
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    if (message.ok) call.resolve(message.result);
    else call.reject(new ContractCallError(message.error.code, message.error.message));
  }

  return {
    async invoke<M extends DesktopMethod>(method: M, request: MethodRequest<M>): Promise<MethodResponse<M>> {
      if (!isDesktopMethod(method)) throw new ContractCallError('unknown_method', `Unknown method: ${String(method)}`);
      const ws = await open();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        ws.send(JSON.stringify({ id, method, params: request }));
      });
    },
    on<E extends DesktopEvent>(event: E, listener: (payload: EventPayload<E>) => void) {
      if (!isDesktopEvent(event)) throw new ContractCallError('unknown_method', `Unknown event: ${String(event)}`);
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      void open().catch(() => {}); // events need an open socket
      return () => set.delete(wrapped);
    },
  };
}
