// Runs a TypeScript worker entry under tsx: the loader must be registered inside the worker thread.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
