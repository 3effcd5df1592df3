/**
 * Runs an installed app's main process (argv[2]: the folder holding build/ and node_modules/, as
 * unpacked from app.asar) under the stand-in electron, in its own Node process so that every module
 * comes from the installed files, and plays the clerk: make, fill, export, re-read (parse worker) and
 * report (resvg) a year file. Prints one JSON line of what each step answered.
 */
import path from 'node:path';
import { resetStandin } from './electron-standin';

const [installed, home] = process.argv.slice(2);
process.env.JUESUAN_DATA_DIR = path.join(home, 'data');
const state = resetStandin({ gotLock: true, isPackaged: true, savePath: null, openPaths: [], userData: path.join(home, 'user'), documents: path.join(home, 'docs') });
await import(path.join(installed, 'build', 'electron', 'main.mjs'));
state.app.ready();
while (!state.windows[0]?.shown) await new Promise((resolve) => setTimeout(resolve, 50));
const event = { senderFrame: { url: 'app://juesuan/index.html' }, sender: state.windows[0].webContents };
const call = (method: string, args: unknown) => state.ipc.get('juesuan:call')!(event, method, args);
const answers: Record<string, { ok: boolean; error?: unknown }> = {};
answers.createYear = await call('createYear', { file: '2024.sqlite', fiscalYear: 2024, unitName: '安装测试单位' });
answers.setCells = await call('setCells', { file: '2024.sqlite', edits: [{ table: '公开01表', row: '28', col: '1', value: '3.5' }] });
const workbook = await call('exportWorkbook', { file: '2024.sqlite', draft: true });
answers.exportWorkbook = { ok: workbook.ok, error: workbook.error };
const preview = await call('previewImport', { file: '2024.sqlite', name: '导出.xlsx', dataBase64: workbook.result?.dataBase64 ?? '' });
answers.previewImport = { ok: preview.ok, error: preview.error, cells01: preview.result?.recognised.find((table: { table: string }) => table.table === '公开01表')?.cells } as never;
const report = await call('exportReport', { file: '2024.sqlite', format: 'docx', draft: true });
answers.exportReport = { ok: report.ok, error: report.error };
state.app.emit('window-all-closed');
console.log(JSON.stringify(answers));
process.exit(0);
