import fs from 'node:fs';
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

  /** What the served page sends: the per-start secret and a JSON content type. */
  const app = () => ({ 'Content-Type': 'application/json', 'X-Juesuan-Token': host.token });

  it('listens on 127.0.0.1 and serves the API with the contract checks', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const created = await request(`${host.url}api/createYear`, { method: 'POST', headers: app(), body: JSON.stringify({ file: '2023.sqlite', fiscalYear: 2023, unitName: '单位' }) });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body).result.fiscalYear).toBe(2023);
    const refused = await request(`${host.url}api/setCells`, { method: 'POST', headers: app(), body: JSON.stringify({ file: '../escape.sqlite', edits: [] }) });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).error.message).toContain('年度文件名');
    const unknown = await request(`${host.url}api/exec`, { method: 'POST', headers: app(), body: '{}' });
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

  it('lets the browser keep the content-hashed scripts and styles, never the page (it carries the secret) or an answer', async () => {
    const page = await request(host.url);
    expect(page.headers['cache-control']).toBe('no-store');
    const assets = [...page.body.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    for (const asset of assets) {
      const served = await request(`${host.url}${asset}`);
      expect(served.status, asset).toBe(200);
      expect(served.headers['cache-control'], asset).toBe('public, max-age=31536000, immutable');
    }
    const answer = await request(`${host.url}api/listYears`, { method: 'POST', headers: app(), body: '{}' });
    expect(answer.headers['cache-control']).toBe('no-store');
    expect((await request(`${host.url}assets/nothing-here.js`)).headers['cache-control']).toBe('no-store');
  });

  it('admits only the served page: the per-start secret it carries and JSON, on every call', async () => {
    const page = await request(host.url);
    expect(page.body).toContain(`<meta name="juesuan-token" content="${host.token}">`);
    const body = JSON.stringify({ file: 'x.sqlite', fiscalYear: 2023, unitName: '单位' });
    // A form or text/plain post from another local program: no secret, or no JSON type.
    for (const headers of <Record<string, string>[]>[{ 'Content-Type': 'application/json' }, { 'Content-Type': 'text/plain', 'X-Juesuan-Token': host.token }, { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Juesuan-Token': host.token }, { 'Content-Type': 'application/json', 'X-Juesuan-Token': host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A') }]) {
      const refused = await request(`${host.url}api/createYear`, { method: 'POST', headers, body });
      expect([403, 415]).toContain(refused.status);
      expect(JSON.parse(refused.body).ok).toBe(false);
    }
    expect(fs.readdirSync(data.dir)).not.toContain('x.sqlite');
  });

  it('answers odd requests with a status and a Chinese message, never a 500 or a reset', async () => {
    const badEscape = await request(`${host.url}api/list%E0%A4%A`, { method: 'POST', headers: app(), body: '{}' });
    expect(badEscape.status).toBe(400);
    expect(JSON.parse(badEscape.body).error.message).toContain('% 转义');
    const huge = await request(`${host.url}api/importWorkbook`, { method: 'POST', headers: { ...app(), 'Content-Length': String(40 * 1024 * 1024) }, body: '' }).catch((error: Error) => ({ status: 0, body: error.message }));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.message).toBe('文件超过 20 MB');
    for (const field of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const sneaky = await request(`${host.url}api/listYears`, { method: 'POST', headers: app(), body: `{"${field}":1}` });
      expect(sneaky.status).toBe(400);
      expect(JSON.parse(sneaky.body).error.message).toContain(`未知字段“${field}”`);
    }
    for (const name of ['a\nb.sqlite', 'exe.\u202excod.sqlite', 'CON.sqlite', 'nul.sqlite', 'com1.x.sqlite', 'x .sqlite', 'x..sqlite']) {
      const refused = await request(`${host.url}api/createYear`, { method: 'POST', headers: app(), body: JSON.stringify({ file: name, fiscalYear: 2023, unitName: '单位' }) });
      expect(refused.status, name).toBe(400);
      expect(JSON.parse(refused.body).error.message).toContain('年度文件名');
    }
  });

  it('lets only the tab that opened a year last read and write it: two tabs never overwrite each other', async () => {
    const pageId = async () => /<meta name="juesuan-page" content="([^"]+)">/.exec((await request(host.url)).body)![1];
    const [tabA, tabB] = [await pageId(), await pageId()];
    expect(tabA).not.toBe(tabB);
    const from = (tab: string, method: string, args: unknown) =>
      request(`${host.url}api/${method}`, { method: 'POST', headers: { ...app(), 'X-Juesuan-Page': tab }, body: JSON.stringify(args) });
    const file = '两个标签页.sqlite';
    expect((await from(tabA, 'createYear', { file, fiscalYear: 2023, unitName: '单位' })).status).toBe(200);
    const typed = (value: string) => ({ file, edits: [{ table: '公开01表', row: '28', col: '1', value }] });
    expect((await from(tabA, 'setCells', typed('1.00'))).status).toBe(200);

    expect((await from(tabB, 'openYear', { file })).status).toBe(200);
    const stale = await from(tabA, 'setCells', typed('2.00'));
    expect(stale.status).toBe(409);
    expect(JSON.parse(stale.body).error.message).toContain('已在另一个浏览器标签页中打开');
    expect((await from(tabA, 'getTable', { file, table: '公开01表' })).status).toBe(409);
    expect((await from(tabB, 'setCells', typed('3.00'))).status).toBe(200);

    // Tab A's 切换年度文件 must not close the year under tab B.
    expect((await from(tabA, 'closeYear', { file })).status).toBe(409);
    expect((await from(tabB, 'setCells', typed('4.00'))).status).toBe(200);
    expect((await from(tabB, 'closeYear', { file })).status).toBe(200);
    expect(JSON.parse((await from(tabA, 'setCells', typed('5.00'))).body).error.message).toContain('已在另一个浏览器标签页中关闭');
    // A page that never had the year open (the start page's 汇总 and batch tools) and the page that closed it are not concerned.
    expect((await from(await pageId(), 'validate', { file })).status).toBe(200);
    expect((await from(tabB, 'validate', { file })).status).toBe(200);

    // Opening it again (a refresh) takes the year over; what tab B saved is what tab A now sees.
    const reopened = await from(tabA, 'openYear', { file });
    expect(reopened.status).toBe(200);
    const cell = await from(tabA, 'getTable', { file, table: '公开01表' });
    expect(cell.body).toContain('4.00');
  });
});
