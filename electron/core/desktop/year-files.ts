import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError, type YearSnapshot } from '../../../shared/contract';
import { inDataDir } from '../core';

/**
 * Year files keep the `.sqlite` extension they have always had (the data folder, the CLI, 审核 of
 * a folder and files mailed between units all use it); double-click opens them through a file
 * association for `.sqlite` (electron-builder.yml). A dedicated extension would make every
 * existing year file and every file received from another unit need renaming first.
 */
export const YEAR_FILE_EXTENSION = 'sqlite';

/** A year file the clerk pointed at (open dialog, drop, double-click): its full path, or why not. */
export function checkChosenYearFile(candidate: unknown): { path: string } | { refused: string } {
  if (typeof candidate !== 'string' || !candidate || candidate.length > 1000 || !path.isAbsolute(candidate)) return { refused: '未选择文件' };
  const full = path.resolve(candidate);
  if (path.extname(full).toLowerCase() !== `.${YEAR_FILE_EXTENSION}`) return { refused: `“${path.basename(full)}”不是决算通年度文件(年度文件以 .${YEAR_FILE_EXTENSION} 结尾)` };
  try {
    if (!fs.statSync(full).isFile()) return { refused: `“${path.basename(full)}”不是文件` };
  } catch {
    return { refused: `找不到文件:${full}(如在 U 盘或网络文件夹中,请先插入或连接)` };
  }
  return { path: full };
}

/**
 * The first year file named on a command line (a double-click, a second launch), resolved against
 * its folder. Linux file managers pass `file://` URLs (the .desktop entry's %U), Windows plain paths.
 */
export function yearFileInArgs(argv: readonly string[], workingDirectory: string): string | null {
  for (const arg of argv.slice(1)) {
    let candidate: string;
    try {
      candidate = arg.startsWith('file://') ? fileURLToPath(arg) : arg;
    } catch {
      continue;
    }
    if (candidate.startsWith('-') || path.extname(candidate).toLowerCase() !== `.${YEAR_FILE_EXTENSION}`) continue;
    const checked = checkChosenYearFile(path.resolve(workingDirectory, candidate));
    if ('path' in checked) return checked.path;
  }
  return null;
}

const isYearFile = (file: string) => path.extname(file).toLowerCase() === `.${YEAR_FILE_EXTENSION}`;

/**
 * Which files the desktop window may name: plain names inside the data folder, plus the full
 * paths of files the clerk chose himself and of the unit files a 汇总 he opened sends him to.
 * A 汇总's re-汇总 also reads the unit files its record names (resolveUnit). The renderer cannot
 * reach any other path on the disk.
 */
export function desktopYearFiles(dataDir: () => string) {
  const chosen = new Set<string>();
  /** Unit files named by the record of a 汇总 re-汇总ed: read as units, never opened for editing. */
  const recorded = new Set<string>();
  const refused = (file: string) => new ApiError('refused', `请通过“文件 › 打开…”选择年度文件:${file}`);
  return {
    choose(fullPath: string): void {
      chosen.add(path.resolve(fullPath));
    },
    /**
     * A 汇总 made by the CLI records its unit files by full path, anywhere on the disk: those its
     * errors point at (the 审核 panel's 打开 ‹单位›) open in place, like a file chosen in 打开….
     */
    chooseUnitsOf(snapshot: Pick<YearSnapshot, 'unitFixes'>): void {
      for (const fixIn of Object.values(snapshot.unitFixes ?? {})) {
        for (const { file } of fixIn.units) if (path.isAbsolute(file) && isYearFile(file)) chosen.add(path.resolve(file));
      }
    },
    resolve(file: string): string {
      if (!path.isAbsolute(file)) return inDataDir(dataDir())(file);
      const full = path.resolve(file);
      if (!chosen.has(full)) throw refused(file);
      return full;
    },
    /**
     * A unit file read for a 汇总: as `resolve`, and the full paths the record of a 汇总 the clerk
     * may open names (`recordedIn`, given by the core's consolidationRecord only), from then on
     * for that re-汇总's check and 汇总 too.
     */
    resolveUnit(file: string, recordedIn?: string): string {
      if (!path.isAbsolute(file)) return inDataDir(dataDir())(file);
      const full = path.resolve(file);
      if (recordedIn && isYearFile(full)) recorded.add(full);
      if (!chosen.has(full) && !recorded.has(full)) throw refused(file);
      return full;
    },
  };
}
