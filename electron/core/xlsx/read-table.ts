/**
 * Reads one located table block: finds its header rows and 栏次 line, maps the printed layout's
 * columns (the same `printedLayout` the grid and the exporter use) onto sheet columns, then reads
 * each body line's rows by 行次, 科目代码 or 经济分类代码 — or by label when the key column is missing.
 */
import { catalogFor } from '../../../shared/catalog';
import type { Amount } from '../../../shared/money';
import { TOTAL, cellKey, codeLevel, describeCell, printedLayout, type CellRule, type FixedRowDef, type LayoutColumn } from '../../../shared/tables';
import { cellAmount } from './cell-amount';
import { gridWidth, rowTexts, type Block } from './locate';
import { shownAt, textOf } from './read';
import { bare, columnLetter, message, norm } from './text';

/** The inputs and printed values of one table as the workbook has them. */
export interface Extracted {
  table: string;
  sheet: string;
  /** Input cells by cellKey; null = printed empty. */
  inputs: Map<string, Amount | null>;
  /** 项 codes of a functional table → name as printed and the sheet row. */
  codes: Map<string, { name: string; row: number }>;
  /** Computed and linked cells as printed (kept for comparison and as last year's published values). */
  printed: Map<string, Amount>;
}

export interface Unrecognised {
  sheet: string;
  row: number;
  cell: string;
  reason: string;
}

export interface Findings {
  errors: string[];
  warnings: string[];
  unrecognised: Unrecognised[];
}

export interface BlockInfo {
  unitName?: string;
  fiscalYear?: number;
}

const KEY_NAMES: Record<Exclude<LayoutColumn['kind'], 'value'>, string[]> = {
  label: ['项目', '项目名称', '科目名称', '科目'],
  rowno: ['行次', '行号'],
  code: ['科目代码', '代码', '科目编码', '编码', '科目编号', '功能分类科目代码', '经济分类科目代码'],
  name: ['科目名称', '名称', '项目名称', '项目', '科目'],
};
const TOTAL_NAMES = new Set(['合计', '总计']);
const isInt = (text: string) => /^\d+$/.test(text);

