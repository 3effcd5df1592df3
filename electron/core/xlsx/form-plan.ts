/**
 * The printed sheet of one 绩效自评 form, as plain data (a SheetPlan like the annex tables'),
 * walked from the profile's `layout` top to bottom: the exporter owns no layout of its own, only
 * the geometry (which block starts in which column, how wide columns are).
 *
 * Geometry: text-like blocks print their label path in the first `labelCols` columns (equal
 * neighbouring parts merge down) and the value across the rest; tables (funding, indicators)
 * print their block label in a leading column merged down the block, then their columns, the last
 * one stretched to the sheet's width. Computed figures (执行率, 预算执行得分, 合计, 等级) are
 * printed as computed; the importer never reads them back as input.
 *
 * Printed pages are broken by the exporter (form-pages.ts): each table is handed over with its
 * rows, so one that fits on a page is not split and a longer one repeats its header on each page.
 *
 * Beside the form, in a hidden column, the form itself is kept as JSON: fields a region's form
 * does not print (项目周期, printed rates, 其他评价得分…) come back from it on import, while every
 * printed cell is read from the sheet, so edits made in Excel count.
 */
import { fundingLine, serializeForm, type Indicator, type PerfForm } from '../../../shared/forms/model';
import { fillTemplate, profileFor, type Block } from '../../../shared/forms/profiles';
import { adjustmentText, scoreForm } from '../../../shared/forms/scoring';
import { baseDataResult } from '../../../shared/forms/ui-helpers';
import { FORM_DATA_MARKER, NO, YES, checkboxText, encodeFormData } from './form-cells';
import { chineseNumber, fundingLabelColumns, fundingValue, geometry, headerValue, indicatorValue, labelColumns, pointsCell, styleOf } from './form-geometry';
import { paginate, type KeepTogether } from './form-pages';
import { lineCount, placeHeaders, type CellStyle, type PlanCell, type Range, type SheetPlan } from './plan';
import { DRAFT } from './text';

export interface FormPlanContext {
  fiscalYear: number;
  sheetName: string;
  /** 1-based position among the exported forms (JM-P headings number their reports). */
  seq: number;
  draft: boolean;
  /** Print the profile's once-per-batch notes (MS-P footer) under this form. */
  batchNotes: boolean;
}

type Table = Extract<Block, { kind: 'funding' | 'indicators' }>;

