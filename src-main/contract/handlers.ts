/** Binds each contract method to a service. Thin on purpose: the logic lives in the services. */
import type { DesktopEvent, EventPayload } from '../../src-shared/contract/desktop';
import { RequestError, type Handlers } from './dispatch';
import { createSettingsService, type SettingsService } from '../services/settings';
import { createUploader, type Uploader } from '../services/uploads/uploader';
import { createVault, type Vault } from '../services/vault';
import { createOfflineLoginStore, type OfflineLoginStore } from '../services/offline-login';
import { readSeedCatalog } from '../services/catalog';
import { loadCalendarTables } from '../services/calendar-tables';

export interface HandlerContext {
  version: string;
  host: 'electron' | 'web';
  resourcesDir: string;
  settings: SettingsService;
  vault: Vault;
  uploads: Uploader;
  /** Local password verifiers for offline sign-in and unlock. */
  offlineLogin: OfflineLoginStore;
  /** Shows a PDF for printing; absent where the host cannot (the browser host). */
  showDocument?: (title: string, pdf: Buffer) => Promise<void>;
  /** Tells every connected renderer about a change. */
  emit: <E extends DesktopEvent>(event: E, payload: EventPayload<E>) => void;
}

/** The services of one data folder that the handlers bind. */
export type WorkstationServices = Pick<HandlerContext, 'settings' | 'vault' | 'uploads' | 'offlineLogin'>;

/** Made once per host (Electron main, browser host), so both bind the same services the same way. */
export function createWorkstationServices(dataDir: string, log: (message: string) => void, env: NodeJS.ProcessEnv = process.env): WorkstationServices {
  const vault = createVault(dataDir);
  return {
    settings: createSettingsService(dataDir, env),
    vault,
    uploads: createUploader({ dataDir, vault, log }),
    offlineLogin: createOfflineLoginStore(dataDir, { log }),
  };
}

export function createHandlers(ctx: HandlerContext): Handlers {
  // The uploader's events are contract events: forwarded to every renderer as they come.
  ctx.uploads.on('changed', (status) => ctx.emit('uploads.changed', status));
  ctx.uploads.on('tokenExpired', () => ctx.emit('uploads.tokenExpired', {}));

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
  };
}
