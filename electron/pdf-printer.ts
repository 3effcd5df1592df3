/**
 * The desktop app's PDF printer: its own Chromium (Electron's printToPDF) in a hidden window, since an
 * installed app ships no other browser. The document is our generated HTML, shown from a temporary
 * file with JavaScript off in a sandboxed window that never appears; margins and footer as in browser
 * mode (PDF_PAGE).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { ApiError } from '../shared/contract';
import { PDF_PAGE, type PdfPrinter } from './core/report/pdf-page';
import { makeTempFolder } from './core/temp-folders';
import { writeFailureKind } from './core/write-errors';

const INCH_MM = 25.4;

export const printWithElectron: PdfPrinter = async (html) => {
  // Named for this process, so a run killed while printing has its folder removed at the next start.
  let dir = '';
  const file = () => path.join(dir, '决算公开.html');
  try {
    dir = makeTempFolder('pdf');
    fs.writeFileSync(file(), html);
  } catch (error) {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (!writeFailureKind(error)) throw error;
    throw new ApiError('refused', `临时文件夹 ${os.tmpdir()} 所在的磁盘已满或不能写入,未能生成 PDF;请腾出空间后再试(年度文件未受影响)`);
  }
  const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    await window.loadFile(file());
    const { margins, headerTemplate, footerTemplate } = PDF_PAGE;
    const inches = (mm: number) => mm / INCH_MM;
    const pdf = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate,
      footerTemplate,
      margins: { top: inches(margins.top), bottom: inches(margins.bottom), left: inches(margins.left), right: inches(margins.right) },
    });
    return Buffer.from(pdf);
  } finally {
    window.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
