import { describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type DesktopApi } from '../../src-shared/contract/desktop';
import { createPreloadApi, type IpcRendererLike } from '../../src-main/electron/preload-api';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** A stand-in for Electron's ipcRenderer that records what the preload sends. */
function fakeIpc(reply: (method: unknown, params: unknown) => unknown = () => ({ ok: true, result: null })) {
  const sent: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    async invoke(channel, ...args) {
      sent.push([channel, ...args]);
      return reply(args[0], args[1]);
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (envelope: unknown) => {
    for (const l of listeners.get(IPC_EVENT_CHANNEL) ?? []) l({ sender: 'secret' }, envelope);
  };
  const count = () => listeners.get(IPC_EVENT_CHANNEL)?.size ?? 0;
  return { ipc, sent, emit, count };
}

/** Calls the api the way untyped page script could. */
const loose = (api: DesktopApi) => api as unknown as { invoke(m: unknown, p?: unknown): Promise<unknown>; on(e: unknown, l: unknown): () => void };

describe('createPreloadApi', () => {
  it('exposes exactly invoke and on, frozen', () => {
    const api = createPreloadApi(fakeIpc().ipc);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.on).toBe('function');
  });

  it('sends contract methods on the invoke channel and returns the result', async () => {
    const fake = fakeIpc(() => ({ ok: true, result: { version: '1.0.0', host: 'electron', platform: 'linux' } }));
    const api = createPreloadApi(fake.ipc);
    await expect(api.invoke('app.info', {})).resolves.toEqual({ version: '1.0.0', host: 'electron', platform: 'linux' });
    expect(fake.sent).toEqual([[IPC_INVOKE_CHANNEL, 'app.info', {}]]);
  });

  it.each(['no.such', '__proto__', 'constructor', 'toString', '', 42, null, undefined, { method: 'app.info' }])(
    'rejects the unknown method %s without sending anything',
    async (method) => {
      const fake = fakeIpc();
      await expect(loose(createPreloadApi(fake.ipc)).invoke(method, {})).rejects.toThrow(/Unknown method/);
      expect(fake.sent).toEqual([]);
    },
  );

  it('turns an error outcome into a rejected Error with the contract message', async () => {
    const fake = fakeIpc(() => ({ ok: false, error: { code: 'invalid_request', message: 'Invalid request for settings.update: language: bad' } }));
    const error = await createPreloadApi(fake.ipc).invoke('settings.update', { language: 'vi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('Invalid request for settings.update: language: bad');
    expect((error as { code?: string }).code).toBe('invalid_request');
  });

  it('rejects malformed replies and transport failures without leaking details', async () => {
    const malformed = createPreloadApi(fakeIpc(() => 'oops').ipc);
    await expect(malformed.invoke('settings.get', {})).rejects.toThrow('settings.get: malformed reply');
    const failing = createPreloadApi({
      ...fakeIpc().ipc,
      invoke: async () => {
        throw new Error('Error invoking remote method: /home/clerk/secret stack');
      },
    });
    await expect(failing.invoke('settings.get', {})).rejects.toThrow(/^settings\.get failed$/);
  });

  it('delivers only the subscribed event, without the IPC event object, and unsubscribes', () => {
    const fake = fakeIpc();
    const api = createPreloadApi(fake.ipc);
    const seen: unknown[][] = [];
    const off = api.on('settings.changed', (...args: unknown[]) => seen.push(args));
    expect(fake.count()).toBe(1);
    fake.emit({ event: 'settings.changed', payload: { language: 'en' } });
    fake.emit({ event: 'other.event', payload: 1 });
    fake.emit('garbage');
    expect(seen).toEqual([[{ language: 'en' }]]);
    off();
    off(); // idempotent
    expect(fake.count()).toBe(0);
    fake.emit({ event: 'settings.changed', payload: { language: 'vi' } });
    expect(seen).toHaveLength(1);
  });

  it.each(['no.such', 'settings.get', '__proto__', 7])('refuses to subscribe to %s', (event) => {
    const fake = fakeIpc();
    expect(() => loose(createPreloadApi(fake.ipc)).on(event, () => {})).toThrow(/Unknown event/);
    expect(fake.count()).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    const fake = fakeIpc();
    expect(() => loose(createPreloadApi(fake.ipc)).on('settings.changed', 'x')).toThrow(TypeError);
    expect(fake.count()).toBe(0);
  });
});
