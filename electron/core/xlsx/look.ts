/**
 * How an exported sheet looks, independent of the file format: fonts, alignment, number formats,
 * shading and page setup. write-xlsx.ts (SpreadsheetML) and write-xls.ts (BIFF8) both render this one
 * table, so the legacy .xls prints like the .xlsx.
 */
import type { SheetLogic } from './formulas';
import type { CellStyle } from './plan';

/**
 * 宋体 with the GB2312 character set, as the official templates have it. Windows Excel/WPS use
 * SimSun; where it is absent (Kylin, UOS, this Debian) WPS and LibreOffice pick their Chinese
 * fallback for charset 134 — Noto Serif/Sans CJK SC on Kylin/UOS, WenQuanYi Micro Hei here — so the
 * installer need not ship 宋体 (a licensed font) or any other font. Fit-to-page scaling keeps the
 * page count the same whatever the fallback's widths.
 */
export const FONT = { name: '宋体', charset: 134 } as const;

/** Published tables print 2 decimals; the cell keeps the full stored precision (710.8078). */
export const AMOUNT_FORMAT = '#,##0.00';
export const TEXT_FORMAT = '@';

export interface Look {
  size: number;
  bold?: boolean;
  /** RGB hex, e.g. 'C00000'. */
  color?: string;
  horizontal: 'left' | 'center' | 'right';
  vertical: 'top' | 'middle';
  wrap?: boolean;
  numFmt?: string;
}

export const LOOKS: Record<CellStyle, Look> = {
  draft: { size: 14, bold: true, color: 'C00000', horizontal: 'center', vertical: 'middle' },
  label: { size: 10, horizontal: 'right', vertical: 'middle' },
  // Wraps: a narrow table (云南 表十, 内蒙古 表十二) can have a title wider than all its columns.
  title: { size: 16, bold: true, horizontal: 'center', vertical: 'middle', wrap: true },
  unit: { size: 10, horizontal: 'left', vertical: 'middle' },
  amountUnit: { size: 10, horizontal: 'right', vertical: 'middle' },
  header: { size: 10, bold: true, horizontal: 'center', vertical: 'middle', wrap: true },
  colno: { size: 10, horizontal: 'center', vertical: 'middle' },
  text: { size: 10, horizontal: 'left', vertical: 'middle', wrap: true },
  center: { size: 10, horizontal: 'center', vertical: 'middle' },
  code: { size: 10, horizontal: 'left', vertical: 'middle', numFmt: TEXT_FORMAT },
  amount: { size: 10, horizontal: 'right', vertical: 'middle', numFmt: AMOUNT_FORMAT },
  note: { size: 10, horizontal: 'left', vertical: 'top', wrap: true },
  number: { size: 10, horizontal: 'right', vertical: 'middle' },
  data: { size: 8, color: '808080', horizontal: 'left', vertical: 'top' },
};

/** Body cells of the grid without a plan cell (empty amounts, merged parts): bordered, default font. */
export const GRID_LOOK: Look = { size: 10, horizontal: 'left', vertical: 'middle' };

/** Shading of computed and linked cells, the app's 灰底 / 绿底 (a little deeper so it survives printing). */
export const SHADE = { computed: 'E7ECF3', linked: 'E2F0E2' } as const;

/** Page setup shared by both formats: A4, margins in inches, the footer counting only printed (table) pages. */
export const PAGE = {
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  footer: '&C第 &P 页,共 &N 页',
  draftHeader: `&C&"${FONT.name},加粗"&16&KC00000草稿`,
} as const;

/** What both writers take besides the sheet plans. */
export interface WriteOptions {
  draft: boolean;
  creator: string;
  /** Roles and formulas of the annex tables' amount cells, by sheet and cell index (formulas.ts); absent = plain numbers, no shading. */
  logic?: SheetLogic;
  /** Lock every cell but the input amounts (no password: 审阅 → 撤消工作表保护 lifts it). */
  protect?: boolean;
  /** Document properties: the title and the keywords that carry the unit code (unit-code.ts). */
  properties?: { title: string; keywords: string };
}
