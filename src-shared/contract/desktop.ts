/**
 * The desktop contract: every method the renderer may call on the Node side and every event it may
 * receive. Electron's preload and the browser host's WebSocket expose exactly this, and the Node side
 * validates every incoming request against these schemas before anything runs.
 */
import { z } from 'zod';
import { calendarTableSchema } from './calendar';
import { catalogSchema } from './catalog';
import type { DesktopEvent, DesktopMethod } from './desktop-names';

export type { Catalog } from './catalog';

export * from './desktop-names';

export const settingsSchema = z.object({
  /** Base URL of the central portal, e.g. https://motcua.example.gov.vn */
  portalUrl: z.url().max(300),
  /** Random identity of this workstation, made at first start. */
  workstationId: z.string().min(1).max(64),
  language: z.enum(['vi', 'en']),
});
export type Settings = z.infer<typeof settingsSchema>;

const empty = z.object({}).strict();

type Schemas = { request: z.ZodType; response: z.ZodType };

/** Method name -> request and response schema. */
export const desktopMethods = {
  'app.info': {
    request: empty,
    response: z.object({
      version: z.string(),
      host: z.enum(['electron', 'web']),
      platform: z.string(),
    }),
  },
  'catalog.seed': { request: empty, response: catalogSchema },
  /** The bundled yearly calendar tables (resources/calendar); the portal's copies override them. */
  'calendar.tables': { request: empty, response: z.object({ tables: z.array(calendarTableSchema) }) },
  /**
   * Shows a printable PDF in a window of its own (Electron: the print dialog is one keystroke away).
   * `shown: false` when the host cannot (the browser host): the renderer opens the PDF itself.
   */
  'document.show': {
    request: z.object({ title: z.string().min(1).max(200), pdfBase64: z.string().min(1).max(40_000_000) }).strict(),
    response: z.object({ shown: z.boolean() }),
  },
  'settings.get': { request: empty, response: settingsSchema },
  'settings.update': {
    request: settingsSchema.omit({ workstationId: true }).partial().strict(),
    response: settingsSchema,
  },
} as const satisfies Record<DesktopMethod, Schemas>;

/** Event name -> payload schema (Node side -> renderer). */
export const desktopEvents = {
  'settings.changed': settingsSchema,
} as const satisfies Record<DesktopEvent, z.ZodType>;

// Compile-time check: no schema without a name in desktop-names.ts.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: [Exact<keyof typeof desktopMethods, DesktopMethod>, Exact<keyof typeof desktopEvents, DesktopEvent>] = [true, true];
void namesMatch;
export type MethodRequest<M extends DesktopMethod> = z.input<(typeof desktopMethods)[M]['request']>;
export type MethodResponse<M extends DesktopMethod> = z.output<(typeof desktopMethods)[M]['response']>;
export type EventPayload<E extends DesktopEvent> = z.output<(typeof desktopEvents)[E]>;

/** The object the preload puts on `window.motcua` (and the browser bridge imitates). */
export interface DesktopApi {
  invoke<M extends DesktopMethod>(method: M, request: MethodRequest<M>): Promise<MethodResponse<M>>;
  on<E extends DesktopEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

