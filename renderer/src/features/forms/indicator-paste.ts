/**
 * A block of indicator cells copied from Excel or WPS (an indicator table in last year's workbook,
 * the 指标库) pasted into the 绩效指标 grid: filled from the focused cell rightwards and downwards,
 * rows added past the last one, as a spreadsheet pastes. All or nothing: one cell the grid cannot
 * take refuses the whole block, naming the pasted row and the column.
 */
import { formatPoints, parsePoints } from '../../../../shared/forms/decimal';
import { normaliseLevel1 } from '../../../../shared/forms/indicators';
import { NATURES, type Horizon, type PerfFormJson } from '../../../../shared/forms/model';
import type { IndicatorColumn, Profile } from '../../../../shared/forms/profiles';
import { parseClipboard } from '../../grid/clipboard';
import { addIndicator, level2Fits, setIndicatorField, type IndicatorField } from './form-draft';

/** A paste of more than one cell: one value pasted into a cell is ordinary typing. */
export function isCellBlock(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/[\r\n]+$/, ''));
}

/**
 * The form with the block pasted at the `row`-th indicator of `horizon` (0-based among that
 * horizon's rows) and the `col`-th column of the grid. Throws an Error with the Chinese message
 * the clerk reads.
 */
export function pasteIndicators(form: PerfFormJson, profile: Profile, horizon: Horizon, columns: readonly IndicatorColumn[], row: number, col: number, text: string): PerfFormJson {
  const block = parseClipboard(text);
  const widest = Math.max(...block.map((cells) => cells.length));
  if (col + widest > columns.length) {
    throw new Error(`粘贴的指标有 ${widest} 列,从“${columns[col].header.join('')}”往右只有 ${columns.length - col} 列。请从左边的列开始粘贴,或少复制几列`);
  }
  let next = form;
  block.forEach((cells, r) => {
    const indices = next.indicators.flatMap((ind, i) => (ind.horizon === horizon ? [i] : []));
    if (row + r >= indices.length) next = addIndicator(next, profile, horizon, null).form;
    const index = next.indicators.flatMap((ind, i) => (ind.horizon === horizon ? [i] : []))[row + r];
    cells.forEach((raw, c) => {
      const column = columns[col + c];
      if (column.value === 'goal' || column.value === 'horizon') return;
      const where = `粘贴的第 ${r + 1} 行“${column.header.join('')}”`;
      next = setIndicatorField(next, profile, index, column.value as IndicatorField, cellValue(next, profile, index, column.value, raw.trim(), where));
    });
  });
  return next;
}

/** What a pasted cell sets; an empty 一级/二级 keeps the row's own, as Excel copies a merged cell's rows empty. */
function cellValue(form: PerfFormJson, profile: Profile, index: number, field: IndicatorColumn['value'], text: string, where: string): string | null {
  const ind = form.indicators[index];
  switch (field) {
    case 'level1':
      if (text === '') return ind.level1;
      if (!normaliseLevel1(text)) throw new Error(`${where}:“${text}”不是一级指标(产出、效益、满意度、成本指标)。请改正后再粘贴`);
      return text;
    case 'level2':
      if (text === '') return ind.level2;
      if (!level2Fits(ind.level1, text, profile)) throw new Error(`${where}:“${text}”不是“${ind.level1}”下的二级指标。请改正后再粘贴`);
      return text;
    case 'nature':
      if (text !== '' && !(NATURES as readonly string[]).includes(text)) throw new Error(`${where}:“${text}”不是指标性质(${NATURES.join('、')})。请改正后再粘贴`);
      return text || null;
    case 'weight':
    case 'score':
      try {
        return formatPoints(parsePoints(text, ''));
      } catch {
        throw new Error(`${where}:“${text}”不是有效分值。请改正后再粘贴`);
      }
    default:
      return text;
  }
}
