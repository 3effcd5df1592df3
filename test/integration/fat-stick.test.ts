/**
 * A USB stick formatted FAT (most are, or exFAT): no hard links, so the link that puts a new year
 * file in place (never over another) is refused with EPERM. A real FAT file system (fusefat over an
 * image made by mkfs.vfat; skipped where FUSE or the tools are missing) shows new files still arrive
 * whole under their name, and never over an existing one.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeBuilt } from '../../electron/core/year-file-place';
import { tempDir } from '../helpers/temp';

describe('new files on a FAT-formatted USB stick', () => {
  const temp = tempDir('juesuan-fat-');
  const stick = path.join(temp.dir, 'stick');
  let unavailable = '';
  beforeAll(() => {
    const image = path.join(temp.dir, 'fat.img');
    try {
      fs.writeFileSync(image, Buffer.alloc(0));
      fs.truncateSync(image, 16 * 1024 * 1024);
      execFileSync('mkfs.vfat', [image], { stdio: 'pipe' });
      fs.mkdirSync(stick);
      execFileSync('fusefat', ['-o', 'rw+', image, stick], { stdio: 'pipe' });
    } catch (error) {
      unavailable = `无法挂载 FAT 文件系统(需 dosfstools、fusefat 与 /dev/fuse):${String((error as Error).message).slice(0, 80)}`;
    }
  });
  afterAll(() => {
    if (!unavailable) execFileSync('fusermount', ['-u', stick]);
    temp.cleanup();
  });

  it('gets the finished file under its name although FAT has no hard links, and never over an existing one', (context) => {
    if (unavailable) return context.skip(unavailable);
    const target = path.join(stick, '2024.sqlite');
    const building = path.join(stick, '.2024.sqlite.building-1');
    fs.writeFileSync(building, 'the whole new year');
    expect(() => fs.linkSync(building, path.join(stick, 'probe'))).toThrow(/EPERM/);
    placeBuilt(building, target);
    expect(fs.readFileSync(target, 'utf8')).toBe('the whole new year');
    expect(fs.existsSync(building)).toBe(false);

    fs.writeFileSync(building, 'another build');
    expect(() => placeBuilt(building, target)).toThrow(`文件已存在:${target}`);
    expect(fs.readFileSync(target, 'utf8')).toBe('the whole new year');
    expect(fs.readdirSync(stick)).toEqual(['2024.sqlite']);
  });
});
