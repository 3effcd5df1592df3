import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, type ErrorKind } from '../../shared/contract';
import { createCore, inDataDir } from './core';
import { CONTENT_SECURITY_POLICY } from './security-policy';
import { tabHolders } from './tab-holders';
import { JSON_TYPE, rendererFile } from './static-files';
import { LIMITS } from './xlsx/limits';

/** A 20 MB file travels base64-encoded (4/3 larger) inside a JSON body, with room for the other fields. */
const MAX_BODY = Math.ceil((LIMITS.fileBytes * 4) / 3) + 1024 * 1024;
const TOO_LARGE = `文件超过 ${LIMITS.fileBytes / 1048576} MB`;
/**
 * How long the browser may keep a served file. The built scripts and styles under /assets/ carry a
 * hash of their content in their names (vite), so a copy never goes stale: the page's second visit
 * loads them from the browser's cache (with V8's compiled code) instead of 2 MB over again. The page
 * itself carries this start's secret and is never kept; nor is any API answer.
 */
export function cacheFor(pathname: string): string {
  return /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(js|css)$/.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-store';
}

/** The header every API call carries the per-start secret in (renderer/src/api.ts). */
export const TOKEN_HEADER = 'x-juesuan-token';
/** The header naming the page (browser tab) a call comes from: each page served gets its own id. */
export const PAGE_HEADER = 'x-juesuan-page';

export interface WebHost {
  url: string;
  /** This start's secret, injected into the served page; tests in the same process use it too. */
  token: string;
  close(): Promise<void>;
}

/**
 * Browser mode: serves the built renderer and the API (POST /api/<method>) on 127.0.0.1 only.
 * Requests must name this host and port, so a web page elsewhere cannot reach the API
 * through DNS rebinding, and cross-origin posts are refused. Every API call must also carry the
 * secret made at this start and written into the served page (another local program or a form
 * posted from an old browser does not know it), and be JSON (application/json).
 */
export async function startWebHost(options: { port: number; dataDir: string; rendererDir: string }): Promise<WebHost> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const core = createCore({ resolveFile: inDataDir(options.dataDir), dataDir: options.dataDir, editor: '决算通浏览器模式' });
  let origin = '';
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const knowsToken = (given: string | string[] | undefined) => typeof given === 'string' && given.length === token.length && timingSafeEqual(Buffer.from(given), tokenBytes);
  const tabs = tabHolders();

  const server = http.createServer((request, response) => {
    const send = (status: number, type: string, body: string | Buffer, cache = 'no-store') => {
      response.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': cache,
      });
      response.end(body);
    };
    const host = request.headers.host ?? '';
    if (`http://${host}` !== origin && `http://${host}` !== origin.replace('127.0.0.1', 'localhost')) {
      return send(421, 'text/plain; charset=utf-8', '仅限本机访问');
    }
    const fail = (status: number, kind: ErrorKind, message: string) => {
      // Unread body bytes must not be taken for the next request on this connection.
      response.setHeader('Connection', 'close');
      send(status, JSON_TYPE, JSON.stringify({ ok: false, error: { kind, message } }));
    };
    let url: URL;
    try {
      url = new URL(request.url ?? '/', origin);
    } catch {
      return fail(400, 'refused', '请求地址无效');
    }
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return send(405, 'text/plain; charset=utf-8', '仅支持 POST');
      const from = request.headers.origin;
      if (from && from !== `http://${host}`) return send(403, 'text/plain; charset=utf-8', '拒绝跨源请求');
      if (!knowsToken(request.headers[TOKEN_HEADER])) return fail(403, 'refused', '拒绝未经授权的调用(请从决算通页面操作)');
      if (!/^application\/json(\s*;|$)/i.test(request.headers['content-type'] ?? '')) return fail(415, 'refused', '请求必须是 JSON(application/json)');
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice(5));
      } catch {
        return fail(400, 'refused', '请求地址中的 % 转义无效');
      }
      if (Number(request.headers['content-length'] ?? 0) > MAX_BODY) return fail(413, 'refused', TOO_LARGE);
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      request.on('data', (chunk: Buffer) => {
        if (tooLarge) return;
        size += chunk.length;
        if (size <= MAX_BODY) return void chunks.push(chunk);
        tooLarge = true;
        chunks.length = 0;
        fail(413, 'refused', TOO_LARGE);
      });
      request.on('end', async () => {
        if (tooLarge) return;
        try {
          const args = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
          const page = String(request.headers[PAGE_HEADER] ?? '');
          const file = (args as { file?: unknown } | null)?.file;
          const elsewhere = tabs.refusal(method, page, file);
          if (elsewhere) return fail(409, 'elsewhere', elsewhere);
          const result = await core.call(method, args);
          tabs.note(method, page, file);
          send(200, JSON_TYPE, JSON.stringify({ ok: true, result }));
        } catch (error) {
          const known = error instanceof ApiError ? error : error instanceof SyntaxError ? new ApiError('refused', '请求不是有效的 JSON') : null;
          if (!known) console.error(error);
          const body = known ? { kind: known.kind, message: known.message } : { kind: 'unreadable', message: `内部错误:${(error as Error).message}` };
          send(known ? 400 : 500, JSON_TYPE, JSON.stringify({ ok: false, error: body }));
        }
      });
      return;
    }
    if (request.method !== 'GET') return send(405, 'text/plain; charset=utf-8', '不支持的请求');
    const found = rendererFile(options.rendererDir, url.pathname);
    if (!found) return send(404, 'text/plain; charset=utf-8', '未找到');
    // The page learns this start's secret and its own id; nothing else served or reachable carries the secret.
    const meta = () => `<meta name="juesuan-token" content="${token}"><meta name="juesuan-page" content="${randomBytes(12).toString('base64url')}"></head>`;
    const body = found.type.startsWith('text/html') ? found.body.toString('utf8').replace('</head>', meta) : found.body;
    send(200, found.type, body, cacheFor(url.pathname));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        core.close();
      }),
  };
}
