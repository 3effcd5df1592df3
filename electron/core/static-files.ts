import fs from 'node:fs';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/**
 * A built renderer file for a URL path, or null: nothing outside the renderer folder is ever
 * served, however the path is spelled. Used by the browser-mode host and the app:// protocol.
 */
export function rendererFile(rendererDir: string, urlPath: string): { body: Buffer; type: string } | null {
  const root = path.resolve(rendererDir);
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath).replace(/^\/+/, '') || 'index.html';
  } catch {
    return null;
  }
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
  return { body: fs.readFileSync(file), type: MIME[path.extname(file)] ?? 'application/octet-stream' };
}

export const JSON_TYPE = MIME['.json'];