export function planForm(form: PerfForm, context: FormPlanContext): SheetPlan {
  const profile = profileFor(form.variant);
  const score = scoreForm(form, profile);
  const { width, widths } = geometry(profile);
  const lt = labelColumns(profile);
  const cells: PlanCell[] = [];
  const merges: Range[] = [];
  const heights = new Map<number, number>();
  /** Each table's rows (with the section line titling it), kept on one page where they fit. */
  const tables: KeepTogether[] = [];
  /** The row of the last section line: it titles a table right below it. */
  let sectionRow = 0;
  const year = form.fiscal_year ?? context.fiscalYear;

  const spanWidth = (left: number, right: number) => widths.slice(left - 1, right).reduce((a, b) => a + b, 0);
  const put = (row: number, col: number, value: PlanCell['value'], style: CellStyle, right = col) => {
    if (value === null || value === '') {
      if (right > col) merges.push({ top: row, left: col, bottom: row, right });
      return;
    }
    cells.push({ row, col, value, style });
    if (right > col) merges.push({ top: row, left: col, bottom: row, right });
    if (typeof value === 'string') fit(row, lineCount(value, spanWidth(col, right)));
  };
  const fit = (row: number, lines: number) => heights.set(row, Math.min(409, Math.max(heights.get(row) ?? 18, 15 * lines + 5)));
  const mergeDown = (top: number, left: number, bottom: number, right: number) => {
    if (bottom > top || right > left) merges.push({ top, left, bottom, right });
  };

  /** Label paths of consecutive text-like blocks: equal leading parts merge down (MS-P 项目基本情况). */
  let open: Array<{ text: string; top: number; left: number; right: number; at: number } | undefined> = [];
  const closeLabels = () => {
    for (const cell of open) if (cell) mergeDown(cell.top, cell.left, cell.at, cell.right);
    open = [];
  };
  const labelPath = (path: readonly string[], top: number, bottom: number, columns: number) => {
    let broken = false;
    path.forEach((text, level) => {
      const left = 1 + level;
      const right = level === path.length - 1 ? columns : left;
      broken = !continueLabel(open, level, { text, top, left, right, at: bottom }, broken);
      if (broken) fit(top, Math.ceil(lineCount(text, spanWidth(left, right)) / (bottom - top + 1)));
    });
    for (let level = path.length; level < open.length; level++) {
      const cell = open[level];
      if (cell) mergeDown(cell.top, cell.left, cell.at, cell.right);
      open[level] = undefined;
    }
  };
  /**
   * Extends the open label cell of `level` down to `next.at` when it shows the same text in the same
   * columns on the row just above and its parents continued too; otherwise closes it and starts
   * `next`. Returns whether it continued.
   */
  function continueLabel(labels: typeof open, level: number, next: NonNullable<(typeof open)[number]>, parentBroken: boolean): boolean {
    const prev = labels[level];
    if (!parentBroken && prev && prev.text === next.text && prev.left === next.left && prev.right === next.right && prev.at === next.top - 1) {
      prev.at = next.at;
      return true;
    }
    if (prev) mergeDown(prev.top, prev.left, prev.at, prev.right);
    cells.push({ row: next.top, col: next.left, value: next.text, style: 'header' });
    labels[level] = { ...next };
    return false;
  }

  /** Label/value pairs across the width (项目名称 | … | 项目编码 | …). */
  const pairs = (row: number, items: ReadonlyArray<{ label: string; value: PlanCell['value']; style?: CellStyle }>) => {
    const segment = Math.floor(width / items.length);
    items.forEach((item, i) => {
      const left = 1 + i * segment;
      const right = i === items.length - 1 ? width : left + segment - 1;
      const labelSpan = items.length === 1 ? lt : Math.max(1, Math.min(lt, segment - 1));
      put(row, left, item.label, 'header', left + labelSpan - 1);
      put(row, left + labelSpan, item.value, item.style ?? 'text', right);
    });
  };

  let row = 1;
  if (context.draft) {
    put(row, 1, `${DRAFT}:未经审核通过,仅供核对,不得作为正式报表报送`, 'draft', width);
    heights.set(row++, 24);
  }
  let gridFirst = 0;
  let gridLast = 0;
  const notes: string[] = [];

  for (const block of profile.layout) {
    if (block.kind !== 'text' && block.kind !== 'list') closeLabels();
    if (block.kind === 'title' || block.kind === 'heading') {
      const text = fillTemplate(block.text, { year, seq: chineseNumber(context.seq), subject_name: form.subject_name });
      put(row, 1, context.draft ? `${text}(${DRAFT})` : text, 'title', width);
      heights.set(row++, 30);
      continue;
    }
    if (block.kind === 'notes') {
      if (!block.oncePerBatch || context.batchNotes) notes.push(...block.lines);
      continue;
    }
    gridFirst ||= row;
    switch (block.kind) {
      case 'section':
        sectionRow = row;
        put(row++, 1, block.text, 'header', width);
        break;
      case 'fields':
        for (const line of block.rows) pairs(row++, line.map((field) => ({ label: field.label, value: headerValue(form, field.value) })));
        break;
      case 'checkboxes':
        labelPath([block.label], row, row, lt);
        closeLabels();
        put(row++, lt + 1, checkboxText(block.options, form[block.field]), 'text', width);
        break;
      case 'text':
        labelPath(block.label, row, row, lt);
        put(row++, lt + 1, form[block.field], 'text', width);
        break;
      case 'list': {
        const items = form[block.field].length ? form[block.field] : [''];
        labelPath(block.label, row, row + items.length - 1, lt);
        for (const item of items) put(row++, lt + 1, item, 'text', width);
        break;
      }
      case 'funding':
        row = fundingBlock(block, row);
        break;
      case 'score-summary':
        pairs(row++, [
          { label: block.totalLabel, value: pointsCell(score.total), style: 'number' },
          { label: block.budgetLabel, value: pointsCell(score.budgetScore), style: 'number' },
          ...(profile.scoring.grades ? [{ label: '评价等级', value: score.grade, style: 'center' as const }] : []),
        ]);
        break;
      case 'indicators':
        row = indicatorBlock(block, row);
        break;
      case 'base-data':
        put(row++, 1, fillTemplate(block.title, { year }), 'header', width);
        for (const group of block.groups) {
          const entry = form.base_data.find((item) => item.group === group.group);
          const third = entry?.value3 ?? baseDataResult(group.formula, entry?.value1, entry?.value2);
          const labels = group.labels.map((label) => fillTemplate(label, { year }));
          put(row, 1, group.group, 'text');
          [labels[0], entry?.value1 ?? null, labels[1], entry?.value2 ?? null, labels[2], third].forEach((value, i) =>
            put(row, i + 2, value, i % 2 ? 'center' : 'text', i === 5 ? width : i + 2),
          );
          row++;
        }
        break;
      case 'internal-control': {
        const perRow = Math.max(1, Math.floor((width - lt) / 2));
        const lines = Math.ceil(block.items.length / perRow);
        labelPath([block.label], row, row + lines - 1, lt);
        closeLabels();
        block.items.forEach((item, i) => {
          const r = row + Math.floor(i / perRow);
          const col = lt + 1 + (i % perRow) * 2;
          const done = form.internal_control[item as keyof PerfForm['internal_control']];
          put(r, col, item, 'text');
          put(r, col + 1, done === true ? YES : done === false ? NO : null, 'center', i % perRow === perRow - 1 ? width : col + 1);
        });
        row += lines;
        break;
      }
      case 'signatures':
        pairs(row++, block.fields.map((field) => ({ label: field.label, value: form[field.field] })));
        break;
    }
    gridLast = row - 1;
  }
  closeLabels();

  for (const note of notes) {
    put(row, 1, note, 'note', width);
    row++;
  }

  // The form as data, in a hidden column two to the right of the printed width.
  const dataCol = width + 2;
  cells.push({ row: 1, col: dataCol, value: FORM_DATA_MARKER, style: 'data' });
  encodeFormData(serializeForm(form)).forEach((chunk, i) => cells.push({ row: i + 2, col: dataCol, value: chunk, style: 'data' }));

  return paginate({
    name: context.sheetName,
    table: '绩效自评',
    width,
    cells,
    merges,
    columnWidths: widths,
    rowHeights: heights,
    header: { first: 1, last: 0 },
    grid: { first: gridFirst || 1, last: gridLast },
    orientation: widths.reduce((a, b) => a + b, 0) > 100 ? 'landscape' : 'portrait',
    hiddenColumns: [dataCol],
  }, tables);

  /** A table from `top` to `bottom`, with the section line right above it. */
  function keepTable(top: number, bottom: number, header?: KeepTogether['header']): void {
    tables.push({ first: sectionRow === top - 1 ? sectionRow : top, last: bottom, header });
  }

  /** 预算执行情况: block label down the left, row labels, multi-level headers, one row per profile row. */
  function fundingBlock(block: Extract<Block, { kind: 'funding' }>, top: number): number {
    const lead = block.label.length;
    const rowCols = fundingLabelColumns(block);
    const first = lead + rowCols + 1;
    const depth = Math.max(1, ...block.columns.map((column) => column.header.length));
    if (rowCols) {
      put(top, lead + 1, block.labelHeader?.join('') ?? '', 'header');
      mergeDown(top, lead + 1, top + depth - 1, lead + rowCols);
    }
    headers(block, top, depth, first);
    let r = top + depth;
    const rowLabels: typeof open = [];
    for (const profileRow of block.rows) {
      const line = fundingLine(form, profileRow.key);
      // Row labels: equal parts of neighbouring rows merge down (YL 其中:一般公共预算拨款 over 上级 / 本级).
      let broken = false;
      profileRow.label.forEach((text, level) => {
        const left = lead + 1 + level;
        const right = level === profileRow.label.length - 1 ? lead + rowCols : left;
        broken = !continueLabel(rowLabels, level, { text, top: r, left, right, at: r }, broken);
        if (broken) fit(r, lineCount(text, spanWidth(left, right)));
      });
      for (let level = profileRow.label.length; level < rowLabels.length; level++) {
        const cell = rowLabels[level];
        if (cell) mergeDown(cell.top, cell.left, cell.at, cell.right);
        rowLabels[level] = undefined;
      }
      block.columns.forEach((column, j) => {
        const col = first + j;
        const right = j === block.columns.length - 1 ? width : col;
        if (column.otherRows !== undefined && profileRow.key !== 'TOTAL') put(r, col, column.otherRows, 'center', right);
        // The 总额 权重 the form does not state is the profile's (眉山 10), as the page shows it.
        else if (column.value === 'weight' && profileRow.key === 'TOTAL' && !line?.weight) put(r, col, pointsCell(profile.scoring.budgetWeight), styleOf(column.value), right);
        else put(r, col, fundingValue(column, line, score), column.value === 'reason' ? 'text' : styleOf(column.value), right);
      });
      r++;
    }
    for (const cell of rowLabels) if (cell) mergeDown(cell.top, cell.left, cell.at, cell.right);
    if (lead) {
      cells.push({ row: top, col: 1, value: block.label.join(''), style: 'header' });
      mergeDown(top, 1, r - 1, lead);
    }
    keepTable(top, r - 1);
    return r;
  }

  /** 绩效指标: block label, headers, rows with 一级/二级 (and JM-P 目标名称) merged down, then the 合计 row. */
  function indicatorBlock(block: Extract<Block, { kind: 'indicators' }>, top: number): number {
    const lead = block.label.length;
    const depth = Math.max(1, ...block.columns.map((column) => column.header.length));
    headers(block, top, depth, lead + 1);
    let r = top + depth;
    const rows = form.indicators.filter((ind) => ind.horizon === block.horizon);
    const shown: Array<Indicator | null> = rows.length ? rows : [null];
    const runs = block.columns.map(() => ({ text: '', top: 0 }));
    const closeRun = (j: number, at: number) => {
      const run = runs[j];
      if (run.top && at > run.top) mergeDown(run.top, lead + 1 + j, at, lead + 1 + j);
      runs[j] = { text: '', top: 0 };
    };
    shown.forEach((ind, i) => {
      let broken = false;
      block.columns.forEach((column, j) => {
        const col = lead + 1 + j;
        const right = j === block.columns.length - 1 ? width : col;
        // A 得分 left blank counts as the suggested one (scoring.ts): printed, so the rows add up to the 总分.
        const suggested = ind && column.value === 'score' && ind.score === null ? pointsCell(score.indicators[form.indicators.indexOf(ind)]?.suggested ?? null) : null;
        const value = column.value === 'goal' ? (block.goal ?? '') : ind ? (suggested ?? indicatorValue(ind, column.value)) : null;
        if (column.merge && ind) {
          // A 二级 run never crosses a change of 一级: merging stops where any column to its left changed.
          const text = String(value ?? '');
          if (!broken && i > 0 && runs[j].top && runs[j].text === text) return;
          broken = true;
          closeRun(j, r - 1);
          runs[j] = { text, top: r };
        }
        put(r, col, value, typeof value === 'number' ? 'number' : column.value === 'goal' ? 'center' : 'text', right);
      });
      r++;
    });
    block.columns.forEach((_, j) => closeRun(j, r - 1));
    if (block.totalRow) {
      const weightAt = block.columns.findIndex((column) => column.value === 'weight');
      const scoreAt = block.columns.findIndex((column) => column.value === 'score');
      const labelEnd = weightAt > 0 ? lead + weightAt : lead + block.columns.length;
      put(r, lead + 1, block.totalRow, 'header', labelEnd);
      if (weightAt >= 0) put(r, lead + 1 + weightAt, pointsCell(score.maxTotal), 'number');
      if (scoreAt >= 0) put(r, lead + 1 + scoreAt, pointsCell(score.total), 'number');
      if (scoreAt >= 0 && scoreAt < block.columns.length - 1 && profile.scoring.grades) {
        put(r, lead + 2 + scoreAt, score.grade ? `评价等级:${score.grade}` : null, 'text', width);
      }
      r++;
    }
    if (lead) {
      cells.push({ row: top, col: 1, value: block.label.join(''), style: 'header' });
      mergeDown(top, 1, r - 1, lead);
    }
    // The 一体化 rules that changed the 总分 (封顶 by 执行率, 扣分 for 偏离), a line each as the page lists
    // them, so the printed total explains itself; the importer stops at the 总分 row and never reads them.
    if (block.totalRow && score.adjustments.length) {
      const labelEnd = Math.max(1, lead);
      cells.push({ row: r, col: 1, value: '计分调整', style: 'header' });
      mergeDown(r, 1, r + score.adjustments.length - 1, labelEnd);
      for (const adjustment of score.adjustments) put(r++, labelEnd + 1, adjustmentText(adjustment), 'text', width);
    }
    keepTable(top, r - 1, { first: top, last: top + depth - 1, left: lead + 1 });
    return r;
  }

  function headers(block: Table, top: number, depth: number, first: number): void {
    const count = block.columns.length;
    placeHeaders(
      block.columns.map((column, j) => ({ left: first + j, right: j === count - 1 ? width : first + j, header: column.header })),
      top,
      depth,
      (r, c, text) => put(r, c, text, 'header'),
      mergeDown,
    );
  }
}
