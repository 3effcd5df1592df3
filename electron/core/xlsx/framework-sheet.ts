/**
 * A scored framework (附件1.1, 附件2, 大通湖 附件5) as a worksheet in its seed's printed layout, and
 * read back. The printed 自评得分 of a judged item is what counts on import (an edit in Excel takes
 * effect); the data the computed items read, the chosen 专用指标 block and the project code ride in
 * a hidden column. Every problem names file, sheet, row and cell; one refuses the whole import.
 */
import { FRAMEWORK_KINDS, type Framework, type FrameworkItem, type FrameworkKind } from '../../../shared/forms/framework';
import { FormParseError } from '../../../shared/forms/json-read';
import {
  acceptFramework, checkJudgedScore, FRAMEWORK_DEFS, settleFramework, frameworkTemplate, frameworkToJson, itemNotes, levelSpan, type FrameworkDoc, type SettledFramework,
} from '../../../shared/forms/framework-entry';
import { formatPoints, POINT_SCALE } from '../../../shared/forms/decimal';
import { lineCount, placeHeaders, type PlanCell, type Range, type SheetPlan } from './plan';
import { settledFrameworks } from '../frameworks';
import type { YearSession } from '../year-session';
import { shownAt, textOf, type SheetGrid } from './read';
import type { Findings } from './read-table';
import { DRAFT, message, uniqueSheetName } from './text';

export const FRAMEWORK_DATA_MARKER = '决算通·评价指标体系数据(请勿修改)';
const CHUNK = 1000;
const REMARK_WIDTH = 24;

interface Column {
  /** The printed heading; a tick box's is its group then its own name (two header lines). */
  header: readonly string[];
  width: number;
  value(item: FrameworkItem): string | number | null;
  /** A tick-box column: the option it ticks. */
  tick?: string;
}

const TICK = '√';
/** What a clerk may type in a tick box: a tick (√, ✓, ✔, ☑, v, 是) or nothing (empty, 否). */
const TICKED = new Set(['√', '✓', '✔', '☑', 'v', 'V', '是']);
const UNTICKED = new Set(['', '否']);

const weightOf = (points: number | null) => (points === null ? null : points / POINT_SCALE);
const withWeight = (name: string | null, points: number | null) => (name ?? '') + (points === null ? '' : `(${formatPoints(points)}分)`);

/** The printed columns before 自评得分: 附件1.1/附件2 (seed 000, with its tick boxes) and 大通湖 附件5 (seed 001). */
function columnsOf(kind: FrameworkKind): Column[] {
  const { notes, formula } = FRAMEWORK_DEFS[kind].headings;
  const text = (width: number, header: string, value: (item: FrameworkItem) => string | null): Column => ({ header: [header], width, value });
  if (kind === 'DEPT_OVERALL_DTH') {
    return [
      text(10, '一级指标', (item) => item.l1),
      { header: ['分值'], width: 6, value: (item) => weightOf(item.l1_weight) },
      text(12, '二级指标', (item) => item.l2),
      { header: ['分值'], width: 6, value: (item) => weightOf(item.l2_weight) },
      text(18, '三级指标', (item) => item.l3),
      { header: ['分值'], width: 6, value: (item) => weightOf(item.weight) },
      text(40, notes, itemNotes),
      text(34, formula, (item) => item.formula),
    ];
  }
  const ticks = FRAMEWORK_DEFS[kind].ticks.flatMap((group) =>
    group.options.map((option): Column => ({ header: [group.heading, `${option.slice(0, 2)}\n${option.slice(2)}`], width: 5, tick: option, value: (item) => (item.ticks.includes(option) ? TICK : null) })),
  );
  return [
    text(12, '一级指标', (item) => withWeight(item.l1, item.l1_weight)),
    text(14, '二级指标', (item) => withWeight(item.alternative ?? item.l2, item.l2_weight)),
    text(18, '三级指标', (item) => item.l3),
    { header: ['指标分值'], width: 8, value: (item) => (item.is_deduction ? null : weightOf(item.weight)) },
    text(26, notes, itemNotes),
    text(12, '评分方法', (item) => item.method),
    text(40, formula, (item) => item.formula),
    ...ticks,
  ];
}

