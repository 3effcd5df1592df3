/**
 * A real small disk for fault tests: a tmpfs of a few MB mounted for the test (needs root and a
 * kernel that allows it), which can be filled to the last byte and remounted read-only. Where that
 * is impossible, `available` is false and says why, and the caller falls back (a file-size limit via
 * `ulimit -f` stands in for a full disk; chmod for a read-only folder when not root).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp';

export interface SmallDisk {
  dir: string;
  /** Takes every free byte with a filler file. */
  fill(): void;
  /** Frees the filler again. */
  unfill(): void;
  readOnly(on: boolean): void;
  cleanup(): void;
}

export function smallDisk(megabytes: number): SmallDisk | { unavailable: string } {
  const temp = tempDir('juesuan-disk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', temp.dir], { stdio: 'pipe' });
  } catch (error) {
    temp.cleanup();
    return { unavailable: `无法挂载 tmpfs(${String((error as { stderr?: Buffer }).stderr ?? error).trim().slice(0, 80)})` };
  }
  const filler = path.join(temp.dir, 'filler.bin');
  return {
    dir: temp.dir,
    fill() {
      const fd = fs.openSync(filler, 'a');
      try {
        const chunk = Buffer.alloc(64 * 1024, 1);
        // Large chunks first, then byte by byte: the disk ends truly full.
        for (const size of [chunk.length, 4096, 1]) {
          for (;;) {
            try {
              fs.writeSync(fd, chunk, 0, size);
            } catch {
              break;
            }
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    unfill: () => fs.rmSync(filler, { force: true }),
    readOnly: (on) => execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, temp.dir]),
    cleanup() {
      try {
        execFileSync('umount', ['-l', temp.dir]);
      } finally {
        temp.cleanup();
      }
    },
  };
}
