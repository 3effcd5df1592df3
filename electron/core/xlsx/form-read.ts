/**
 * Reads a 绩效自评 form sheet back: our own export, or another tool's sheet that prints the same
 * region's form with the same labels in the same order (columns may sit elsewhere, rows may be
 * added). The profile's `layout` is walked top to bottom, each block found by its label or header
 * from where the previous one ended; what a block prints is read cell by cell. Bad cells become
 * errors naming file, sheet, row and column; unknown rows are reported as skipped.
 *
 * The result is only what the sheet prints (FormCells); form-merge.ts lays it over the hidden copy
 * of the form our exporter keeps beside it.
 */
import { formatAmount } from '../../../shared/money';
import { formatPoints, parsePoints, toHalfWidth } from '../../../shared/forms/decimal';
import { NATURES, type FundingKey, type Horizon, type IndicatorJson, type ListField, type TextField } from '../../../shared/forms/model';
import { type Block, type FundingValue, type HeaderValue, type IndicatorColumn, type Profile } from '../../../shared/forms/profiles';
import { cellAmount } from './cell-amount';
import { anchorOf, fundingRowFor, printedLabels } from './form-anchors';
import { NO, YES, labelMatches, parseCheckbox } from './form-cells';
import { SheetView, cellText } from './form-sheet';
import type { Findings } from './read-table';
import { columnLetter, halfWidth, message, norm } from './text';

/** Where a value was read: for messages about the form as a whole (a missing 项目编码…). */
export interface At {
  row: number;
  col: number;
}

export interface IndicatorRow {
  at: At;
  values: Partial<Record<keyof IndicatorJson, string | null>>;
}

/** What a form sheet prints, field by field; absent keys: the sheet does not print that part. */
export interface FormCells {
  header: Map<HeaderValue, { text: string | null; at: At }>;
  checks: Map<'proj_category' | 'proj_attribute' | 'proj_type', string | null>;
  texts: Map<TextField, string | null>;
  /** List rows as printed ('' for an empty row; one empty row = no items). */
  lists: Map<ListField, string[]>;
  /** Per funding row: the printed values of the columns read (amounts and points canonical). */
  funding: Map<FundingKey, Partial<Record<FundingValue, string | null>>>;
  indicators: Map<Horizon, { fields: (keyof IndicatorJson)[]; rows: IndicatorRow[] }>;
  baseData: Map<string, [string | null, string | null, string | null]>;
  internal: Map<string, boolean | null>;
  /** Printed results (合计 / 自评得分, 预算执行得分, 等级): a form's recorded figures where no copy of the form is kept. */
  printed: { total?: string | null; budgetScore?: string | null; grade?: string | null };
}

