import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository (or packaged app) root, from this module's location in electron/core or build/electron. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = path.join(ROOT, 'build', 'renderer');

/** Where year files live unless the user says otherwise: 文档/决算通. */
export function defaultDataDir(): string {
  return path.join(os.homedir(), 'Documents', '决算通');
}