export function readTable(block: Block, file: string, fiscalYear: number, out: Findings): { table: Extracted; info: BlockInfo } | null {
  const { grid, def, start, end } = block;
  const sheet = grid.name;
  const width = gridWidth(grid, start, end);
  const layout = printedLayout(def, []);
  const fail = (row: number, col: number | undefined, reason: string) => out.errors.push(message({ file, sheet, row, col }, reason));
  const skip = (row: number, col: number, reason: string) => out.unrecognised.push({ sheet, row, cell: `${columnLetter(col)}${row}`, reason });
  const warn = (reason: string) => out.warnings.push(message({ file, sheet }, reason));
  if (block.conflict) warn(block.conflict);

  // Preamble: unit line, amount unit, year; then the header block and the 栏次 line.
  const info: BlockInfo = {};
  let yuan = false;
  const headerWords = new Set([...layout.columns.flatMap((column) => column.header.map(norm)), ...Object.values(KEY_NAMES).flat(), '栏次']);
  let headerStart = 0;
  for (let r = start; r < Math.min(end, start + 15) && !headerStart; r++) {
    const texts = rowTexts(grid, r, width);
    for (const text of texts) {
      const unit = /^(?:部门|单位|编制单位|单位名称|填报单位)[:](.+)$/.exec(text);
      if (unit && !/^金额/.test(text)) info.unitName = unit[1].replace(/金额单位.*$/, '');
      const amountUnit = /金额单位[:]?(.+)$/.exec(text);
      if (amountUnit) {
        if (amountUnit[1] === '元') yuan = true;
        else if (amountUnit[1] !== '万元') fail(r, undefined, `不支持的金额单位“${amountUnit[1]}”,请换算为万元后再导入`);
      }
      const year = /(20\d\d)年/.exec(text);
      if (year && !info.fiscalYear) info.fiscalYear = Number(year[1]);
    }
    if (texts.some((text) => headerWords.has(text))) headerStart = r;
  }
  if (!headerStart) {
    fail(start, undefined, `找到了${def.id}的表号或表名,但找不到表头(如“项目”“行次”“科目代码”),无法识别此表`);
    return null;
  }
  if (yuan) warn('金额单位为元,已换算为万元');
  const ownInt = (r: number, c: number) => {
    const text = norm(textOf(grid.rows[r - 1]?.[c - 1]));
    return isInt(text) ? Number(text) : undefined;
  };
  let colNoRow = 0;
  for (let r = headerStart; r < Math.min(end, headerStart + 8) && !colNoRow; r++) {
    const texts = rowTexts(grid, r, width);
    const numbers = texts.map((_, c) => ownInt(r, c + 1)).filter((n): n is number => n !== undefined);
    const othersBlank = texts.every((text, c) => !text || text === '栏次' || ownInt(r, c + 1) !== undefined);
    if (texts.includes('栏次') || (othersBlank && numbers.length >= 2 && numbers.every((n, i) => n === i + 1))) colNoRow = r;
  }
  let bodyStart = colNoRow + 1;
  if (!colNoRow) {
    bodyStart = headerStart;
    const numeric = (r: number) => (grid.rows[r - 1] ?? []).some((cell) => cell?.kind === 'number' || /^[\d.,]+$/.test(norm(textOf(cell))));
    while (bodyStart < end && rowTexts(grid, bodyStart, width).some((text) => headerWords.has(text)) && !numeric(bodyStart)) bodyStart++;
  }
  const headerEnd = colNoRow || bodyStart;
  const paths = Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (let r = headerStart; r < headerEnd; r++) {
      const text = norm(textOf(shownAt(grid, r, c + 1)));
      if (text && parts[parts.length - 1] !== text) parts.push(text);
    }
    return parts;
  });

  // Value columns first, in order, by 栏次 number where printed, else by header text; key columns then lie between sides.
  const mapped = new Map<string, number>();
  let cursor = 1;
  for (const column of layout.columns.filter((c) => c.kind === 'value')) {
    const leaf = norm(column.header[column.header.length - 1]);
    for (let c = cursor; c <= width; c++) {
      const number = colNoRow ? ownInt(colNoRow, c) : undefined;
      const fits = number !== undefined && isInt(column.col!) ? number === Number(column.col) : paths[c - 1].includes(leaf);
      if (fits) {
        mapped.set(column.id, c);
        cursor = c + 1;
        break;
      }
    }
  }
  const sides = Math.max(...layout.columns.map((column) => column.side)) + 1;
  for (let side = 0, from = 1; side < sides; side++) {
    const values = layout.columns.filter((c) => c.side === side && c.kind === 'value').map((c) => mapped.get(c.id)).filter((c): c is number => c !== undefined);
    const until = values.length ? Math.min(...values) : width + 1;
    for (const column of layout.columns.filter((c) => c.side === side && c.kind !== 'value')) {
      const names = KEY_NAMES[column.kind as keyof typeof KEY_NAMES];
      for (let c = from; c < until; c++) {
        const leaf = paths[c - 1][paths[c - 1].length - 1] ?? '';
        if (![...mapped.values()].includes(c) && (names.includes(leaf) || leaf === norm(column.header[column.header.length - 1]))) {
          mapped.set(column.id, c);
          from = c + 1;
          break;
        }
      }
    }
    if (values.length) from = Math.max(...values) + 1;
  }
  const missing = layout.columns.filter((column) => column.kind === 'value' && !mapped.has(column.id));
  if (missing.length === layout.columns.filter((column) => column.kind === 'value').length) {
    fail(headerStart, undefined, `无法识别${def.id}的表头:没有找到任何金额栏(栏次或列名)`);
    return null;
  }
  for (const column of missing) fail(headerStart, undefined, `找不到${def.id}“${column.header.join('/')}”(第 ${column.col} 栏)所在的列`);
  for (let side = 0; side < sides; side++) {
    const keys = layout.columns.filter((c) => c.side === side && c.kind !== 'value');
    if (keys.length && !keys.some((c) => mapped.has(c.id))) fail(headerStart, undefined, `找不到${def.id}第 ${side + 1} 组的行次、项目或科目代码列`);
  }
  if (out.errors.length) return null;

  // Body lines.
  const table: Extracted = { table: def.id, sheet, inputs: new Map(), codes: new Map(), printed: new Map() };
  const rowsByKey = new Map<string, FixedRowDef>(def.kind === 'fixed' ? def.rows.map((row) => [row.key, row]) : []);
  const footers = new Map((layout.footer?.spans ?? []).map((span) => [norm(rowsByKey.get(span.row)?.label ?? span.row), span]));
  const catalog = catalogFor(fiscalYear);
  const seen = new Map<string, number>();
  let parentClass = '';
  let parentSection = '';
  let formulas = 0;
  let rounded = 0;
  const colOf = (side: number, kind: LayoutColumn['kind']) => {
    const column = layout.columns.find((c) => c.side === side && c.kind === kind);
    return column ? mapped.get(column.id) : undefined;
  };
  const ruleOf = (key: string, col: string): CellRule | undefined => {
    if (def.kind === 'functional') return key !== TOTAL && codeLevel(key) === 3 ? def.leaf[col] : { role: 'computed', formula: 'Σ', terms: [] };
    const row = rowsByKey.get(key);
    return row && !row.blank ? row.cells[col] : undefined;
  };
  const labelKey = (side: number, text: string): string | undefined => {
    const keys = def.kind === 'fixed' ? def.sides[side].rows.filter((key): key is string => key !== null) : [];
    const exact = keys.filter((key) => norm(rowsByKey.get(key)!.label) === text);
    if (exact.length === 1) return exact[0];
    const loose = keys.filter((key) => rowsByKey.get(key)!.label && bare(rowsByKey.get(key)!.label) === bare(text));
    return loose.length === 1 ? loose[0] : undefined;
  };
  const codeByName = (text: string): string | undefined => {
    const named = catalog.functionCodes.filter((entry) => norm(entry.name) === text);
    for (const scope of [parentSection, parentClass, '']) {
      const found = named.filter((entry) => scope === '' ? entry.level === '类' : entry.code.startsWith(scope) && entry.code.length === scope.length + 2);
      if (found.length === 1) return found[0].code;
    }
    return undefined;
  };

  for (let r = bodyStart; r < end; r++) {
    const texts = rowTexts(grid, r, width);
    const first = texts.find(Boolean);
    if (first === undefined) continue;
    if (first.startsWith('注') || (def.emptyText && first === norm(def.emptyText))) break;
    const used = new Set<number>();
    for (let side = 0; side < sides; side++) {
      const valueCols = layout.columns.filter((c) => c.side === side && c.kind === 'value' && mapped.has(c.id));
      const hasValues = valueCols.some((c) => {
        const amount = cellAmount(grid.rows[r - 1]?.[mapped.get(c.id)! - 1]);
        return !amount.ok || amount.value !== null;
      });
      const code = colOf(side, 'code') ? texts[colOf(side, 'code')! - 1] : '';
      const name = colOf(side, 'name') ? texts[colOf(side, 'name')! - 1] : '';
      const label = colOf(side, 'label') ? texts[colOf(side, 'label')! - 1] : '';
      const rowNo = colOf(side, 'rowno') ? texts[colOf(side, 'rowno')! - 1] : '';
      const keyCol = colOf(side, 'code') ?? colOf(side, 'rowno') ?? colOf(side, 'label') ?? colOf(side, 'name') ?? valueCols.map((c) => mapped.get(c.id)!)[0];
      let key: string | undefined;
      let reason = '';
      const footer = footers.get(code || label || name);
      if (footer && footer.side === side) {
        // The totals line: label over `span` groups, value in the last one's value column.
        const valueColumn = layout.columns.find((c) => c.side === side + footer.span - 1 && c.kind === 'value')!;
        readCell(r, footer.row, valueColumn.col!, mapped.get(valueColumn.id), '');
        side += footer.span - 1;
        continue;
      }
      if (def.kind === 'functional') {
        if (TOTAL_NAMES.has(code) || (!code && TOTAL_NAMES.has(name))) key = TOTAL;
        else if (isInt(code)) {
          if (codeLevel(code) === null) reason = `科目代码“${code}”位数不对(应为 3、5 或 7 位)`;
          else key = code;
        } else if (name) {
          key = codeByName(name);
          if (!key) reason = `无法根据科目名称“${name}”确定科目代码,请填写科目代码`;
        }
        if (key && key !== TOTAL) {
          parentClass = key.slice(0, 3);
          if (key.length >= 5) parentSection = key.slice(0, 5);
        }
      } else if (def.sides[side].keyColumns === 'none') {
        if (hasValues) key = def.sides[side].rows.find((k): k is string => k !== null);
      } else if (isInt(rowNo)) {
        key = String(Number(rowNo));
        const title = def.sides[side].title?.replace(/\s/g, '');
        if (!def.sides[side].rows.includes(key)) reason = `行次 ${key} 不在此栏${title ? `(${title})` : ''}中`;
      } else if (isInt(code)) {
        key = code;
        if (!rowsByKey.has(code)) reason = `经济分类科目代码“${code}”不在${def.id}中`;
      } else if (label || name) {
        key = labelKey(side, label || name);
        if (!key) reason = `无法识别的项目“${label || name}”`;
      }
      if (reason || (!key && hasValues)) {
        skip(r, keyCol, reason || '此行没有行次、科目代码或项目名称,无法确定是哪一行');
        key = undefined;
      }
      if (!key) continue;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        fail(r, keyCol, `${describeCell(def, key)}重复出现(第${earlier}行和第${r}行)`);
        continue;
      }
      seen.set(key, r);
      if (def.kind === 'functional' && codeLevel(key) === 3) table.codes.set(key, { name: textOf(shownAt(grid, r, colOf(side, 'name') ?? 0)).replace(/\s+/g, ''), row: r });
      for (const column of valueCols) readCell(r, key, column.col!, mapped.get(column.id), describeCell(def, key));
    }
    // Numbers outside every mapped column would be silently lost: say so.
    (grid.rows[r - 1] ?? []).forEach((cell, index) => {
      const c = index + 1;
      if (used.has(c) || [...mapped.values()].includes(c)) return;
      const amount = cellAmount(cell);
      if (cell?.kind === 'number' && amount.ok && amount.value) skip(r, c, '不在任何栏次下的数值,已忽略');
    });

    function readCell(row: number, key: string, col: string, c: number | undefined, where: string): void {
      if (c === undefined) return;
      used.add(c);
      const cell = grid.rows[row - 1]?.[c - 1];
      const rule = ruleOf(key, col);
      const amount = cellAmount(cell, yuan);
      if (!rule) {
        if (!amount.ok || amount.value) skip(row, c, `${where}没有第 ${col} 栏,此处不应有数值`);
        return;
      }
      if (!amount.ok) {
        if (rule.role === 'input') fail(row, c, amount.reason);
        else skip(row, c, `${amount.reason}(计算单元格,已忽略)`);
        return;
      }
      if (amount.formula) formulas++;
      if (amount.rounded) rounded++;
      if (rule.role === 'input') table.inputs.set(cellKey(key, col), amount.value);
      else if (amount.value !== null) table.printed.set(cellKey(key, col), amount.value);
    }
  }
  if (formulas) warn(`${def.id}有 ${formulas} 个单元格是公式,已按文件中保存的计算结果导入`);
  if (rounded) warn(`${def.id}有 ${rounded} 个金额精确到 1 元以下,已四舍五入到元(万元 4 位小数)`);
  return { table, info };
}
