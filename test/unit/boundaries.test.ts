import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*from\s+'([^']+)'/g)].map((m) => m[1]);

describe('module boundaries', () => {
  it('shared/ imports neither Node, Electron nor the DOM', () => {
    for (const file of sourceFiles('shared')) {
      const text = fs.readFileSync(file, 'utf8');
      for (const spec of importsOf(file)) expect(spec, `${file} imports ${spec}`).toMatch(/^\.{1,2}\//);
      expect(text, file).not.toMatch(/\b(window|document|localStorage)\.[a-z]|\bprocess\.(env|argv|exit|cwd)/);
    }
  });

  it('the renderer never imports electron or node:*, and reaches the core only through api.ts', () => {
    for (const file of sourceFiles('renderer/src')) {
      for (const spec of importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(electron|node:|better-sqlite3|exceljs|fs|path)/);
        expect(spec, `${file} imports ${spec}`).not.toMatch(/electron\//);
      }
    }
  });

  it('only the entry, preload, security and the desktop PDF printer import electron', () => {
    const importers = sourceFiles('electron').filter((file) => importsOf(file).includes('electron'));
    expect(importers.map((file) => path.basename(file)).sort()).toEqual(['main.ts', 'pdf-printer.ts', 'preload.ts', 'security.ts']);
  });
});