const firstTickCol = (kind: FrameworkKind) => columnsOf(kind).findIndex((column) => column.tick) + 1;
const isTickHeading = (text: string, kind: FrameworkKind) => FRAMEWORK_DEFS[kind].ticks.some((group) => group.heading === text);

/** Header lines: two where tick boxes sit under their group headings, else one. */
const headerDepth = (kind: FrameworkKind) => (FRAMEWORK_DEFS[kind].ticks.length ? 2 : 1);
const HEADER_TOP = 3;
const firstItemRow = (kind: FrameworkKind) => HEADER_TOP + headerDepth(kind);

/** Sheet names: 附件1.1, 附件2-项目编码, 附件5; drafts marked, clashes numbered, ≤ 31 characters. */
export function frameworkSheetName(doc: FrameworkDoc, draft: boolean, taken: readonly string[]): string {
  const def = FRAMEWORK_DEFS[doc.framework.framework];
  const used = new Set(taken.map((name) => name.toLowerCase()));
  return uniqueSheetName(`${def.attachment}${doc.subject_code ? `-${doc.subject_code}` : ''}`, draft ? `(${DRAFT})` : '', used);
}

export function planFramework(doc: FrameworkDoc, settled: SettledFramework, context: { sheetName: string; unitName: string; subjectName: string | null; draft: boolean }): SheetPlan {
  const fw = settled.framework;
  const columns = columnsOf(fw.framework);
  const scoreCol = columns.length + 1;
  const width = scoreCol + 1;
  const remarkCol = width;
  const cells: PlanCell[] = [];
  const merges: Range[] = [];
  const title = `${fw.title}${context.draft ? `(${DRAFT})` : ''}`;
  cells.push({ row: 1, col: 1, value: title, style: 'title' });
  merges.push({ top: 1, left: 1, bottom: 1, right: width });
  cells.push({ row: 2, col: 1, value: `单位:${context.unitName}${context.subjectName ? `  项目:${doc.subject_code} ${context.subjectName}` : ''}`, style: 'unit' });
  merges.push({ top: 2, left: 1, bottom: 2, right: width });
  const headers = [...columns.map((column) => column.header), [fw.framework === 'DEPT_OVERALL_DTH' ? '得分' : '自评得分'], ['备注']];
  const depth = headerDepth(fw.framework);
  placeHeaders(
    headers.map((header, i) => ({ left: i + 1, right: i + 1, header })),
    HEADER_TOP,
    depth,
    (row, col, value) => cells.push({ row, col, value, style: 'header' }),
    (top, left, bottom, right) => (bottom > top || right > left) && merges.push({ top, left, bottom, right }),
  );
  const first = firstItemRow(fw.framework);
  const heights = new Map<number, number>([[1, 28]]);
  // The tick boxes' names print on two lines ("整体/评价"), as in seed 000.
  if (depth > 1) heights.set(first - 1, 33);
  fw.items.forEach((item, i) => {
    const row = first + i;
    columns.forEach((column, c) => {
      const spans = c === 0 || (fw.framework === 'DEPT_OVERALL_DTH' ? c === 1 : false) ? levelSpan(fw.items, i, 1) : isLevel2Column(fw.framework, c) ? levelSpan(fw.items, i, 2) : 1;
      if (spans === 0) return;
      const value = column.value(item);
      cells.push({ row, col: c + 1, value, style: typeof value === 'number' ? 'number' : column.tick ? 'center' : 'text' });
      if (spans > 1) merges.push({ top: row, left: c + 1, bottom: row + spans - 1, right: c + 1 });
    });
    cells.push({ row, col: scoreCol, value: weightOf(item.self_score), style: 'number' });
    const remark = [settled.items[i].how, settled.items[i].counts ? null : '未选定的评价方向,不计分', item.remark].filter(Boolean).join(';');
    if (remark) cells.push({ row, col: remarkCol, value: remark, style: 'text' });
    // The tallest wrapped text of the row's own cells (一级/二级 span rows and wrap in their height).
    const own = columns.map((column, c) => (c === 0 || isLevel2Column(fw.framework, c) || (fw.framework === 'DEPT_OVERALL_DTH' && c === 1) ? 1 : lineCount(String(column.value(item) ?? ''), column.width)));
    const lines = Math.max(...own, lineCount(remark, REMARK_WIDTH));
    heights.set(row, Math.min(409, 15 * lines + 3));
  });
  const totalRow = first + fw.items.length;
  cells.push({ row: totalRow, col: 1, value: '合计得分', style: 'label' });
  merges.push({ top: totalRow, left: 1, bottom: totalRow, right: columns.length });
  cells.push({ row: totalRow, col: scoreCol, value: settled.total / POINT_SCALE, style: 'number' });
  cells.push({ row: totalRow, col: remarkCol, value: `等级:${settled.grade}`, style: 'text' });

  // The data the sheet does not print, beside it in a hidden column (as the form sheets keep theirs).
  const dataCol = width + 2;
  const data = JSON.stringify({ format: 'juesuan-framework/1', kind: fw.framework, subject_code: doc.subject_code, chosen: fw.chosen, inputs: fw.items.map((item) => item.inputs) }).replace(/_/g, '\\u005f');
  cells.push({ row: 1, col: dataCol, value: FRAMEWORK_DATA_MARKER, style: 'data' });
  for (let i = 0; i * CHUNK < data.length; i++) cells.push({ row: i + 2, col: dataCol, value: data.slice(i * CHUNK, (i + 1) * CHUNK), style: 'data' });
  return {
    name: context.sheetName,
    table: '评价指标体系',
    width,
    cells,
    merges,
    columnWidths: [...columns.map((column) => column.width), 9, REMARK_WIDTH],
    rowHeights: heights,
    header: { first: HEADER_TOP, last: first - 1 },
    grid: { first: HEADER_TOP, last: totalRow },
    orientation: 'landscape',
    // Each framework prints on one page, as the seeds do.
    onePage: true,
    hiddenColumns: [dataCol],
  };
}

