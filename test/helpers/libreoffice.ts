/**
 * LibreOffice headless as an independent spreadsheet: converts workbooks (to .xlsx after a full
 * recalculation, or to PDF for printing), one soffice run per call for many files (each run costs
 * seconds). A private profile keeps runs apart from any other soffice on the machine and makes
 * LibreOffice recalculate every formula on load instead of trusting the cached results.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export const hasLibreOffice = () => spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/** Converts `files` into `outDir` as `format` ('pdf', 'xlsx', …); returns the output paths in order. */
export function convert(files: string[], format: string, outDir: string): string[] {
  const profile = path.join(outDir, '.profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const run = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, ...files], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const outputs = files.map((file) => path.join(outDir, `${path.basename(file, path.extname(file))}.${format}`));
  const missing = outputs.filter((out) => !fs.existsSync(out));
  if (missing.length) throw new Error(`soffice did not write ${missing.join(', ')}: ${run.stderr || run.stdout}`);
  return outputs;
}

/** Page count of a PDF (pdfinfo) and the text of each page (pdftotext). */
export function pdfPages(pdf: string): string[] {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  return Array.from({ length: count }, (_, i) => spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout);
}
