/**
 * The entry of each tesseract.js worker thread. It wraps tesseract.js's own Node worker script so
 * that (1) fetch is disabled before that script captures it: the worker fetches the model when
 * langPath is a URL, and the app must never touch the network; (2) a failure while the worker
 * starts ends the thread: tesseract.js then only calls the errorHandler and its createWorker promise
 * never settles, which would leave a live thread holding ~100 MB that nobody can terminate;
 * (3) an uncaught error ends the thread instead of becoming an 'error' event nobody listens to yet.
 *
 * It is a data: URL rather than a shipped .cjs file so the bundled main process (esbuild, one
 * file) needs nothing copied beside it; it loads tesseract.js's script from node_modules by
 * absolute path, which also replaces tesseract.js's default workerPath (built from its own
 * __dirname, wrong once bundled).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** tesseract.js's Node worker script (loads the wasm core from tesseract.js-core, all local). */
export function tesseractWorkerScript(): string {
  return require.resolve('tesseract.js/src/worker-script/node/index.js');
}

/** Message prefix of the error a blocked fetch throws (tests look for it). */
export const NETWORK_BLOCKED = 'network access is blocked in the OCR worker';

/** Worker actions that belong to starting a worker: a rejection of one of them ends the thread. */
const STARTUP_ACTIONS = ['load', 'loadLanguage', 'initialize'];

function workerSource(script: string): string {
  return `
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
globalThis.fetch = async (input) => {
  throw new Error(${JSON.stringify(NETWORK_BLOCKED)} + ': ' + String(input && input.url ? input.url : input));
};
const die = (error) => {
  console.error('[ocr worker] ' + (error && error.stack ? error.stack : String(error)));
  process.exit(70);
};
process.on('uncaughtException', die);
process.on('unhandledRejection', die);
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (message) => {
  post(message);
  if (message && message.status === 'reject' && ${JSON.stringify(STARTUP_ACTIONS)}.includes(message.action)) {
    setImmediate(() => process.exit(71));
  }
};
createRequire(${JSON.stringify(script)})(${JSON.stringify(script)});
`;
}

/** A data: URL Node's Worker accepts as an ES module entry. */
export function offlineWorkerUrl(): URL {
  return new URL(`data:text/javascript,${encodeURIComponent(workerSource(tesseractWorkerScript()))}`);
}
