/** Binds each contract method to a service. Thin on purpose: the logic lives in the services. */
import type { Handlers } from './dispatch';
import type { SettingsService } from '../services/settings';
import { readSeedCatalog } from '../services/catalog';
import { loadCalendarTables } from '../services/calendar-tables';

export interface HandlerContext {
  version: string;
  host: 'electron' | 'web';
  resourcesDir: string;
  settings: SettingsService;
  /** Shows a PDF for printing; absent where the host cannot (the browser host). */
  showDocument?: (title: string, pdf: Buffer) => Promise<void>;
  /** Tells every connected renderer about a change. */
  emit: (event: 'settings.changed', payload: Awaited<ReturnType<SettingsService['get']>>) => void;
}

export function createHandlers(ctx: HandlerContext): Handlers {
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
      const next = await ctx.settings.update(patch);
      ctx.emit('settings.changed', next);
      return next;
    },
  };
}