function isLevel2Column(kind: FrameworkKind, c: number): boolean {
  return kind === 'DEPT_OVERALL_DTH' ? c === 2 || c === 3 : c === 1;
}

export interface FoundFramework {
  sheet: string;
  kind: FrameworkKind;
  doc: FrameworkDoc;
}

/** undefined: not a framework sheet; null: one that could not be read (reasons in `out.errors`). */
export function readFrameworkSheet(grid: SheetGrid, file: string, fiscalYear: number, out: Findings): FoundFramework | null | undefined {
  const marker = findMarker(grid);
  if (!marker) return undefined;
  const fail = (reason: string, row?: number, col?: number) => {
    out.errors.push(message({ file, sheet: grid.name, row, col }, reason));
    return null;
  };
  const data = decode(marker.chunks);
  if (!data) return fail('隐藏列中的评价指标体系数据已损坏,无法确定是哪一张表;请重新从决算通导出后再填写', 1, marker.col);
  const template = frameworkTemplate(data.kind, fiscalYear);
  if (data.inputs.length !== template.items.length) return fail('隐藏列中的评价指标体系数据与表样不一致;请重新从决算通导出后再填写', 1, marker.col);
  // The hidden column is ours, but Excel lets anyone edit it: its 专用指标 choice and measured data
  // must be ones the framework accepts, or the stored year could not be read back.
  const hidden = checkHiddenData(template, data);
  if (hidden) return fail(`隐藏列中的评价指标体系数据有误:${hidden};请重新从决算通导出后再填写`, 1, marker.col);
  // Sheets exported before the tick boxes existed have one header line and no tick columns: the
  // items keep no ticks then, and the rest reads as before.
  const printsTicks = FRAMEWORK_DEFS[data.kind].ticks.length > 0;
  const legacy = printsTicks && !isTickHeading(textOf(shownAt(grid, HEADER_TOP, firstTickCol(data.kind))).trim(), data.kind);
  const columns = legacy ? columnsOf(data.kind).filter((column) => !column.tick) : columnsOf(data.kind);
  const l3Col = columns.findIndex((column) => column.header[0] === '三级指标') + 1;
  const scoreCol = columns.length + 1;
  const first = legacy ? HEADER_TOP + 1 : firstItemRow(data.kind);
  const errors = out.errors.length;
  // Computed items take their score from the data in the hidden column, not from the printed cell.
  const computed = settleFramework({ ...template, items: template.items.map((item, i) => ({ ...item, inputs: data.inputs[i] })) }, []).items.map((item) => item.computed);
  const items = template.items.map((item, i) => {
    const row = first + i;
    const printed = textOf(shownAt(grid, row, l3Col)).trim();
    if (printed !== item.l3) fail(`此处应为三级指标“${item.l3}”,却是“${printed}”;指标不能增删、移动或改名`, row, l3Col);
    const ticks = readTicks(columns, (col) => textOf(shownAt(grid, row, col)).trim(), (reason, col) => fail(`${item.l3}:${reason}`, row, col));
    const cell = shownAt(grid, row, scoreCol);
    let self_score = null;
    if (computed[i]) return { ...item, self_score, inputs: data.inputs[i], ticks };
    if (cell && cell.kind !== 'number' && cell.kind !== 'text') fail(cell.kind === 'formula' ? '是公式,但文件中没有保存计算结果' : `“${textOf(cell)}”不是有效分值`, row, scoreCol);
    else {
      const checked = checkJudgedScore(item, textOf(cell).trim());
      if ('error' in checked) fail(`${item.l3}:${checked.error}`, row, scoreCol);
      else self_score = checked.value;
    }
    return { ...item, self_score, inputs: data.inputs[i], ticks };
  });
  if (out.errors.length > errors) return null;
  const framework = frameworkToJson({ ...template, items, chosen: data.chosen });
  return { sheet: grid.name, kind: data.kind, doc: { subject_code: data.subject_code, framework } };
}

