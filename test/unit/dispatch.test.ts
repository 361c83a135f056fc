import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, RequestError, type Handlers } from '../../src-main/contract/dispatch';
import type { Settings } from '../../src-shared/contract/desktop';

const SHA = 'a'.repeat(64);
const settings: Settings = { portalUrl: 'https://portal.example.gov.vn', workstationId: 'ws-1', language: 'vi', lockAfterMinutes: 10 };

const emptyBatch = { id: 'b', createdAt: 0, pages: [] };
const watchStatus = { folder: null, watching: false, problem: null, imported: 0, lastImportAt: null };

function setup() {
  const handlers = {
    'app.info': vi.fn(async () => ({ version: '0.1.0', host: 'web' as const, platform: 'linux' })),
    'catalog.seed': vi.fn(async () => {
      throw new Error("ENOENT: no such file '/home/clerk/.secret/procedures.json'");
    }),
    'calendar.tables': vi.fn(async () => ({ tables: [] })),
    'document.show': vi.fn(async () => ({ shown: false })),
    'settings.get': vi.fn(async () => settings),
    'settings.update': vi.fn(async (patch: Partial<Settings>) => ({ ...settings, ...patch })),
    'vault.put': vi.fn(async () => ({ sha256: SHA, size: 3 })),
    'vault.read': vi.fn(async () => ({ bytesBase64: 'AQID' })),
    'uploads.enqueue': vi.fn(async (r: { files: unknown[] }) => ({ queued: r.files.length })),
    'uploads.list': vi.fn(async () => ({ uploads: [] })),
    'uploads.connect': vi.fn(async () => ({})),
    'uploads.retry': vi.fn(async (): Promise<Record<string, never>> => {
      throw new RequestError('no queued upload has this fileId');
    }),
    'auth.remember': vi.fn(async () => ({})),
    'auth.verifyOffline': vi.fn(async () => ({ result: 'unknown' as const })),
    'auth.knownUsers': vi.fn(async () => ({ users: [] })),
    'auth.forget': vi.fn(async () => ({ forgotten: false })),
    'digitize.add': vi.fn(async () => ({ pages: [], refused: [] })),
    'digitize.batch': vi.fn(async () => emptyBatch),
    'digitize.arrange': vi.fn(async () => emptyBatch),
    'digitize.remove': vi.fn(async () => emptyBatch),
    'digitize.rotate': vi.fn(async (): Promise<never> => {
      throw new RequestError('no page');
    }),
    'digitize.retry': vi.fn(async (): Promise<never> => {
      throw new RequestError('no page');
    }),
    'digitize.cancel': vi.fn(async () => ({ cancelled: 0 })),
    'digitize.take': vi.fn(async () => emptyBatch),
    'digitize.pageImage': vi.fn(async () => ({ jpegBase64: '' })),
    'digitize.pageText': vi.fn(async (): Promise<never> => {
      throw new RequestError('no page');
    }),
    'digitize.assemble': vi.fn(async (): Promise<never> => {
      throw new RequestError('no page');
    }),
    'digitize.discard': vi.fn(async () => ({})),
    'digitize.readIdCard': vi.fn(async () => ({ codes: [] })),
    'scanner.list': vi.fn(async () => ({ available: false, devices: [], problem: 'none' })),
    'scanner.scan': vi.fn(async () => ({ pages: [], refused: [], problem: null })),
    'watchFolder.get': vi.fn(async () => watchStatus),
    'watchFolder.set': vi.fn(async () => watchStatus),
  } satisfies Handlers;
  const logged: string[] = [];
  const dispatch = createDispatcher(handlers, (m) => logged.push(m));
  const ran = () => Object.values(handlers).reduce((n, h) => n + h.mock.calls.length, 0);
  return { handlers, dispatch, logged, ran };
}

