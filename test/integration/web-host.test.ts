import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_DIR } from '../../electron/core/paths';
import { startWebHost, type WebHost } from '../../electron/core/web-host';
import { tempDir } from '../helpers/temp';

/** A raw request, so the Host and Origin headers can be set the way a hostile page would. */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode host', () => {
  let host: WebHost;
  const data = tempDir();
  beforeAll(async () => {
    host = await startWebHost({ port: 0, dataDir: data.dir, rendererDir: RENDERER_DIR });
  });
  afterAll(async () => {
    await host.close();
    data.cleanup();
  });

  it('listens on 127.0.0.1 and serves the API with the contract checks', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const created = await request(`${host.url}api/createYear`, { method: 'POST', body: JSON.stringify({ file: '2023.sqlite', fiscalYear: 2023, unitName: '单位' }) });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body).result.fiscalYear).toBe(2023);
    const refused = await request(`${host.url}api/setCells`, { method: 'POST', body: JSON.stringify({ file: '../escape.sqlite', edits: [] }) });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).error.message).toContain('年度文件名');
    const unknown = await request(`${host.url}api/exec`, { method: 'POST', body: '{}' });
    expect(JSON.parse(unknown.body).error.message).toContain('未知的调用');
  });

  it('refuses other Host names (DNS rebinding) and cross-origin posts', async () => {
    const port = new URL(host.url).port;
    expect((await request(`${host.url}`, { headers: { Host: `evil.example:${port}` } })).status).toBe(421);
    const cross = await request(`${host.url}api/listYears`, { method: 'POST', headers: { Origin: 'http://evil.example' }, body: '{}' });
    expect(cross.status).toBe(403);
  });

  it('serves the renderer with the strict Content-Security-Policy and nothing outside it', async () => {
    const page = await request(host.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await request(`${host.url}..%2f..%2fpackage.json`)).status).toBe(404);
  });
});
