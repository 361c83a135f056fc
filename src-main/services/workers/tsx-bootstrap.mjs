// Starts a TypeScript worker in development and tests: tsx's loader must be registered inside the
// worker thread itself (a `--import tsx` in execArgv is not honoured for the worker's entry).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