/** Why the framework refuses the hidden column's choice and data, or null when it takes them. */
function checkHiddenData(template: Framework, data: FrameworkData): string | null {
  const items = template.items.map((item, i) => ({ ...item, inputs: data.inputs[i] }));
  try {
    acceptFramework(frameworkToJson({ ...template, items, chosen: data.chosen }), []);
    return null;
  } catch (error) {
    if (error instanceof RangeError || error instanceof FormParseError) return error.message;
    throw error;
  }
}

/** The options ticked in one item row; a box holding anything but a tick or nothing is refused. */
function readTicks(columns: readonly Column[], textAt: (col: number) => string, fail: (reason: string, col: number) => void): string[] {
  const ticks: string[] = [];
  columns.forEach((column, c) => {
    if (!column.tick) return;
    const text = textAt(c + 1);
    if (TICKED.has(text)) ticks.push(column.tick);
    else if (!UNTICKED.has(text)) fail(`“${column.header[0]}·${column.tick}”栏应打“√”或留空,却是“${text}”`, c + 1);
  });
  return ticks;
}

function findMarker(grid: SheetGrid): { col: number; chunks: string[] } | undefined {
  for (const [r, row] of grid.rows.entries()) {
    const c = row?.findIndex((cell) => textOf(cell) === FRAMEWORK_DATA_MARKER) ?? -1;
    if (c < 0) continue;
    const chunks: string[] = [];
    for (let below = r + 1; grid.rows[below]?.[c]?.kind === 'text'; below++) chunks.push(textOf(grid.rows[below][c]));
    return { col: c + 1, chunks };
  }
  return undefined;
}

interface FrameworkData {
  kind: FrameworkKind;
  subject_code: string;
  chosen: Record<string, string>;
  inputs: Record<string, string>[];
}

function decode(chunks: string[]): FrameworkData | null {
  try {
    const data = JSON.parse(chunks.join('')) as Partial<FrameworkData> & { format?: unknown };
    const strings = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
    if (data.format !== 'juesuan-framework/1' || !(FRAMEWORK_KINDS as readonly unknown[]).includes(data.kind) || typeof data.subject_code !== 'string') return null;
    if (!strings(data.chosen) || !Array.isArray(data.inputs) || !data.inputs.every(strings)) return null;
    return data as FrameworkData;
  } catch {
    return null;
  }
}

/** A sheet per stored framework for the year's workbook (framework-sheet.ts). */
export function frameworkSheets(session: YearSession, draft: boolean, taken: string[]): SheetPlan[] {
  const names = new Map(session.forms().map((form) => [form.subject_code ?? '', form.subject_name]));
  return settledFrameworks(session).map(({ doc, settled }) => {
    const sheetName = frameworkSheetName(doc, draft, taken);
    taken.push(sheetName);
    const subjectName = doc.subject_code ? (names.get(doc.subject_code) ?? '') : null;
    return planFramework(doc, settled, { sheetName, unitName: session.info.unitName, subjectName, draft });
  });
}
