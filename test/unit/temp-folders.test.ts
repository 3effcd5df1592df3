import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempFolder, removeStaleTemp } from '../../electron/core/temp-folders';
import { tempDir } from '../helpers/temp';

describe('temporary folders of killed runs', () => {
  const root = tempDir('juesuan-temp-root-');
  afterAll(() => root.cleanup());

  it('are removed at the next start, the desktop PDF printer’s too; a live run’s stay', () => {
    // No process has a number this high on Linux or Windows.
    const dead = 2 ** 31 - 2;
    for (const kind of ['import', 'validate', 'pdf']) {
      fs.mkdirSync(path.join(root.dir, `juesuan-${kind}-${dead}-abc`));
      fs.mkdirSync(path.join(root.dir, `juesuan-${kind}-${process.pid}-abc`));
    }
    removeStaleTemp(root.dir);
    expect(fs.readdirSync(root.dir).sort()).toEqual(['import', 'pdf', 'validate'].map((kind) => `juesuan-${kind}-${process.pid}-abc`));
  });

  it('the PDF printer’s folder is named for its process', () => {
    const folder = makeTempFolder('pdf');
    expect(path.basename(folder)).toMatch(new RegExp(`^juesuan-pdf-${process.pid}-`));
    fs.rmSync(folder, { recursive: true });
  });
});
