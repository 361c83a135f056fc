/** Types for scripts/build-main.mjs, imported by the Electron wiring and smoke tests. */
export function buildMain(options?: { outDir?: string }): Promise<void>;
