// pdfjs-dist ships no types for its worker module; only its handler is used (see pdfjs-local.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
