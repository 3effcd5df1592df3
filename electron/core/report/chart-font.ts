/**
 * The Chinese font the chart pictures are drawn with, as resvg-js font options. The font is read
 * once per process; resvg gets a small copy holding only the characters of the charts at hand
 * (font-subset.ts says why), grown when a chart brings a character the copy lacks. resvg opens the
 * font file on its worker thread when a drawing starts there, so a copy that another export's new
 * characters replaced is removed only once the last drawing begun with it has finished.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFace, subsetFont } from './font-subset';

/** Chinese fonts where Windows, macOS and Debian keep them; the first one found is used. */
const CJK_FONTS = [
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
  '/System/Library/Fonts/PingFang.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
];

export type FontOptions = { fontFiles: string[]; loadSystemFonts: false } | { loadSystemFonts: true };

let source: { file: string; face: ReturnType<typeof readFace> } | null | undefined;
interface FontCopy {
  file: string;
  covered: Set<number>;
  /** Drawings under way with this copy. */
  users: number;
}

let copy: FontCopy | undefined;
/** Replaced copies some drawing still uses. */
const replaced = new Set<FontCopy>();
let copies = 0;

/** Every character of the SVGs (markup included: a few Latin glyphs more cost nothing), numeric references decoded. */
function characters(svgs: string[]): Set<number> {
  const found = new Set<number>();
  for (const svg of svgs) {
    for (const char of svg) found.add(char.codePointAt(0)!);
    for (const [, hex, digits] of svg.matchAll(/&#(x?)([0-9a-f]+);/gi)) found.add(parseInt(digits, hex ? 16 : 10));
  }
  return found;
}

function removeCopies(): void {
  for (const each of [copy, ...replaced]) if (each) fs.rmSync(each.file, { force: true });
}

function release(used: FontCopy): void {
  used.users--;
  if (used === copy || used.users > 0) return;
  replaced.delete(used);
  fs.rmSync(used.file, { force: true });
}

const COPY_NAME = /^juesuan-chart-font-(\d+)-\d+\.ttf$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Copies left by processes that ended without their exit handler (killed, crashed) are removed by the next one. */
function removeLeftCopies(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const pid = COPY_NAME.exec(name)?.[1];
    if (pid && !alive(Number(pid))) fs.rmSync(path.join(os.tmpdir(), name), { force: true });
  }
}

function fontSource(): typeof source {
  if (source === undefined) {
    const file = CJK_FONTS.find((candidate) => fs.existsSync(candidate));
    source = file ? { file, face: readFace(fs.readFileSync(file)) } : null;
    if (source?.face) process.once('exit', removeCopies);
  }
  return source;
}

/** The Chinese font file the charts are drawn with, if the machine has one of ours. */
export const chartFontFile = (): string | undefined => fontSource()?.file;

/**
 * Runs `draw` with the font options for drawing `svgs`: the small copy when the font allows one,
 * else the font file itself, else the system's fonts. The copy stays on disk until `draw` settles.
 */
export async function withChartFont<T>(svgs: string[], draw: (font: FontOptions) => T | Promise<T>): Promise<T> {
  const source = fontSource();
  if (!source) return draw({ loadSystemFonts: true });
  if (!source.face) return draw({ fontFiles: [source.file], loadSystemFonts: false });
  const needed = characters(svgs);
  if (!copy || [...needed].some((char) => !copy!.covered.has(char))) {
    if (!copy) removeLeftCopies();
    const covered = new Set([...(copy?.covered ?? []), ...needed]);
    const file = path.join(os.tmpdir(), `juesuan-chart-font-${process.pid}-${++copies}.ttf`);
    try {
      fs.writeFileSync(file, subsetFont(source.face, covered));
    } catch {
      // A full temporary folder (the system drive) costs speed, not the document: draw with the font file itself.
      fs.rmSync(file, { force: true });
      return draw({ fontFiles: [source.file], loadSystemFonts: false });
    }
    const previous = copy;
    copy = { file, covered, users: 0 };
    if (previous?.users) replaced.add(previous);
    else if (previous) fs.rmSync(previous.file, { force: true });
  }
  const used = copy;
  used.users++;
  try {
    return await draw({ fontFiles: [used.file], loadSystemFonts: false });
  } finally {
    release(used);
  }
}
