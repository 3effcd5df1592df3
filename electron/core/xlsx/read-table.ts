/**
 * Reads the body of one located table: each printed line's row on each side, by 行次, 科目代码 or
 * 经济分类代码 — or by its label when the key column is missing — and every cell under a mapped
 * column. Input cells become the import; computed and linked cells are kept as printed values.
 */
import { catalogFor } from '../../../shared/catalog';
import { formatAmount, type Amount } from '../../../shared/money';
import { TOTAL, cellKey, codeLevel, describeCell, type CellRule, type FixedRowDef, type LayoutColumn } from '../../../shared/tables';
import { cellAmount, hasContent } from './cell-amount';
import { joinCode, type CodeContext } from './code-parts';
import { RowTexts, type Block } from './locate';
import { shownAt, textOf, type CellValue } from './read';
import { isInt, readHeader } from './read-header';
import { bare, columnLetter, message, norm } from './text';

/** The inputs and printed values of one table as the workbook has them. */
export interface Extracted {
  table: string;
  sheet: string;
  /** Input cells by cellKey; null = printed empty. */
  inputs: Map<string, Amount | null>;
  /** 项 codes of a functional table → name as printed and the sheet row (0 when not from a sheet). */
  codes: Map<string, { name: string; row: number }>;
  /** Other 科目 names the source printed (类 and 款 lines; a year file's kept printed names), by code. */
  names?: Map<string, { name: string; row: number }>;
  /** Computed and linked cells as printed (compared with the inputs' sums; last year's published figures). */
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

const nonZero = (cell: CellValue) => {
  const amount = cellAmount(cell);
  return amount.ok && !!amount.value;
};

/**
 * Numbers, and texts with a digit in them ("99.99", "１,０００"): a label such as 行政运行 is no
 * amount, and refusing one as such costs an exception per cell.
 */
const mayBeAmount = (cell: CellValue) => cell.kind === 'number' || (cell.kind === 'text' && /[0-9０-９]/.test(cell.value));

const TOTAL_NAMES = new Set(['合计', '总计']);
const SUM: CellRule = { role: 'computed', formula: 'Σ 下级', terms: [] };

export function readTable(block: Block, file: string, fiscalYear: number, out: Findings): { table: Extracted; info: BlockInfo } | null {
  const { grid, def } = block;
  const sheet = grid.name;
  if (block.conflict) out.warnings.push(message({ file, sheet }, block.conflict));
  const header = readHeader(block, file, out);
  if (!header) return null;
  const { layout, mapped, width } = header;
  const fail = (row: number, col: number, reason: string) => out.errors.push(message({ file, sheet, row, col }, reason));
  const skip = (row: number, col: number, reason: string) => out.unrecognised.push({ sheet, row, cell: `${columnLetter(col)}${row}`, reason });

  const table: Extracted = { table: def.id, sheet, inputs: new Map(), codes: new Map(), printed: new Map() };
  const rowsByKey = new Map<string, FixedRowDef>(def.kind === 'fixed' ? def.rows.map((row) => [row.key, row]) : []);
  const footers = new Map((layout.footer?.spans ?? []).map((span) => [norm(rowsByKey.get(span.row)?.label ?? span.row), span]));
  const functionCodes = catalogFor(fiscalYear).functionCodes;
  const seen = new Map<string, number>();
  const sides = Math.max(...layout.columns.map((column) => column.side)) + 1;
  const mappedCols = new Set([...mapped.values(), ...(header.codeParts ?? [])]);
  const counts = { formulas: 0, rounded: 0 };
  let lost = 0;
  /** Numbers in a column set aside (Header.setAside), by sheet column: named once per column, not per cell. */
  const setAsideCells = new Map<number, { first: number; count: number }>();
  let parent: CodeContext = { class: '', section: '' };

  const colOf = (side: number, kind: LayoutColumn['kind']) => {
    const column = layout.columns.find((c) => c.side === side && c.kind === kind);
    return column ? mapped.get(column.id) : undefined;
  };
  const ruleOf = (key: string, col: string): CellRule | undefined => {
    if (def.kind === 'functional') return key !== TOTAL && codeLevel(key) === 3 ? def.leaf[col] : SUM;
    const row = rowsByKey.get(key);
    return row && !row.blank ? row.cells[col] : undefined;
  };
  /** A fixed row by its label on this side: exact first, then without "一、" style enumerators. */
  const byLabel = (side: number, text: string): string | undefined => {
    const keys = def.kind === 'fixed' ? def.sides[side].rows.filter((key): key is string => key !== null && !!rowsByKey.get(key)!.label) : [];
    // A label printed twice (公开04表's 年初 block repeats the 收入 labels) is the next one not yet read.
    // Keys are in print order: a label printed again (公开04表's 年初 lines repeat the 收入 labels) is the next unread one.
    const unread = (match: (label: string) => boolean) => keys.find((key) => !seen.has(key) && match(rowsByKey.get(key)!.label));
    return unread((label) => norm(label) === text) ?? unread((label) => bare(label) === bare(text));
  };
  /** A 功能分类 code by its name, looked for under the 款 / 类 printed above it (行政运行 exists under many 款). */
  const byName = (text: string): string | undefined => {
    const named = functionCodes.filter((entry) => norm(entry.name) === text);
    for (const scope of [parent.section, parent.class, '']) {
      const found = named.filter((entry) => (scope ? entry.code.startsWith(scope) && entry.code.length === scope.length + 2 : entry.level === '类'));
      if (found.length === 1) return found[0].code;
    }
    return undefined;
  };
  // Each side's key and value columns, found once rather than on each of thousands of body rows.
  const sideColumns = Array.from({ length: sides }, (_, side) => ({
    code: colOf(side, 'code'),
    name: colOf(side, 'name'),
    label: colOf(side, 'label'),
    rowno: colOf(side, 'rowno'),
    values: layout.columns.filter((c) => c.side === side && c.kind === 'value' && mapped.has(c.id)),
  }));
  const keyCols = new Set([...sideColumns.flatMap((side) => [side.code, side.name, side.label, side.rowno]), ...(header.codeParts ?? [])]);
  /** Reads one cell of row `key`, 栏次 `col`, at sheet column `c`. */
  const readCell = (r: number, key: string, col: string, c: number, where: string) => {
    const amount = cellAmount(grid.rows[r - 1]?.[c - 1], header.yuan);
    const rule = ruleOf(key, col);
    if (!rule) {
      if (!amount.ok || amount.value) skip(r, c, `${where}没有第 ${col} 栏,此处不应有数值`);
    } else if (!amount.ok) {
      if (rule.role === 'input') fail(r, c, amount.reason);
      else skip(r, c, `${amount.reason}(计算单元格,已忽略)`);
    } else {
      // Only an input read from a formula is news: computed cells are formulas in our own exports, checked by compareTotals.
      if (amount.formula && rule.role === 'input') counts.formulas++;
      if (amount.rounded) counts.rounded++;
      if (rule.role === 'input') table.inputs.set(cellKey(key, col), amount.value);
      else if (amount.value !== null) table.printed.set(cellKey(key, col), amount.value);
    }
  };

  for (let r = header.bodyStart; r < block.end; r++) {
    const texts = new RowTexts(grid, r, width);
    const first = texts.first();
    if (first === undefined) continue; // blank lines anywhere in the body
    if (first.startsWith('注') || (def.emptyText && first === norm(def.emptyText))) {
      // The body ends at the notes; a number below them is not read, and the preview says so.
      for (let below = r + 1; below < block.end; below++) {
        (grid.rows[below - 1] ?? []).forEach((cell, index) => {
          if (cell && !keyCols.has(index + 1) && mayBeAmount(cell) && nonZero(cell)) skip(below, index + 1, '表注之后的数值,未导入');
        });
      }
      break;
    }
    const used = new Set<number>();
    const line = grid.rows[r - 1];
    for (let side = 0; side < sides; side++) {
      const columns = sideColumns[side];
      let code = header.codeParts && side === 0 ? joinCode(header.codeParts.map((c) => norm(textOf(line?.[c - 1]))), parent) : columns.code ? texts.at(columns.code) : '';
      let name = columns.name ? texts.at(columns.name) : '';
      // "2010301 行政运行": code and name in one cell, in the code column or the only 科目 column.
      const joined = /^(\d{3,})([^\d.,].*)$/.exec(code || (columns.code ? '' : name));
      if (joined) [code, name] = [joined[1], name && code ? name : joined[2]];
      const label = columns.label ? texts.at(columns.label) : '';
      const rowNo = columns.rowno ? texts.at(columns.rowno) : '';
      const values = columns.values;
      let hasValues = false;
      for (const c of values) if (hasContent(line?.[mapped.get(c.id)! - 1])) hasValues = true;
      const keyCol = columns.code ?? columns.rowno ?? columns.label ?? columns.name ?? mapped.get(values[0]?.id ?? '') ?? 1;

      // The totals line: the label spans `span` groups, the value is in the last one's value column.
      const footer = footers.get(code || label || name);
      if (footer?.side === side) {
        // The value prints under the last spanned group, or under this one when the sheet has fewer groups.
        const column = [side + footer.span - 1, side].map((s) => layout.columns.find((c) => c.side === s && c.kind === 'value' && mapped.has(c.id))).find(Boolean);
        const c = column && mapped.get(column.id);
        if (c) {
          used.add(c);
          readCell(r, footer.row, column!.col!, c, '');
        }
        side += footer.span - 1;
        continue;
      }

      let key: string | undefined;
      let reason = '';
      if (def.kind === 'functional') {
        if (TOTAL_NAMES.has(code) || (!code && TOTAL_NAMES.has(name))) key = TOTAL;
        else if (isInt(code)) {
          if (codeLevel(code)) key = code;
          else reason = `科目代码“${code}”位数不对(应为 3、5 或 7 位)`;
        } else if (name) {
          key = byName(name);
          if (!key) reason = `无法根据科目名称“${name}”确定科目代码,请填写科目代码`;
        }
        if (key && key !== TOTAL) parent = { class: key.slice(0, 3), section: key.length >= 5 ? key.slice(0, 5) : '' };
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
        key = byLabel(side, label || name);
        if (!key) reason = `无法识别的项目“${label || name}”`;
      }
      if (reason || (!key && hasValues)) {
        const why = reason || '此行没有行次、科目代码或项目名称,无法确定是哪一行';
        const amounts = values.flatMap((c) => {
          const cell = mapped.get(c.id)!;
          const amount = cellAmount(grid.rows[r - 1]?.[cell - 1], header.yuan);
          return amount.ok && amount.value ? [`${columnLetter(cell)}列 ${formatAmount(amount.value)}`] : [];
        });
        // An amount that cannot be placed is never dropped quietly: the table is not imported.
        if (amounts.length) fail(r, keyCol, `${why};此行的金额(${amounts.join('、')})无法导入`);
        else skip(r, keyCol, why);
        lost++;
        continue;
      }
      if (!key) continue;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        fail(r, keyCol, `${describeCell(def, key)}重复出现(第${earlier}行和第${r}行)`);
        continue;
      }
      seen.set(key, r);
      if (def.kind === 'functional' && key !== TOTAL) {
        const printedName = { name: joined ? name : textOf(shownAt(grid, r, columns.name ?? 0)).replace(/\s+/g, ''), row: r };
        if (codeLevel(key) === 3) table.codes.set(key, printedName);
        else (table.names ??= new Map()).set(key, printedName);
      }
      for (const column of values) {
        used.add(mapped.get(column.id)!);
        readCell(r, key, column.col!, mapped.get(column.id)!, describeCell(def, key));
      }
    }
    // An amount outside every mapped column, typed as a number or as text, would be lost silently: say so.
    for (let index = 0; index < (line?.length ?? 0); index++) {
      const cell = line![index];
      if (cell && mayBeAmount(cell) && !used.has(index + 1) && !mappedCols.has(index + 1) && nonZero(cell)) {
        const aside = header.setAside.has(index + 1) && setAsideCells.get(index + 1);
        if (aside) aside.count++;
        else if (header.setAside.has(index + 1)) setAsideCells.set(index + 1, { first: r, count: 1 });
        else skip(r, index + 1, '不在任何栏次下的数值,已忽略');
      }
    }
  }
  for (const [col, { first, count }] of setAsideCells) skip(first, col, `${header.setAside.get(col)},此列 ${count} 个数值未导入`);
  // Replacing a table by one whose rows could not be read would silently empty it.
  if (lost && ![...seen.keys()].some((key) => key !== TOTAL)) {
    out.errors.push(message({ file, sheet, row: header.bodyStart }, `${def.id}有数据,但没有一行能识别(请检查行次、科目代码列是否与公开表一致)`));
    return null;
  }
  const warn = (text: string) => out.warnings.push(message({ file, sheet }, text));
  if (counts.formulas) warn(`${def.id}有 ${counts.formulas} 个单元格是公式,已按文件中保存的计算结果导入`);
  if (counts.rounded) warn(`${def.id}有 ${counts.rounded} 个金额精确到 1 元以下,已四舍五入到元(万元 4 位小数)`);
  return { table, info: header.info };
}
