// Starts validate-worker.ts from source (CLI, web host and tests run TypeScript through tsx):
// the worker thread gets tsx's loader first. The Electron build bundles the worker instead.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
