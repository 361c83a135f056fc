/** Which area is shown, and which dossier is open over it. */
import { create } from 'zustand';
import type { DossierDoc } from '../../src-shared/contract/documents';

export const AREAS = ['reception', 'search', 'ledger', 'scan', 'supervisor', 'sync', 'settings'] as const;
export type Area = (typeof AREAS)[number];

interface NavigationState {
  area: Area;
  dossierId: string | null;
  /** A dossier resumed at the counter (it came back after a supplement request). */
  resume: DossierDoc | null;
  go(area: Area): void;
  open(dossierId: string): void;
  close(): void;
  resumeAtCounter(dossier: DossierDoc): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  area: 'reception',
  dossierId: null,
  resume: null,
  go: (area) => set({ area, dossierId: null, resume: null }),
  open: (dossierId) => set({ dossierId }),
  close: () => set({ dossierId: null }),
  resumeAtCounter: (dossier) => set({ area: 'reception', dossierId: null, resume: dossier }),
}));
