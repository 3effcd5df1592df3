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
import { PDF_PAGE, type PdfPrinter } from './core/report/pdf-page';

const INCH_MM = 25.4;

export const printWithElectron: PdfPrinter = async (html) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-pdf-'));
  const file = path.join(dir, '决算公开.html');
  fs.writeFileSync(file, html);
  const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    await window.loadFile(file);
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
