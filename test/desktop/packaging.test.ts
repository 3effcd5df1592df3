/**
 * Packaging smoke test: electron-builder packs the built app (`--dir`, Linux x64) around a
 * stand-in Electron runtime, as it would around the real one, and the result is inspected:
 * what app.asar holds, what is unpacked, the total size, and the fuses flipped in the binary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import asar from '@electron/asar';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

/** The app (app.asar plus what is unpacked beside it) stays below this; it measured about 7.5 MB. */
const SIZE_BUDGET = 25 * 1024 * 1024;
/** @electron/fuses finds the fuse wire after this marker in the Electron binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges'];

/**
 * What electron-builder copies from an unpacked Electron (-c.electronDist): the `electron`
 * executable (renamed to the app's), licences, locales. The stand-in executable carries a
 * version-1 fuse wire with Electron's defaults, so flipping the fuses can be checked.
 */
function standinRuntime(dir: string): void {
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'resources'));
  const defaults = [1, 0, 1, 1, 0, 0, 0, 1].map((on) => (on ? 0x31 : 0x30));
  const executable = Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron runtime"\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, defaults.length, ...defaults])]);
  fs.writeFileSync(path.join(dir, 'electron'), executable, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  fs.writeFileSync(path.join(dir, 'version'), '41.10.7');
  for (const locale of ['zh-CN', 'en-US']) fs.writeFileSync(path.join(dir, 'locales', `${locale}.pak`), '');
}

function fuseWire(executable: string): Record<string, boolean> {
  const bytes = fs.readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const length = bytes[at + 1];
  return Object.fromEntries(FUSES.slice(0, length).map((name, i) => [name, bytes[at + 2 + i] === 0x31]));
}

function sizeOf(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0);
}

