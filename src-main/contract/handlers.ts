/** Binds each contract method to a service. Thin on purpose: the logic lives in the services. */
import type { DesktopEvent, EventPayload } from '../../src-shared/contract/desktop';
import { RequestError, type Handlers } from './dispatch';
import { createSettingsService, type SettingsService } from '../services/settings';
import { createUploader, type Uploader } from '../services/uploads/uploader';
import { createVault, type Vault } from '../services/vault';
import { createOfflineLoginStore, type OfflineLoginStore } from '../services/offline-login';
import { readSeedCatalog } from '../services/catalog';
import { loadCalendarTables } from '../services/calendar-tables';
import { createDigitizeEngine, type DigitizeEngine } from '../services/digitize/engine';
import { createDigitizer, DigitizeRequestError, type Digitizer } from '../services/digitize/digitizer';
import { scanIntoBatch } from '../services/digitize/scan-into-batch';
import { createWatchFolderSetting, type WatchFolderSetting } from '../services/digitize/watch-folder-setting';
import { listScanners } from '../services/intake';

export interface HandlerContext {
  version: string;
  host: 'electron' | 'web';
  resourcesDir: string;
  settings: SettingsService;
  vault: Vault;
  uploads: Uploader;
  /** Local password verifiers for offline sign-in and unlock. */
  offlineLogin: OfflineLoginStore;
  /** Digitisation: the engine (OCR pool, image thread), the batches, the watched folder. */
  engine: DigitizeEngine;
  digitizer: Digitizer;
  watchFolder: WatchFolderSetting;
  /** Shows a PDF for printing; absent where the host cannot (the browser host). */
  showDocument?: (title: string, pdf: Buffer) => Promise<void>;
  /** Tells every connected renderer about a change. */
  emit: <E extends DesktopEvent>(event: E, payload: EventPayload<E>) => void;
}

/** The services of one data folder that the handlers bind. */
export type WorkstationServices = Pick<HandlerContext, 'settings' | 'vault' | 'uploads' | 'offlineLogin' | 'engine' | 'digitizer' | 'watchFolder'> & {
  /** Stops what runs in the background (uploads, OCR, the watched folder). */
  close(): Promise<void>;
};

/** Made once per host (Electron main, browser host), so both bind the same services the same way. */
export function createWorkstationServices(
  dataDir: string,
  resourcesDir: string,
  log: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): WorkstationServices {
  const vault = createVault(dataDir);
  const uploads = createUploader({ dataDir, vault, log });
  const engine = createDigitizeEngine({ resourcesDir, log });
  const digitizer = createDigitizer({ dataDir, engine, vault, log });
  const watchFolder = createWatchFolderSetting({ dataDir, digitizer, log });
  // Unfinished pages of a previous run start again; the watched folder resumes. Neither blocks start.
  void digitizer.start().then(() => watchFolder.start()).catch((error: Error) => log(`digitize: start failed: ${error.message}`));
  return {
    settings: createSettingsService(dataDir, env),
    vault,
    uploads,
    offlineLogin: createOfflineLoginStore(dataDir, { log }),
    engine,
    digitizer,
    watchFolder,
    async close() {
      await watchFolder.stop();
      await digitizer.close();
      await Promise.all([uploads.close(), engine.close()]);
    },
  };
}

/** A digitiser refusal is the caller's mistake (unknown page, not ready): invalid_request. */
async function request<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DigitizeRequestError) throw new RequestError(error.message);
    throw error;
  }
}

