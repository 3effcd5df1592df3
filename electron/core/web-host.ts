import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../../shared/contract';
import { createCore, inDataDir } from './core';
import { CONTENT_SECURITY_POLICY } from './security-policy';
import { JSON_TYPE, rendererFile } from './static-files';

const MAX_BODY = 64 * 1024 * 1024;

export interface WebHost {
  url: string;
  close(): Promise<void>;
}

/**
 * Browser mode: serves the built renderer and the API (POST /api/<method>) on 127.0.0.1 only.
 * Requests must name this host and port, so a web page elsewhere cannot reach the API
 * through DNS rebinding, and cross-origin posts are refused.
 */
export async function startWebHost(options: { port: number; dataDir: string; rendererDir: string }): Promise<WebHost> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const core = createCore({ resolveFile: inDataDir(options.dataDir), dataDir: options.dataDir, editor: '决算通浏览器模式' });
  let origin = '';

  const server = http.createServer((request, response) => {
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      response.end(body);
    };
    const host = request.headers.host ?? '';
    if (`http://${host}` !== origin && `http://${host}` !== origin.replace('127.0.0.1', 'localhost')) {
      return send(421, 'text/plain; charset=utf-8', '仅限本机访问');
    }
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return send(405, 'text/plain; charset=utf-8', '仅支持 POST');
      const from = request.headers.origin;
      if (from && from !== `http://${host}`) return send(403, 'text/plain; charset=utf-8', '拒绝跨源请求');
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) request.destroy();
        else chunks.push(chunk);
      });
      request.on('end', async () => {
        try {
          const args = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
          const result = await core.call(decodeURIComponent(url.pathname.slice(5)), args);
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
    send(200, found.type, found.body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        core.close();
      }),
  };
}