describe('the packaged desktop app (electron-builder --dir with a stand-in runtime)', () => {
  const temp = tempDir('juesuan-pack-');
  const appDir = path.join(temp.dir, 'out', 'linux-unpacked');
  const archive = path.join(appDir, 'resources', 'app.asar');
  let files: string[] = [];

  beforeAll(() => {
    standinRuntime(path.join(temp.dir, 'runtime'));
    // npmRebuild is off here: rebuilding better-sqlite3 for Electron needs Electron's headers from the network.
    const run = spawnSync(
      process.execPath,
      ['node_modules/electron-builder/cli.js', '--dir', '--linux', '--x64', '--config', 'electron-builder.yml', `-c.electronDist=${path.join(temp.dir, 'runtime')}`, '-c.npmRebuild=false', `-c.directories.output=${path.join(temp.dir, 'out')}`],
      { encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_BUILDER_CACHE: path.join(temp.dir, 'cache') } },
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
    files = asar.listPackage(archive, { isPack: false }).map((file) => file.replaceAll('\\', '/').replace(/^\//, ''));
  }, 300_000);
  afterAll(() => temp.cleanup());

  it('holds the main entry, the preload and the renderer', () => {
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString());
    expect(files).toContain(manifest.main);
    expect(manifest.main).toBe('build/electron/main.mjs');
    expect(files).toContain('build/electron/preload.cjs');
    const index = asar.extractFile(archive, 'build/renderer/index.html').toString();
    for (const [, asset] of index.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) expect(files).toContain(`build/renderer/${asset}`);
  });

  it('ships no source maps, tests, sources, build leftovers or Electron itself', () => {
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => /(^|\/)(test|tests|__tests__|deps|src|obj|obj\.target)\//.test(file))).toEqual([]);
    expect(files.filter((file) => /\.(c|cc|cpp|h|hpp|o|a|gyp|gypi|mk|ts)$/.test(file))).toEqual([]);
    expect(files.filter((file) => /(^|\/)node_modules\/(electron|electron-builder|@electron|vitest|exceljs|@e965)(\/|$)/.test(file))).toEqual([]);
    expect(files.some((file) => file.endsWith('test_extension.node'))).toBe(false);
    expect(fs.existsSync(path.join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'electron'))).toBe(false);
  });

  it('holds exactly one copy of each package', () => {
    const packages = files.filter((file) => /node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(file)).map((file) => file.replace(/^.*node_modules\//, '').replace(/\/package\.json$/, ''));
    expect(packages.length).toBeGreaterThan(0);
    expect(packages.filter((name, i) => packages.indexOf(name) !== i)).toEqual([]);
    // resvg's native part is a per-platform package (here @resvg/resvg-js-linux-x64-gnu).
    expect(packages.filter((name) => !/^@resvg\/resvg-js-[a-z0-9-]+$/.test(name)).sort()).toEqual(['@resvg/resvg-js', 'better-sqlite3', 'bindings', 'file-uri-to-path']);
    expect(packages.filter((name) => /^@resvg\/resvg-js-/.test(name))).toHaveLength(1);
  });

  it('keeps better-sqlite3’s native module outside the archive, where it can be loaded', () => {
    const native = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(asar.statFile(archive, native)).toMatchObject({ unpacked: true });
    expect(fs.statSync(path.join(appDir, 'resources', 'app.asar.unpacked', native)).size).toBeGreaterThan(100_000);
  });

  it('keeps the parse worker and better-sqlite3 outside the archive, where a worker thread can start and load them', () => {
    for (const file of ['build/electron/parse-worker.mjs', 'build/electron/validate-worker.mjs', 'node_modules/better-sqlite3/lib/index.js', 'node_modules/bindings/bindings.js']) {
      expect(asar.statFile(archive, file)).toMatchObject({ unpacked: true });
      expect(fs.existsSync(path.join(appDir, 'resources', 'app.asar.unpacked', file))).toBe(true);
    }
    // The worker carries its readers: the package holds no exceljs or xlsx to import.
    const worker = fs.readFileSync(path.join(appDir, 'resources', 'app.asar.unpacked', 'build/electron/parse-worker.mjs'), 'utf8');
    expect(worker).not.toMatch(/from ["'](exceljs|@e965\/xlsx)["']/);
  });

  it('keeps resvg’s native module outside the archive, where it can be loaded', () => {
    const natives = files.filter((file) => /node_modules\/@resvg\/[^/]+\/[^/]+\.node$/.test(file));
    expect(natives).toHaveLength(1);
    expect(asar.statFile(archive, natives[0].replace(/^\//, ''))).toMatchObject({ unpacked: true });
  });

  it('starts from the installed files alone (stand-in electron) and makes, fills, exports, re-reads and reports a year file', () => {
    // What an installed app has on disk: the archive's files with the unpacked ones beside them, nothing from this repository.
    const installed = path.join(temp.dir, 'installed');
    asar.extractAll(archive, installed);
    fs.cpSync(path.join(appDir, 'resources', 'app.asar.unpacked'), installed, { recursive: true });
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/desktop/standin-loader.mjs', 'test/desktop/packaged-main.mts', installed, path.join(temp.dir, 'home')], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const answers = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    for (const step of ['createYear', 'setCells', 'exportWorkbook', 'previewImport', 'exportReport']) expect(answers[step], step).toMatchObject({ ok: true });
    expect(answers.previewImport.cells01).toBeGreaterThan(0);
  });

  it(`stays within ${SIZE_BUDGET / 1024 / 1024} MB`, () => {
    const size = sizeOf(archive) + sizeOf(path.join(appDir, 'resources', 'app.asar.unpacked'));
    console.log(`app.asar + app.asar.unpacked: ${(size / 1024 / 1024).toFixed(1)} MB`);
    expect(size).toBeLessThan(SIZE_BUDGET);
  });

  it('flips the Electron fuses: no run-as-node, NODE_OPTIONS or --inspect; asar only, integrity checked', () => {
    expect(fuseWire(path.join(appDir, 'juesuan'))).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('declares the installers: NSIS per-user in Chinese with a folder choice and portable; deb and AppImage for x64 and arm64; no updates', () => {
    const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as any;
    const targets = (list: { target: string; arch: string[] }[]) => Object.fromEntries(list.map((entry) => [entry.target, entry.arch]));
    expect(targets(config.win.target)).toEqual({ nsis: ['x64', 'ia32'], portable: ['x64', 'ia32'] });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, installerLanguages: ['zh_CN'] });
    expect(targets(config.linux.target)).toEqual({ deb: ['x64', 'arm64'], AppImage: ['x64', 'arm64'] });
    expect(config.npmRebuild).toBe(true);
    expect(config.publish).toBeNull();
    expect(config.fileAssociations[0].ext).toBe('sqlite');
    const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(manifest.author.email).toBeTruthy();
    expect(manifest.homepage).toBeTruthy();
    expect(manifest.license).toBeTruthy();
    expect(manifest.dependencies.electron ?? manifest.optionalDependencies?.electron).toBeUndefined();
    for (const size of [16, 32, 48, 256, 512]) expect(fs.existsSync(`resources/icons/${size}x${size}.png`)).toBe(true);
    expect(fs.readFileSync('resources/icon.ico').readUInt16LE(4)).toBeGreaterThanOrEqual(6); // images in the .ico
  });
});