/** Reads the blocks of `profile` from row `start`. Errors and skipped content go to `out`. */
export function readFormCells(view: SheetView, profile: Profile, start: number, file: string, out: Findings): FormCells {
  const cells: FormCells = {
    header: new Map(), checks: new Map(), texts: new Map(), lists: new Map(), funding: new Map(),
    indicators: new Map(), baseData: new Map(), internal: new Map(), printed: {},
  };
  const sheet = view.name;
  const labels = printedLabels(profile);
  view.isLabel = (text) => labels.some((label) => labelMatches(text, label));
  const fail = (at: At, reason: string) => out.errors.push(message({ file, sheet, row: at.row, col: at.col }, reason));
  const skip = (at: At, reason: string) => out.unrecognised.push({ sheet, row: at.row, cell: `${columnLetter(at.col)}${at.row}`, reason });
  const layout = profile.layout;
  const anchors = layout.map((block) => anchorOf(view, block));
  /** Whether row r starts any block after `index`: a table's body ends there. */
  const laterBlockAt = (index: number, r: number) => anchors.slice(index + 1).some((anchor) => anchor?.(r));

  let cursor = start;
  layout.forEach((block, index) => {
    switch (block.kind) {
      case 'title':
      case 'heading':
      case 'notes':
        return;
      case 'section': {
        const row = view.findRow(cursor, anchors[index]!);
        if (row !== undefined) cursor = row + 1;
        return;
      }
      case 'fields':
        for (const line of block.rows) {
          const first = view.findLabel(cursor, line[0].label);
          if (!first) continue;
          for (const field of line) {
            const col = view.labelCols(first.row, field.label)[0];
            if (col === undefined) continue;
            const at = { row: first.row, col: view.valueCol(first.row, col) };
            cells.header.set(field.value, { text: cellText(view.value(at.row, at.col)), at });
          }
          cursor = first.row + 1;
        }
        return;
      case 'checkboxes': {
        const label = view.findLabel(cursor, block.label);
        if (!label) return;
        const at = { row: label.row, col: view.valueCol(label.row, label.col) };
        const parsed = parseCheckbox(cellText(view.value(at.row, at.col)) ?? '', block.options);
        if ('error' in parsed) fail(at, `${block.label}${parsed.error}`);
        else cells.checks.set(block.field, parsed.value);
        cursor = label.row + 1;
        return;
      }
      case 'text': {
        const label = view.findLabel(cursor, block.label[block.label.length - 1]);
        if (!label) return;
        cells.texts.set(block.field, cellText(view.value(label.row, view.valueCol(label.row, label.col))));
        cursor = label.row + 1;
        return;
      }
      case 'list': {
        const label = view.findLabel(cursor, block.label[block.label.length - 1]);
        if (!label) return;
        const col = view.valueCol(label.row, label.col);
        /** The label merged down over this row, or (other tools) no label, an item, and no other block starting. */
        const continues = (row: number) => {
          const [mr, mc] = view.master(row, label.col);
          if (mr === label.row && mc === label.col) return true;
          return !view.text(row, label.col).trim() && !!cellText(view.value(row, col)) && !laterBlockAt(index, row);
        };
        const items: string[] = [];
        let r = label.row;
        do {
          items.push(cellText(view.value(r, col)) ?? '');
          r++;
        } while (r <= view.rows && continues(r));
        cells.lists.set(block.field, items);
        cursor = r;
        return;
      }
      case 'funding':
        cursor = readFunding(block, index, cursor);
        return;
      case 'score-summary': {
        const label = view.findLabel(cursor, block.totalLabel);
        if (!label) return;
        const right = (text: string) => {
          const col = view.labelCols(label.row, text)[0];
          return col === undefined ? undefined : { row: label.row, col: view.valueCol(label.row, col) };
        };
        cells.printed.total = pointsAt(right(block.totalLabel));
        cells.printed.budgetScore = pointsAt(right(block.budgetLabel));
        const grade = right('评价等级');
        if (grade) cells.printed.grade = cellText(view.value(grade.row, grade.col));
        cursor = label.row + 1;
        return;
      }
      case 'indicators':
        cursor = readIndicators(block, index, cursor);
        return;
      case 'base-data': {
        const title = view.findRow(cursor, anchors[index]!);
        let from = title === undefined ? cursor : title + 1;
        for (const group of block.groups) {
          const found = view.findLabel(from, group.group);
          if (!found) continue;
          const values = group.labels.map((label) => {
            // The template matches any year ("{year}年编制人数" ~ "2020年编制人数").
            const col = view.labelCols(found.row, label, found.col + 1)[0];
            return col === undefined ? null : cellText(view.value(found.row, view.valueCol(found.row, col)));
          });
          cells.baseData.set(group.group, [values[0], values[1], values[2]]);
          from = found.row + 1;
        }
        cursor = from;
        return;
      }
      case 'internal-control': {
        const label = view.findLabel(cursor, block.label);
        if (!label) return;
        let last = label.row;
        for (const item of block.items) {
          const row = view.findRow(label.row, (r) => view.labelCols(r, item, label.col + 1).length > 0, label.row + block.items.length);
          if (row === undefined) continue;
          const at = { row, col: view.valueCol(row, view.labelCols(row, item, label.col + 1)[0]) };
          const text = norm(cellText(view.value(at.row, at.col)) ?? '');
          if (text === YES || text === NO || text === '') cells.internal.set(item, text === '' ? null : text === YES);
          else fail(at, `“${text}”应填“${YES}”或“${NO}”`);
          last = Math.max(last, row);
        }
        cursor = last + 1;
        return;
      }
      case 'signatures': {
        const first = view.findLabel(cursor, block.fields[0].label);
        if (!first) return;
        for (const field of block.fields) {
          const col = view.labelCols(first.row, field.label)[0];
          if (col !== undefined) cells.texts.set(field.field, cellText(view.value(first.row, view.valueCol(first.row, col))));
        }
        cursor = first.row + 1;
        return;
      }
    }
  });
  return cells;

  /** A score cell: number or text, "/" and dashes as empty; an invalid one is an error. */
  function pointsAt(at: At | undefined): string | null | undefined {
    if (!at) return undefined;
    const text = cellText(view.value(at.row, at.col))?.trim() ?? '';
    if (/^[/／—–-]*$/.test(text)) return null;
    try {
      return formatPoints(parsePoints(toHalfWidth(text), '分值'));
    } catch {
      fail(at, `“${text}”不是有效分值`);
      return null;
    }
  }

  function amountAt(at: At): string | null {
    const amount = cellAmount(view.value(at.row, at.col));
    if (!amount.ok) {
      fail(at, amount.reason);
      return null;
    }
    return formatAmount(amount.value);
  }

  /** The row showing every top-level header of a table, with each column's sheet column (exact labels first). */
  function tableHeader(index: number, from: number, columns: ReadonlyArray<{ header: readonly string[] }>) {
    const row = view.findRow(from, anchors[index]!);
    if (row === undefined) return undefined;
    const depth = Math.max(1, ...columns.map((column) => column.header.length));
    const cols: Array<number | undefined> = [];
    let after = 0;
    for (const column of columns) {
      const fits = (c: number, exact: boolean) =>
        column.header.every((part, level) => {
          const shown = view.text(row + level, c);
          return exact ? norm(shown) === norm(part) : labelMatches(shown, part);
        });
      let found: number | undefined;
      for (const exact of [true, false]) {
        for (let c = after + 1; c <= view.width && found === undefined; c++) if (fits(c, exact)) found = c;
        if (found !== undefined) break;
      }
      cols.push(found);
      if (found !== undefined) after = view.rightEdge(row + column.header.length - 1, found);
    }
    return { row, body: row + depth, cols };
  }

  function readFunding(block: Extract<Block, { kind: 'funding' }>, index: number, from: number): number {
    const header = tableHeader(index, from, block.columns);
    if (!header) return from;
    const firstValue = Math.min(...header.cols.filter((c): c is number => c !== undefined));
    const blockLabels = new Set(block.label.map(norm));
    let r = header.body;
    for (; r <= view.rows && !laterBlockAt(index, r) && !view.empty(r); r++) {
      // The row's labels: distinct cells left of the values, without the block's own label down the left.
      const labels: string[] = [];
      const seen = new Set<string>();
      for (let c = 1; c < firstValue; c++) {
        const key = view.master(r, c).join(',');
        const text = norm(view.text(r, c));
        if (!text || seen.has(key) || blockLabels.has(text)) continue;
        seen.add(key);
        labels.push(text);
      }
      const row = fundingRowFor(block, labels);
      if (!row) {
        skip({ row: r, col: 1 }, `预算执行情况中无法识别的行“${labels.join(' ')}”,已跳过`);
        continue;
      }
      if (cells.funding.has(row.key)) {
        skip({ row: r, col: 1 }, `“${labels.join(' ')}”重复出现,已跳过`);
        continue;
      }
      const values: Partial<Record<FundingValue, string | null>> = {};
      block.columns.forEach((column, j) => {
        const col = header.cols[j];
        if (col === undefined || (column.otherRows !== undefined && row.key !== 'TOTAL')) return;
        const at = { row: r, col };
        if (column.value === 'weight' || column.value === 'score') values[column.value] = pointsAt(at);
        else if (column.value === 'exec_rate' || column.value === 'reason' || column.value === 'unit') values[column.value] = cellText(view.value(r, col));
        else values[column.value] = amountAt(at);
      });
      cells.funding.set(row.key, values);
    }
    return r;
  }

  function readIndicators(block: Extract<Block, { kind: 'indicators' }>, index: number, from: number): number {
    const header = tableHeader(index, from, block.columns);
    if (!header) return from;
    // Only the columns found count as printed: the others keep what the form had.
    const fields = block.columns.flatMap((column, j) => (column.value !== 'goal' && header.cols[j] !== undefined ? [column.value] : []));
    const rows: IndicatorRow[] = [];
    const carried = new Map<IndicatorColumn['value'], string | null>();
    let r = header.body;
    const isTotal = (row: number) => !!block.totalRow && view.labelCols(row, block.totalRow).length > 0;
    for (; r <= view.rows && !laterBlockAt(index, r) && !isTotal(r) && !view.empty(r); r++) {
      // The header printed again at the top of a page the table runs onto (form-pages.ts).
      if (anchors[index]!(r)) {
        r += header.body - header.row - 1;
        continue;
      }
      const values: IndicatorRow['values'] = {};
      let filled = false;
      block.columns.forEach((column, j) => {
        const col = header.cols[j];
        if (column.value === 'goal' || col === undefined) return;
        const at = { row: r, col };
        let value: string | null | undefined;
        if (column.value === 'weight' || column.value === 'score') value = pointsAt(at);
        else {
          value = cellText(view.value(r, col));
          // Other tools leave 一级 / 二级 blank under a group's first row instead of merging.
          if (column.merge && value === null) value = carried.get(column.value) ?? null;
          if (column.value === 'nature' && value !== null) value = natureOf(value, at);
        }
        if (column.merge) carried.set(column.value, value ?? null);
        else if (value !== null && value !== undefined) filled = true;
        values[column.value] = value ?? null;
      });
      if (!filled) continue; // an empty row (our placeholder for a block without indicators)
      for (const field of ['level1', 'level2', 'name'] as const) {
        const j = block.columns.findIndex((column) => column.value === field);
        if (j >= 0 && header.cols[j] !== undefined && !values[field]?.trim()) fail({ row: r, col: header.cols[j]! }, `${block.columns[j].header.join('')}不能为空`);
      }
      rows.push({ at: { row: r, col: header.cols.find((c) => c !== undefined) ?? 1 }, values });
    }
    cells.indicators.set(block.horizon, { fields, rows });
    if (r <= view.rows && isTotal(r)) {
      const scoreAt = block.columns.findIndex((column) => column.value === 'score');
      const col = scoreAt >= 0 ? header.cols[scoreAt] : undefined;
      if (col !== undefined) {
        cells.printed.total = pointsAt({ row: r, col });
        const grade = cellText(view.value(r, view.valueCol(r, col)));
        const match = grade && /^评价等级[::]\s*(.+)$/.exec(grade.trim());
        if (match) cells.printed.grade = match[1];
      }
      r++;
    }
    return r;
  }

  function natureOf(text: string, at: At): string | null {
    const shown = halfWidth(text).trim();
    if (shown === '') return null;
    if ((NATURES as readonly string[]).includes(shown)) return shown;
    fail(at, `指标性质“${text}”应为 ${NATURES.join('、')} 之一`);
    return null;
  }
}