describe('createDispatcher', () => {
  it('runs a valid call and returns its result', async () => {
    const { dispatch, handlers } = setup();
    await expect(dispatch('settings.update', { language: 'en' })).resolves.toEqual({ ok: true, result: { ...settings, language: 'en' } });
    expect(handlers['settings.update']).toHaveBeenCalledWith({ language: 'en' });
    await expect(dispatch('app.info', undefined)).resolves.toMatchObject({ ok: true });
  });

  it.each(['no.such', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 7, null, undefined, ['app.info'], { m: 1 }])(
    'rejects the unknown method %s with unknown_method',
    async (method) => {
      const { dispatch, ran } = setup();
      const outcome = await dispatch(method, {});
      expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      if (!outcome.ok) expect(outcome.error.message.length).toBeLessThan(200);
      expect(ran()).toBe(0);
    },
  );

  it('rejects a huge method name with a short message', async () => {
    const { dispatch, ran } = setup();
    const outcome = await dispatch('x'.repeat(100_000), {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    if (!outcome.ok) expect(outcome.error.message.length).toBeLessThan(200);
    expect(ran()).toBe(0);
  });

  const huge = 'x'.repeat(5_000_000);
  it.each<[string, string, unknown]>([
    ['wrong type', 'settings.update', { language: 5 }],
    ['value outside the enum', 'settings.update', { language: 'fr' }],
    ['malformed URL', 'settings.update', { portalUrl: 'not a url' }],
    ['huge URL', 'settings.update', { portalUrl: `https://${huge}.example` }],
    ['huge string', 'settings.update', { language: huge }],
    ['read-only key', 'settings.update', { workstationId: 'other' }],
    ['extra key', 'settings.update', { language: 'vi', extra: true }],
    ['__proto__ key', 'settings.update', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['string params', 'settings.update', 'language=en'],
    ['array params', 'settings.update', ['en']],
    ['number params', 'settings.update', 42],
    ['extra key on empty request', 'app.info', { anything: 1 }],
    ['huge extra key', 'settings.get', { x: huge }],
    ['array for empty request', 'catalog.seed', []],
    ['not base64', 'vault.put', { bytesBase64: 'not base64!' }],
    ['base64 over the limit', 'vault.put', { bytesBase64: 'A'.repeat(40_000_004) }],
    ['missing bytes', 'vault.put', {}],
    ['upper-case hash', 'vault.read', { sha256: 'A'.repeat(64) }],
    ['short hash', 'uploads.enqueue', { files: [{ fileId: 'f1', sha256: 'ab', size: 1 }] }],
    ['negative size', 'uploads.enqueue', { files: [{ fileId: 'f1', sha256: SHA, size: -1 }] }],
    ['size over FILE_MAX_BYTES', 'uploads.enqueue', { files: [{ fileId: 'f1', sha256: SHA, size: 300 * 1024 * 1024 }] }],
    ['fileId twice', 'uploads.enqueue', { files: [{ fileId: 'f1', sha256: SHA, size: 1 }, { fileId: 'f1', sha256: SHA, size: 1 }] }],
    ['extra key in a file', 'uploads.enqueue', { files: [{ fileId: 'f1', sha256: SHA, size: 1, name: 'x' }] }],
    ['too many files', 'uploads.enqueue', { files: Array.from({ length: 5001 }, (_, i) => ({ fileId: `f${i}`, sha256: SHA, size: 1 })) }],
    ['empty token', 'uploads.connect', { accessToken: '' }],
    ['missing token', 'uploads.connect', {}],
    ['fileId too long', 'uploads.retry', { fileId: 'x'.repeat(65) }],
  ])('rejects %s (%s) with invalid_request before any handler runs', async (_label, method, params) => {
    const { dispatch, ran } = setup();
    const outcome = await dispatch(method, params);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(ran()).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not echo a huge input back in the error message', async () => {
    const { dispatch } = setup();
    const outcome = await dispatch('settings.update', { language: huge });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message.length).toBeLessThan(1_000);
  });

  it('accepts the file-transfer calls', async () => {
    const { dispatch, handlers } = setup();
    await expect(dispatch('vault.put', { bytesBase64: 'AQID' })).resolves.toEqual({ ok: true, result: { sha256: SHA, size: 3 } });
    await expect(dispatch('vault.put', { bytesBase64: '' })).resolves.toMatchObject({ ok: true });
    const files = Array.from({ length: 5000 }, (_, i) => ({ fileId: `f${i}`, sha256: SHA, size: i }));
    await expect(dispatch('uploads.enqueue', { files })).resolves.toEqual({ ok: true, result: { queued: 5000 } });
    await expect(dispatch('uploads.connect', { accessToken: null })).resolves.toEqual({ ok: true, result: {} });
    expect(handlers['uploads.connect']).toHaveBeenCalledWith({ accessToken: null });
  });

  it('reports a RequestError as invalid_request with its message', async () => {
    const { dispatch } = setup();
    await expect(dispatch('uploads.retry', { fileId: 'nope' })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'uploads.retry: no queued upload has this fileId' },
    });
  });

  it('hides internal error details from the caller but logs them', async () => {
    const { dispatch, logged } = setup();
    const outcome = await dispatch('catalog.seed', {});
    expect(outcome).toEqual({ ok: false, error: { code: 'internal', message: 'catalog.seed failed' } });
    expect(JSON.stringify(outcome)).not.toContain('/home/clerk');
    expect(logged.join('\n')).toContain('ENOENT');
  });
});
