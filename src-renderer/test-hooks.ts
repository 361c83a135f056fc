/**
 * Hooks for end-to-end tests that need volume (a week of offline work) faster than typing it:
 * installed only when a Playwright init script set `window.__MOTCUA_TEST_HOOKS__` before the app
 * loaded. They write through the app's own code paths (outbox rows first, then the documents).
 * Anyone who can set that flag already controls the page, so this opens nothing new.
 */
import type { DossierDoc, DossierEventDoc } from '../src-shared/contract/documents';
import { writeDossierChange } from './dossiers/write';
import { base64ToBytes } from './bridge/base64';
import { attachFiles } from './files/attach';
import type { Workspace } from './runtime';

declare global {
  interface Window {
    __MOTCUA_TEST_HOOKS__?: boolean;
    __motcuaTest?: MotcuaTestHooks;
  }
}

export interface MotcuaTestHooks {
  workspace(): Workspace | null;
  writeDossiers(changes: { dossier: DossierDoc; event: DossierEventDoc }[]): Promise<void>;
  /** Attaches files given as base64 to a dossier component; returns the ids of those attached. */
  attach(dossier: { id: string; agencyId: string }, componentId: string, files: { name: string; base64: string }[]): Promise<string[]>;
}

let current: Workspace | null = null;

export function exposeWorkspaceToTests(ws: Workspace | null): void {
  if (window.__MOTCUA_TEST_HOOKS__ !== true) return;
  current = ws;
  window.__motcuaTest ??= {
    workspace: () => current,
    async writeDossiers(changes) {
      if (!current) throw new Error('not signed in');
      for (const { dossier, event } of changes) await writeDossierChange(current.db, dossier, event);
    },
    async attach(dossier, componentId, files) {
      if (!current) throw new Error('not signed in');
      const list = files.map((f) => new File([base64ToBytes(f.base64) as BlobPart], f.name));
      const outcome = await attachFiles(current, dossier, componentId, list);
      return outcome.attached.map((m) => m.id);
    },
  };
}
