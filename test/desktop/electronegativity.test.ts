/**
 * Static security scan of the Electron code with Electronegativity: every finding is either
 * fixed or explained below (and the explanation is checked elsewhere in the tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

/** Findings that are not defects, by check and file, with the reason and the test that holds it. */
const EXPLAINED: Record<string, string> = {
  'CSP_GLOBAL_CHECK ': 'The CSP is a response header of the app:// handler and the browser-mode host, not a <meta> the scanner could read (main-process.test.ts, web-host.test.ts).',
  'AUXCLICK_JS_CHECK pdf-printer.ts': 'The PDF printer window is never shown (no clicks reach it), runs no JavaScript and denies new windows like every other (main-process.test.ts “prints the 决算公开 PDF …”).',
  'AUXCLICK_JS_CHECK main.ts': 'A middle click can only ask for a new window, and setWindowOpenHandler denies every one (main-process.test.ts “denies … new windows”).',
  'PRELOAD_JS_CHECK main.ts': 'Reviewed: preload.ts exposes three narrow functions through contextBridge, never ipcRenderer itself; the main process checks sender and arguments (main-process.test.ts).',
};

describe('Electronegativity scan of electron/', () => {
  const temp = tempDir('juesuan-scan-');
  afterAll(() => temp.cleanup());

  it('has no finding without an explanation, and no explanation without its finding', () => {
    const report = path.join(temp.dir, 'scan.sarif');
    const electronVersion = JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')).version;
    // AvailableSecurityFixesGlobalCheck downloads Electron's release list: no network here, and the
    // runtime version is pinned in package.json and electron-builder.yml anyway.
    const run = spawnSync(
      process.execPath,
      ['node_modules/@doyensec/electronegativity/dist/index.js', '-i', 'electron', '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-v', 'false', '-o', report],
      { encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } },
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const sarif = JSON.parse(fs.readFileSync(report, 'utf8'));
    const found = (sarif.runs[0].results as { ruleId: string; locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[]).map((result) => {
      const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
      return `${result.ruleId} ${uri.startsWith('file://') ? '' : uri}`;
    });
    expect(found.filter((key) => !(key in EXPLAINED))).toEqual([]);
    expect(Object.keys(EXPLAINED).filter((key) => !found.includes(key))).toEqual([]);
  });
});