export function createHandlers(ctx: HandlerContext): Handlers {
  // The uploader's events are contract events: forwarded to every renderer as they come.
  ctx.uploads.on('changed', (status) => ctx.emit('uploads.changed', status));
  ctx.uploads.on('tokenExpired', () => ctx.emit('uploads.tokenExpired', {}));
  ctx.digitizer.on('changed', (batch) => ctx.emit('digitize.changed', batch));
  ctx.watchFolder.onChange((status) => ctx.emit('watchFolder.changed', status));
  const d = ctx.digitizer;

  return {
    'app.info': async () => ({ version: ctx.version, host: ctx.host, platform: process.platform }),
    'catalog.seed': () => readSeedCatalog(ctx.resourcesDir),
    'calendar.tables': async () => ({ tables: await loadCalendarTables(ctx.resourcesDir) }),
    'document.show': async ({ title, pdfBase64 }) => {
      if (!ctx.showDocument) return { shown: false };
      await ctx.showDocument(title, Buffer.from(pdfBase64, 'base64'));
      return { shown: true };
    },
    'settings.get': () => ctx.settings.get(),
    'settings.update': async (patch) => {
      const before = await ctx.settings.get();
      const next = await ctx.settings.update(patch);
      // The token belongs to the old portal: uploads wait for a sign-in to the new one.
      if (next.portalUrl !== before.portalUrl) ctx.uploads.connect(null);
      ctx.emit('settings.changed', next);
      return next;
    },
    'vault.put': ({ bytesBase64 }) => ctx.vault.put(Buffer.from(bytesBase64, 'base64')),
    'vault.read': async ({ sha256 }) => {
      const bytes = await ctx.vault.read(sha256);
      if (!bytes) throw new RequestError('the vault holds no file with this SHA-256');
      return { bytesBase64: bytes.toString('base64') };
    },
    'uploads.enqueue': async ({ files }) => {
      // Checked before anything is queued: a file not (or not so) in the vault is the caller's mistake.
      for (const file of files) {
        const size = await ctx.vault.size(file.sha256);
        if (size === null) throw new RequestError(`fileId ${JSON.stringify(file.fileId)}: the vault holds no file with this SHA-256`);
        if (size !== file.size) throw new RequestError(`fileId ${JSON.stringify(file.fileId)}: size ${file.size}, but the vault holds ${size} bytes`);
      }
      return ctx.uploads.enqueue(files);
    },
    'uploads.list': async () => ({ uploads: await ctx.uploads.list() }),
    'uploads.connect': async ({ accessToken }) => {
      const { portalUrl } = await ctx.settings.get();
      ctx.uploads.connect(accessToken ? { portalUrl, accessToken } : null);
      return {};
    },
    'uploads.retry': async ({ fileId }) => {
      if (!(await ctx.uploads.retry(fileId))) throw new RequestError('no queued upload has this fileId');
      return {};
    },
    'auth.remember': async ({ user, password }) => {
      await ctx.offlineLogin.remember(user, password);
      return {};
    },
    'auth.verifyOffline': ({ username, password }) => ctx.offlineLogin.verify(username, password),
    'auth.knownUsers': async () => ({ users: await ctx.offlineLogin.list() }),
    'auth.forget': async ({ username }) => ({ forgotten: await ctx.offlineLogin.forget(username) }),
    'digitize.add': ({ batchId, componentId, name, bytesBase64, via }) => d.addFile(batchId, componentId, name, Buffer.from(bytesBase64, 'base64'), via),
    'digitize.batch': ({ batchId }) => d.batch(batchId),
    'digitize.arrange': ({ batchId, order, components }) => request(() => d.arrange(batchId, order, components)),
    'digitize.remove': ({ batchId, pageIds }) => request(() => d.remove(batchId, pageIds)),
    'digitize.rotate': ({ batchId, pageId, turns }) => request(() => d.rotate(batchId, pageId, turns)),
    'digitize.retry': ({ batchId, pageId }) => request(() => d.retry(batchId, pageId)),
    'digitize.cancel': async ({ batchId, pageIds }) => ({ cancelled: await d.cancel(batchId, pageIds) }),
    'digitize.take': ({ from, to, pageIds, componentId }) => request(() => d.take(from, to, pageIds, componentId)),
    'digitize.pageImage': ({ batchId, pageId, size }) =>
      request(async () => ({ jpegBase64: (await d.pageImage(batchId, pageId, size)).toString('base64') })),
    'digitize.pageText': ({ batchId, pageId }) => request(() => d.pageText(batchId, pageId)),
    'digitize.assemble': ({ batchId, componentId, meta }) => request(() => d.assemble(batchId, componentId, meta)),
    'digitize.discard': async ({ batchId }) => {
      await d.discard(batchId);
      return {};
    },
    'digitize.readIdCard': (req) =>
      request(async () => ({
        codes: 'bytesBase64' in req ? await ctx.engine.readQrBytes(Buffer.from(req.bytesBase64, 'base64')) : await d.readIdCard(req.batchId, req.pageId),
      })),
    'scanner.list': () => listScanners(),
    'scanner.scan': ({ batchId, componentId, options }) => scanIntoBatch(d, batchId, componentId, options),
    'watchFolder.get': async () => ctx.watchFolder.status(),
    'watchFolder.set': ({ folder }) => ctx.watchFolder.set(folder),
  };
}
